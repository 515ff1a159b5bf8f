using System.Globalization;
using System.Text;
using NlpPipeline.Documents;

namespace NlpPipeline.Quotes;

/// <summary>
/// Runs an annotation function over the texts named by a gold file and scores the quotes it finds (QUOTES.md), and
/// writes the report that <c>nlp eval quotes</c> prints: scores overall and by type, misses and false alarms with their
/// sentences, and precision at confidence thresholds.
/// </summary>
public static class QuoteEvaluation
{
    /// <summary>Reads a text of the quote corpus as a document: UTF-8, NFC, LF line ends; its id is the gold path.</summary>
    public static Document ReadText(string textsDir, string relative)
    {
        ArgumentNullException.ThrowIfNull(textsDir);
        ArgumentNullException.ThrowIfNull(relative);
        var raw = File.ReadAllText(Path.Combine(textsDir, relative), Encoding.UTF8);
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Normalize(NormalizationForm.FormC);
        return Documents.Readers.ArchiveRecordParser.CreateDocument(relative, text);
    }

    /// <summary>Annotates each gold document with <paramref name="annotate"/> and returns its quotes and texts by path.</summary>
    public static (Dictionary<string, IReadOnlyList<Quote>> Quotes, Dictionary<string, string> Texts) Predict(
        IReadOnlyList<GoldDocument> gold, string textsDir, Func<Document, AnnotatedDocument> annotate)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(annotate);
        var quotes = new Dictionary<string, IReadOnlyList<Quote>>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in gold)
        {
            var doc = annotate(ReadText(textsDir, g.Doc));
            quotes[g.Doc] = doc.Quotes;
            texts[g.Doc] = doc.Text;
        }
        return (quotes, texts);
    }

    /// <summary>The report: scores, then (when <paramref name="details"/>) misses and false alarms with their sentences.</summary>
    public static string Report(QuoteEvaluationResult r, IReadOnlyDictionary<string, string> texts, bool details)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(texts);
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine("subset            n_gold n_pred   quoteP quoteR quoteF1  exactF1  spkAcc   e2eP   e2eR  e2eF1");
        foreach (var (name, s) in new[] { ("all", r.All), ("direct", r.Direct), ("indirect+mixed", r.Reported) })
        {
            sb.AppendLine(string.Format(ci, "{0,-16} {1,7} {2,6}   {3:0.000}  {4:0.000}   {5:0.000}    {6:0.000}   {7:0.000}  {8:0.000}  {9:0.000}  {10:0.000}",
                name, s.Quote.Gold, s.Quote.Predicted, s.Quote.Precision, s.Quote.Recall, s.Quote.F1, s.Exact.F1,
                s.SpeakerAccuracy, s.EndToEnd.Precision, s.EndToEnd.Recall, s.EndToEnd.F1));
        }
        sb.AppendLine();
        sb.AppendLine("precision at confidence (end-to-end: quote and speaker right):");
        var right = r.RightEndToEnd();
        var scored = r.Matches.Select(m => m.Predicted).Concat(r.FalseAlarms.Select(f => f.Predicted))
            .Select(q => (q.Confidence, right.Contains(q) ? 1 : 0)).ToList();
        sb.Append(ConfidenceCurve.Of(scored, r.All.Quote.Gold).Format());
        sb.AppendLine();
        sb.AppendLine("by speaker kind (recall by gold kind, precision by predicted kind; none = no speaker):");
        sb.AppendLine("kind   n_gold n_pred   quoteR  spkAcc   e2eP   e2eR  e2eF1");
        foreach (var k in ByKind(r))
        {
            sb.AppendLine(string.Format(ci, "{0,-6} {1,6} {2,6}   {3:0.000}   {4:0.000}  {5:0.000}  {6:0.000}  {7:0.000}",
                k.Kind, k.Quote.Gold, k.Quote.Predicted, k.Quote.Recall, k.SpeakerAccuracy, k.EndToEnd.Precision, k.EndToEnd.Recall, k.EndToEnd.F1));
        }
        if (!details)
            return sb.ToString();
        sb.AppendLine();
        sb.AppendLine($"misses ({r.Misses.Count}):");
        foreach (var (doc, g) in r.Misses)
        {
            sb.AppendLine($"  [{doc}] {g.Type} | {g.Speaker ?? "null"} | {g.Cue ?? "-"} | {g.Content}");
            if (texts.TryGetValue(doc, out var text))
                sb.AppendLine("      in: " + SentenceAround(text, g.Content));
        }
        sb.AppendLine();
        sb.AppendLine($"false alarms ({r.FalseAlarms.Count}):");
        foreach (var (doc, p) in r.FalseAlarms)
        {
            sb.AppendLine(string.Format(ci, "  [{0}] {1} | {2} | {3} | {4:0.00} | {5}", doc, p.Type, p.Speaker?.Name ?? "null", p.Cue ?? "-", p.Confidence, p.Content));
            if (texts.TryGetValue(doc, out var text))
                sb.AppendLine("      in: " + Around(text, p.Start, p.End));
        }
        sb.AppendLine();
        var wrong = r.Matches.Where(m => !m.SpeakerRight).ToList();
        sb.AppendLine($"wrong speakers ({wrong.Count}):");
        foreach (var m in wrong)
        {
            sb.AppendLine($"  [{m.Doc}] gold {m.Gold.Speaker ?? "null"} ({m.Gold.SpeakerMention ?? "-"}) | predicted {m.Predicted.Speaker?.Name ?? "null"} ({m.Predicted.Speaker?.Mention ?? "-"}) | {Clip(m.Gold.Content)}");
        }
        var inexact = r.Matches.Where(m => !m.Exact).ToList();
        sb.AppendLine();
        sb.AppendLine($"inexact contents ({inexact.Count}):");
        foreach (var m in inexact)
        {
            sb.AppendLine($"  [{m.Doc}] gold: {m.Gold.Content}");
            sb.AppendLine($"  {new string(' ', m.Doc.Length + 2)} pred: {m.Predicted.Content}");
        }
        return sb.ToString();
    }

    /// <summary>
    /// Scores by speaker kind (PER, ORG, OTHER, none for a null speaker): recall and speaker accuracy count gold quotes
    /// of that gold kind, precision predictions of that predicted kind.
    /// </summary>
    public static IReadOnlyList<(string Kind, Prf Quote, double SpeakerAccuracy, Prf EndToEnd)> ByKind(QuoteEvaluationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        static string GoldKind(GoldQuote g) => g.Speaker is null ? "none" : g.SpeakerKind ?? "PER";
        static string PredKind(Quote q) => q.Speaker?.Kind ?? "none";
        var result = new List<(string, Prf, double, Prf)>();
        foreach (var kind in new[] { "PER", "ORG", "OTHER", "none" })
        {
            var matchedG = r.Matches.Where(m => GoldKind(m.Gold) == kind).ToList();
            var matchedP = r.Matches.Where(m => PredKind(m.Predicted) == kind).ToList();
            var nGold = matchedG.Count + r.Misses.Count(x => GoldKind(x.Gold) == kind);
            var nPred = matchedP.Count + r.FalseAlarms.Count(x => PredKind(x.Predicted) == kind);
            var rightG = matchedG.Count(m => m.SpeakerRight);
            result.Add((kind, new Prf(matchedP.Count, nPred, matchedG.Count, nGold),
                matchedG.Count == 0 ? 0 : (double)rightG / matchedG.Count,
                new Prf(matchedP.Count(m => m.SpeakerRight), nPred, rightG, nGold)));
        }
        return result;
    }

    private static string Clip(string s) => s.Length <= 80 ? s : s[..80] + "…";

    private static string SentenceAround(string text, string content)
    {
        var i = text.IndexOf(content, StringComparison.Ordinal);
        return i < 0 ? "(not found in text)" : Around(text, i, i + content.Length);
    }

    private static string Around(string text, int start, int end)
    {
        var a = Math.Max(0, start - 120);
        var nl = text.LastIndexOf('\n', Math.Max(0, start - 1));
        if (nl >= a)
            a = nl + 1;
        var b = Math.Min(text.Length, end + 80);
        var nl2 = text.IndexOf('\n', end);
        if (nl2 >= 0 && nl2 < b)
            b = nl2;
        return text[a..b].Replace('\n', ' ');
    }
}
