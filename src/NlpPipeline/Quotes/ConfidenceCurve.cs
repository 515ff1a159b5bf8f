using System.Globalization;
using System.Text;

namespace NlpPipeline.Quotes;

/// <summary>
/// How well confidences order and estimate correctness: for found quotes with their confidence and end-to-end label
/// (quote matched and speaker right), the precision and the share of gold kept at confidence thresholds, and the
/// log-loss, Brier score, expected calibration error (10 equal-width bins, weighted by bin size) and the area under the
/// ROC curve (the chance that a right quote has a higher confidence than a wrong one, ties half).
/// </summary>
public sealed record ConfidenceCurve(IReadOnlyList<(double Threshold, int Kept, double Precision, double GoldShare)> Points,
    int Found, int Gold, double LogLoss, double Brier, double Ece, double Auc)
{
    /// <summary>The thresholds the reports use.</summary>
    public static readonly IReadOnlyList<double> Thresholds = [0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>The curve of <paramref name="scored"/> (confidence, 1 when right) against <paramref name="gold"/> gold quotes.</summary>
    public static ConfidenceCurve Of(IReadOnlyList<(double Confidence, int Right)> scored, int gold)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var points = Thresholds.Select(t =>
        {
            var kept = scored.Where(s => s.Confidence >= t).ToList();
            var right = kept.Sum(s => s.Right);
            return (t, kept.Count, kept.Count == 0 ? 0.0 : (double)right / kept.Count, gold == 0 ? 0.0 : (double)right / gold);
        }).ToList();
        if (scored.Count == 0)
            return new ConfidenceCurve(points, 0, gold, 0, 0, 0, 0);
        const double Eps = 1e-6;
        var logLoss = -scored.Average(s => s.Right == 1 ? Math.Log(Math.Max(Eps, s.Confidence)) : Math.Log(Math.Max(Eps, 1 - s.Confidence)));
        var brier = scored.Average(s => (s.Confidence - s.Right) * (s.Confidence - s.Right));
        var ece = scored.GroupBy(s => Math.Min(9, (int)(s.Confidence * 10)))
            .Sum(b => (double)b.Count() / scored.Count * Math.Abs(b.Average(s => s.Confidence) - b.Average(s => (double)s.Right)));
        return new ConfidenceCurve(points, scored.Count, gold, logLoss, brier, ece, AreaUnderRoc(scored));
    }

    private static double AreaUnderRoc(IReadOnlyList<(double Confidence, int Right)> scored)
    {
        var positives = scored.Where(s => s.Right == 1).Select(s => s.Confidence).ToList();
        var negatives = scored.Where(s => s.Right != 1).Select(s => s.Confidence).ToList();
        if (positives.Count == 0 || negatives.Count == 0)
            return 0.5;
        var wins = positives.Sum(p => negatives.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0));
        return wins / positives.Count / negatives.Count;
    }

    /// <summary>The curve as report lines.</summary>
    public string Format()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        foreach (var (t, kept, precision, share) in Points)
        {
            sb.AppendLine(string.Format(ci, "  conf >= {0:0.0}: {1,4} quotes, precision {2:0.000}, share of gold found {3:0.000}",
                t, kept, precision, share));
        }
        sb.AppendLine(string.Format(ci, "  log-loss {0:0.000}, Brier {1:0.000}, ECE {2:0.000}, AUC {3:0.000} ({4} found quotes, {5} gold)", LogLoss, Brier, Ece, Auc, Found, Gold));
        return sb.ToString();
    }
}
