using System.Globalization;
using System.Text;

namespace NlpPipeline.Quotes;

/// <summary>
/// How well confidences order and estimate correctness: for found quotes with their confidence and end-to-end label
/// (quote matched and speaker right), the precision and the share of gold kept at confidence thresholds, and the
/// log-loss, Brier score and expected calibration error (10 equal-width bins, weighted by bin size).
/// </summary>
public sealed record ConfidenceCurve(IReadOnlyList<(double Threshold, int Kept, double Precision, double GoldShare)> Points,
    int Found, int Gold, double LogLoss, double Brier, double Ece)
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
            return new ConfidenceCurve(points, 0, gold, 0, 0, 0);
        const double Eps = 1e-6;
        var logLoss = -scored.Average(s => s.Right == 1 ? Math.Log(Math.Max(Eps, s.Confidence)) : Math.Log(Math.Max(Eps, 1 - s.Confidence)));
        var brier = scored.Average(s => (s.Confidence - s.Right) * (s.Confidence - s.Right));
        var ece = scored.GroupBy(s => Math.Min(9, (int)(s.Confidence * 10)))
            .Sum(b => (double)b.Count() / scored.Count * Math.Abs(b.Average(s => s.Confidence) - b.Average(s => (double)s.Right)));
        return new ConfidenceCurve(points, scored.Count, gold, logLoss, brier, ece);
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
        sb.AppendLine(string.Format(ci, "  log-loss {0:0.000}, Brier {1:0.000}, ECE {2:0.000} ({3} found quotes, {4} gold)", LogLoss, Brier, Ece, Found, Gold));
        return sb.ToString();
    }
}
