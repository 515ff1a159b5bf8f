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
/// gold or predictions, in ordinal order; macro-F1 averages F1 over the labels that occur in gold.
/// </summary>
public sealed class TopicMetrics
{
    private readonly Dictionary<(string Gold, string Predicted), int> _cells = [];

    public int Total { get; private set; }
    public int Correct { get; private set; }

    public void Add(string gold, string predicted)
    {
        Total++;
        if (gold == predicted)
            Correct++;
        _cells[(gold, predicted)] = _cells.GetValueOrDefault((gold, predicted)) + 1;
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
        return sb.ToString();
    }

    private static string Abbrev(string label) => label.Length <= 8 ? label : label[..8];
}
