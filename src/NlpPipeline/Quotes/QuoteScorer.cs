using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NlpPipeline.Documents;

namespace NlpPipeline.Quotes;

/// <summary>A gold quote of QUOTES.md.</summary>
public sealed record GoldQuote(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("speaker")] string? Speaker,
    [property: JsonPropertyName("speaker_mention")] string? SpeakerMention,
    [property: JsonPropertyName("speaker_kind")] string? SpeakerKind,
    [property: JsonPropertyName("speaker_aliases")] IReadOnlyList<string>? SpeakerAliases,
    [property: JsonPropertyName("cue")] string? Cue,
    [property: JsonPropertyName("content")] string Content);

/// <summary>One gold record: a document path (relative to the texts folder) and its quotes.</summary>
public sealed record GoldDocument(
    [property: JsonPropertyName("doc")] string Doc,
    [property: JsonPropertyName("quotes")] IReadOnlyList<GoldQuote> Quotes)
{
    /// <summary>Reads a JSON Lines gold file; blank lines are skipped.</summary>
    public static List<GoldDocument> ReadAll(string path) =>
        [.. File.ReadLines(path, Encoding.UTF8).Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<GoldDocument>(l) ?? throw new InvalidDataException($"{path}: empty record"))];
}

/// <summary>
/// Precision, recall and F1 from counts; all 0 when a denominator is 0. The numerators differ only for by-type subsets,
/// where precision counts pairs by the predicted type and recall by the gold type.
/// </summary>
public readonly record struct Prf(int CorrectPredicted, int Predicted, int CorrectGold, int Gold)
{
    public Prf(int correct, int predicted, int gold)
        : this(correct, predicted, correct, gold)
    {
    }

    public double Precision => Predicted == 0 ? 0 : (double)CorrectPredicted / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)CorrectGold / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>A matched pair of a document: gold and predicted quote with their overlap and whether the speaker is right.</summary>
public sealed record QuoteMatch(string Doc, GoldQuote Gold, Quote Predicted, double Overlap, bool Exact, bool SpeakerRight);

/// <summary>The scores of QUOTES.md for one subset (all, direct, indirect/mixed).</summary>
public sealed record QuoteScores(Prf Quote, Prf Exact, int SpeakerRight, int Matched, Prf EndToEnd)
{
    public double SpeakerAccuracy => Matched == 0 ? 0 : (double)SpeakerRight / Matched;
}

/// <summary>Everything the scorer found: pairs, misses, false alarms, and scores overall and by type.</summary>
public sealed record QuoteEvaluationResult(
    IReadOnlyList<QuoteMatch> Matches,
    IReadOnlyList<(string Doc, GoldQuote Gold)> Misses,
    IReadOnlyList<(string Doc, Quote Predicted)> FalseAlarms,
    QuoteScores All,
    QuoteScores Direct,
    QuoteScores Reported)
{
    /// <summary>The predicted quotes right end to end (matched, speaker right), by reference.</summary>
    public HashSet<Quote> RightEndToEnd() =>
        new(Matches.Where(m => m.SpeakerRight).Select(m => m.Predicted), ReferenceEqualityComparer.Instance);
}

/// <summary>
/// Scores predicted quotes against gold exactly as QUOTES.md says: greedy best-pair matching by syllable overlap
/// <c>|common| / max(|gold|, |pred|)</c> ≥ 0.5 within a document; exact match after trimming spaces and punctuation;
/// speaker right when the prediction, with a leading title stripped, equals the gold speaker or an alias
/// (case-insensitive); end-to-end counts pairs whose speaker is right. By type, precision counts predictions of that
/// type and recall gold quotes of that type (direct vs indirect+mixed).
/// </summary>
public sealed class QuoteScorer
{
    private readonly QuoteLexicon _lexicon;

    public QuoteScorer()
        : this(QuoteLexicon.Default)
    {
    }

