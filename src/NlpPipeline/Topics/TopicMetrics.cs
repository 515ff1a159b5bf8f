using System.Globalization;
using System.Text;

namespace NlpPipeline.Topics;

/// <summary>Per-label precision, recall and F1 with their gold and predicted counts.</summary>
public readonly record struct LabelScores(string Label, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Accuracy, macro-F1 and the confusion matrix of single-label predictions. Labels are those seen in
/// gold or predictions, in ordinal order; macro-F1 averages F1 over the labels that occur in gold. When
/// predictions come with their probability, also the calibration: a reliability table over
/// <see cref="CalibrationBins"/> equal-width bins and the expected calibration error.
/// </summary>
public sealed class TopicMetrics
{
    public const int CalibrationBins = 10;

    private readonly Dictionary<(string Gold, string Predicted), int> _cells = [];
    private readonly int[] _binCount = new int[CalibrationBins];
    private readonly double[] _binScore = new double[CalibrationBins];
    private readonly int[] _binCorrect = new int[CalibrationBins];

    public int Total { get; private set; }
    public int Correct { get; private set; }

    /// <summary>Counts one prediction; <paramref name="score"/> is its probability (0..1), if known.</summary>
    public void Add(string gold, string predicted, double? score = null)
    {
        Total++;
        if (gold == predicted)
            Correct++;
        _cells[(gold, predicted)] = _cells.GetValueOrDefault((gold, predicted)) + 1;
        if (score is not { } p)
            return;
        var bin = Math.Clamp((int)(p * CalibrationBins), 0, CalibrationBins - 1);
        _binCount[bin]++;
        _binScore[bin] += p;
        if (gold == predicted)
            _binCorrect[bin]++;
    }

    /// <summary>Expected calibration error: over the bins, |mean probability − accuracy| weighted by the bin's share of scored predictions (0 when none were scored).</summary>
    public double ExpectedCalibrationError
    {
        get
        {
            var n = _binCount.Sum();
            var ece = 0.0;
            for (var b = 0; b < CalibrationBins; b++)
                ece += Math.Abs(_binScore[b] - _binCorrect[b]) / Math.Max(1, n);
            return ece;
        }
    }

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public IReadOnlyList<string> Labels =>
        _cells.Keys.SelectMany(k => new[] { k.Gold, k.Predicted }).Distinct().Order(StringComparer.Ordinal).ToList();

    public int Count(string gold, string predicted) => _cells.GetValueOrDefault((gold, predicted));

    public IReadOnlyList<LabelScores> PerLabel =>
        Labels.Select(l => new LabelScores(l,
            _cells.Where(c => c.Key.Gold == l).Sum(c => c.Value),
            _cells.Where(c => c.Key.Predicted == l).Sum(c => c.Value),
            Count(l, l))).ToList();

    public double MacroF1
    {
        get
        {
            var scored = PerLabel.Where(s => s.Gold > 0).ToList();
            return scored.Count == 0 ? 0 : scored.Average(s => s.F1);
        }
    }

    /// <summary>A plain-text report: accuracy, macro-F1, per-label P/R/F1 and the confusion matrix (rows gold, columns predicted).</summary>
    public string Report()
    {
        var inv = CultureInfo.InvariantCulture;
        var labels = Labels;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"documents {Total}  accuracy {Accuracy:P2}  macro-F1 {MacroF1:F4}");
        sb.AppendLine();
        sb.AppendLine(inv, $"{"label",-18} {"gold",6} {"pred",6} {"P",7} {"R",7} {"F1",7}");
        foreach (var s in PerLabel)
            sb.AppendLine(inv, $"{s.Label,-18} {s.Gold,6} {s.Predicted,6} {s.Precision,7:F4} {s.Recall,7:F4} {s.F1,7:F4}");
        sb.AppendLine();
        sb.AppendLine("confusion (rows gold, columns predicted):");
        var width = Math.Max(6, labels.Max(l => Abbrev(l).Length) + 1);
        sb.Append(' ', 18);
        foreach (var l in labels)
            sb.Append(Abbrev(l).PadLeft(width));
        sb.AppendLine();
        foreach (var g in labels)
        {
            sb.Append(g.PadRight(18));
            foreach (var p in labels)
                sb.Append(Count(g, p).ToString(inv).PadLeft(width));
            sb.AppendLine();
        }
        if (_binCount.Sum() > 0)
        {
            sb.AppendLine();
            sb.AppendLine(inv, $"calibration of the top label's probability: ECE {ExpectedCalibrationError:F4}");
            sb.AppendLine(inv, $"{"probability",-12} {"docs",6} {"mean p",7} {"accuracy",8}");
            for (var b = 0; b < CalibrationBins; b++)
                if (_binCount[b] > 0)
                    sb.AppendLine(inv, $"{$"{(double)b / CalibrationBins:F1}-{(double)(b + 1) / CalibrationBins:F1}",-12} {_binCount[b],6} {_binScore[b] / _binCount[b],7:F4} {(double)_binCorrect[b] / _binCount[b],8:F4}");
        }
        return sb.ToString();
    }

    private static string Abbrev(string label) => label.Length <= 8 ? label : label[..8];
}