    public QuoteScorer(QuoteLexicon lexicon) => _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));

    /// <summary>Syllables of QUOTES.md: whitespace-separated, lower-cased, punctuation stripped, empty ones dropped.</summary>
    public static List<string> Syllables(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<string>();
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var sb = new StringBuilder(raw.Length);
            foreach (var ch in raw)
            {
                if (!char.IsPunctuation(ch) && !char.IsSymbol(ch))
                    sb.Append(char.ToLowerInvariant(ch));
            }
            if (sb.Length > 0)
                result.Add(sb.ToString());
        }
        return result;
    }

    /// <summary><c>|common| / max(|a|, |b|)</c> over syllable multisets; 0 when either is empty.</summary>
    public static double Overlap(string a, string b)
    {
        var x = Syllables(a);
        var y = Syllables(b);
        if (x.Count == 0 || y.Count == 0)
            return 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in x)
            counts[s] = counts.GetValueOrDefault(s) + 1;
        var common = 0;
        foreach (var s in y)
        {
            if (counts.TryGetValue(s, out var n) && n > 0)
            {
                counts[s] = n - 1;
                common++;
            }
        }
        return (double)common / Math.Max(x.Count, y.Count);
    }

    /// <summary>Contents equal after trimming spaces and punctuation at both ends.</summary>
    public static bool ExactMatch(string gold, string predicted) =>
        string.Equals(TrimEnds(gold), TrimEnds(predicted), StringComparison.Ordinal);

    private static string TrimEnds(string s)
    {
        int a = 0, b = s.Length;
        while (a < b && (char.IsWhiteSpace(s[a]) || char.IsPunctuation(s[a]) || char.IsSymbol(s[a])))
            a++;
        while (b > a && (char.IsWhiteSpace(s[b - 1]) || char.IsPunctuation(s[b - 1]) || char.IsSymbol(s[b - 1])))
            b--;
        return s[a..b];
    }

    /// <summary>Does the predicted speaker name the gold one? Both null is right; one null is wrong.</summary>
    public bool SpeakerMatches(GoldQuote gold, string? predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        if (gold.Speaker is null || predicted is null)
            return gold.Speaker is null && predicted is null;
        var names = new HashSet<string>(StringComparer.Ordinal) { Normalize(gold.Speaker) };
        foreach (var a in gold.SpeakerAliases ?? [])
            names.Add(Normalize(a));
        foreach (var form in StrippedForms(predicted))
        {
            if (names.Contains(form))
                return true;
        }
        return false;
    }

    private static string Normalize(string s) => string.Join(' ', s.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The prediction, then with each leading honorific or title removed in turn (<c>Thứ trưởng Syromolotov</c> → <c>syromolotov</c>).</summary>
    private IEnumerable<string> StrippedForms(string predicted)
    {
        var words = Normalize(predicted).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        yield return string.Join(' ', words);
        while (start < words.Length)
        {
            var best = 0;
            for (var n = 1; n <= _lexicon.MaxSourceLength && start + n < words.Length; n++)
            {
                var key = string.Join(' ', words, start, n);
                if (_lexicon.Sources.TryGetValue(key, out var w) && w.Class is SourceClass.Honorific or SourceClass.Title)
                    best = n;
            }
            if (best == 0)
                yield break;
            start += best;
            yield return string.Join(' ', words, start, words.Length - start);
        }
    }

    /// <summary>Scores the predictions of each document (by <see cref="GoldDocument.Doc"/>) against the gold.</summary>
    public QuoteEvaluationResult Score(IReadOnlyList<GoldDocument> gold, IReadOnlyDictionary<string, IReadOnlyList<Quote>> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var matches = new List<QuoteMatch>();
        var misses = new List<(string, GoldQuote)>();
        var falseAlarms = new List<(string, Quote)>();
        var allPred = new List<Quote>();
        var allGold = new List<GoldQuote>();
        foreach (var doc in gold)
        {
            var preds = predicted.TryGetValue(doc.Doc, out var p) ? p : [];
            allPred.AddRange(preds);
            allGold.AddRange(doc.Quotes);
            var pairs = new List<(double Overlap, int G, int P)>();
            for (var g = 0; g < doc.Quotes.Count; g++)
            {
                for (var q = 0; q < preds.Count; q++)
                {
                    var o = Overlap(doc.Quotes[g].Content, preds[q].Content);
                    if (o >= 0.5)
                        pairs.Add((o, g, q));
                }
            }
            pairs.Sort((x, y) => y.Overlap != x.Overlap ? y.Overlap.CompareTo(x.Overlap) : x.G != y.G ? x.G.CompareTo(y.G) : x.P.CompareTo(y.P));
            var usedG = new bool[doc.Quotes.Count];
            var usedP = new bool[preds.Count];
            foreach (var (o, g, q) in pairs)
            {
                if (usedG[g] || usedP[q])
                    continue;
                usedG[g] = usedP[q] = true;
                var gq = doc.Quotes[g];
                var pq = preds[q];
                matches.Add(new QuoteMatch(doc.Doc, gq, pq, o, ExactMatch(gq.Content, pq.Content), SpeakerMatches(gq, pq.Speaker?.Name)));
            }
            for (var g = 0; g < doc.Quotes.Count; g++)
            {
                if (!usedG[g])
                    misses.Add((doc.Doc, doc.Quotes[g]));
            }
            for (var q = 0; q < preds.Count; q++)
            {
                if (!usedP[q])
                    falseAlarms.Add((doc.Doc, preds[q]));
            }
        }
        return new QuoteEvaluationResult(matches, misses, falseAlarms,
            Subset(matches, allGold, allPred, _ => true),
            Subset(matches, allGold, allPred, t => t == QuoteTypes.Direct),
            Subset(matches, allGold, allPred, t => t != QuoteTypes.Direct));
    }

    private static QuoteScores Subset(List<QuoteMatch> matches, List<GoldQuote> gold, List<Quote> pred, Func<string, bool> type)
    {
        var nGold = gold.Count(g => type(g.Type));
        var nPred = pred.Count(p => type(p.Type));
        // Precision counts pairs by the predicted type, recall by the gold type; overall both are all pairs.
        int Pairs(Func<QuoteMatch, bool> ok, bool byGold) => matches.Count(m => ok(m) && type(byGold ? m.Gold.Type : m.Predicted.Type));
        static Prf Make(int cp, int cg, int np, int ng) => new(cp, np, cg, ng);
        var quote = Make(Pairs(_ => true, false), Pairs(_ => true, true), nPred, nGold);
        var exact = Make(Pairs(m => m.Exact, false), Pairs(m => m.Exact, true), nPred, nGold);
        var e2e = Make(Pairs(m => m.SpeakerRight, false), Pairs(m => m.SpeakerRight, true), nPred, nGold);
        var matched = Pairs(_ => true, true);
        var right = Pairs(m => m.SpeakerRight, true);
        return new QuoteScores(quote, exact, right, matched, e2e);
    }
}
