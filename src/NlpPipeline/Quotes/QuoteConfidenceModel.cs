using System.Globalization;
using NlpPipeline.Resources;

namespace NlpPipeline.Quotes;

/// <summary>
/// A logistic model over general features of a found quote (type, rule, cue frame and marker, how the speaker was
/// resolved and what it is, where its mention stands, the content's length and shape): <c>confidence = σ(w·x)</c>, the
/// estimated probability that the quote and its speaker are right (QUOTES.md's end-to-end pairing). Confidence never
/// changes which quotes are found.
/// The weights live in <c>data/vi/quote-confidence.tsv</c> and are fitted by <c>nlp train quote-confidence</c>.
/// </summary>
public sealed class QuoteConfidenceModel
{
    /// <summary>
    /// Feature names, in the order of <see cref="Features"/>. All are 0/1 indicators but <c>speaker:entity-confidence</c>
    /// (the entity stage's probability of the speaker's entity, in [0, 1]) and <c>distance</c> (sentences to an inherited
    /// source, at most 3). The baselines left out of each group: type indirect, pattern cue-before, a cue of frame R only,
    /// no rằng/là/colon, speaker kind PER, content of 8-19 syllables.
    /// </summary>
    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "bias", "direct", "mixed",
        "pattern:after", "pattern:theo", "pattern:headline", "pattern:continuation", "pattern:unattributed",
        "cue:none", "cue:strong", "cue:wish", "cue:object",
        "marker:rằng", "marker:là", "marker:colon", "introduced",
        "speaker:name", "speaker:alias", "speaker:pronoun", "speaker:title", "speaker:group", "speaker:inherited", "speaker:none",
        "kind:ORG", "kind:OTHER", "speaker:entity-confidence", "speaker:no-entity", "speaker:one-syllable", "speaker:long",
        "speaker:lower-case", "speaker:titled",
        "mention:same-sentence", "mention:none", "distance",
        "length:1-3", "length:4-7", "length:20-39", "length:40+", "reported-short",
        "content:capital", "content:digit", "content:first-person", "content:question", "content:ends-mid-sentence",
        "in-title",
    ];

    private static readonly Lazy<QuoteConfidenceModel> DefaultInstance = new(() =>
        EmbeddedResources.Exists("data/vi/quote-confidence.tsv")
            ? FromLines(EmbeddedResources.ReadLines("data/vi/quote-confidence.tsv"))
            : new QuoteConfidenceModel(new double[FeatureNames.Count]));

    private readonly double[] _weights;

    public QuoteConfidenceModel(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != FeatureNames.Count)
            throw new ArgumentException($"Expected {FeatureNames.Count} weights.", nameof(weights));
        _weights = [.. weights];
    }

    public static QuoteConfidenceModel Default => DefaultInstance.Value;

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Reads <c>feature&lt;TAB&gt;weight</c> lines; unknown features are an error, missing ones weigh 0.</summary>
    public static QuoteConfidenceModel FromLines(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var weights = new double[FeatureNames.Count];
        foreach (var line in lines)
        {
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            var parts = line.Split('\t');
            if (parts.Length < 2 || !Index.TryGetValue(parts[0], out var index))
                throw new InvalidDataException($"quote-confidence: bad line '{line}'");
            weights[index] = double.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return new QuoteConfidenceModel(weights);
    }

    /// <summary>The weights as <c>feature&lt;TAB&gt;weight</c> lines.</summary>
    public IEnumerable<string> ToLines() =>
        FeatureNames.Select((name, i) => name + "\t" + _weights[i].ToString("0.####", CultureInfo.InvariantCulture));

    internal double Score(QuoteCandidate candidate, Documents.AnnotatedDocument document) => Score(Features(candidate, document));

    public double Score(double[] x)
    {
        var z = 0.0;
        for (var i = 0; i < x.Length; i++)
            z += _weights[i] * x[i];
        return Math.Round(1.0 / (1.0 + Math.Exp(-z)), 4);
    }

    /// <summary>The feature row of a found quote of <paramref name="document"/> (see <see cref="FeatureNames"/>).</summary>
    internal static double[] Features(QuoteCandidate c, Documents.AnnotatedDocument document)
    {
        var text = document.Text;
        var x = new double[FeatureNames.Count];
        void Set(string name, bool on) => x[Index[name]] = on ? 1 : 0;
        x[0] = 1;
        Set("direct", c.Type == Documents.QuoteTypes.Direct);
        Set("mixed", c.Type == Documents.QuoteTypes.Mixed);
        Set("pattern:after", c.Pattern == QuotePattern.CueAfter);
        Set("pattern:theo", c.Pattern == QuotePattern.Theo);
        Set("pattern:headline", c.Pattern == QuotePattern.Headline);
        Set("pattern:continuation", c.Pattern == QuotePattern.Continuation);
        Set("pattern:unattributed", c.Pattern == QuotePattern.Unattributed);
        var cued = c.CueStart >= 0;
        Set("cue:none", !cued);
        Set("cue:strong", cued && (c.CueFrame & CueFrame.Bare) != 0);
        Set("cue:wish", cued && (c.CueFrame & CueFrame.SubjectClause) != 0);
        Set("cue:object", cued && (c.CueFrame & (CueFrame.ObjectFirst | CueFrame.ObjectAtTimes)) != 0);
        var gap = cued && c.CueEnd <= c.Start ? text[c.CueEnd..c.Start] : "";
        var gapWords = gap.Split([' ', '\n', ',', ':', '“', '"', '”', '‘'], StringSplitOptions.RemoveEmptyEntries);
        Set("marker:rằng", gapWords.Contains("rằng"));
        Set("marker:là", gapWords.Contains("là"));
        Set("marker:colon", gap.Contains(':', StringComparison.Ordinal));
        Set("introduced", c.Introduced);
        var speaker = c.Speaker;
        var r = speaker?.Resolution ?? SpeakerResolution.None;
        Set("speaker:name", r == SpeakerResolution.Name);
        Set("speaker:alias", r == SpeakerResolution.Alias);
        Set("speaker:pronoun", r == SpeakerResolution.Pronoun);
        Set("speaker:title", r == SpeakerResolution.Title);
        Set("speaker:group", r == SpeakerResolution.Group);
        Set("speaker:inherited", r == SpeakerResolution.Inherited || c.InheritFrom is not null);
        Set("speaker:none", speaker is null);
        Set("kind:ORG", speaker?.Kind == "ORG");
        Set("kind:OTHER", speaker?.Kind == "OTHER");
        var entityConfidence = speaker?.Ref is { } sref
            ? document.Entities.Where(e => e.Ref == sref && e.Confidence is not null).Select(e => e.Confidence!.Value).DefaultIfEmpty(-1).Max()
            : -1;
        x[Index["speaker:entity-confidence"]] = Math.Max(0, entityConfidence);
        Set("speaker:no-entity", speaker is not null && entityConfidence < 0);
        var nameLength = speaker is null ? 0 : Syllables(speaker.Name);
        Set("speaker:one-syllable", nameLength == 1);
        Set("speaker:long", nameLength > 4);
        Set("speaker:lower-case", speaker is { Name.Length: > 0 } && char.IsLower(speaker.Name[0]));
        Set("speaker:titled", speaker?.Title is not null);
        var first = SentenceOf(document, c.Start);
        Set("mention:same-sentence", c.MentionStart >= 0 && SentenceOf(document, c.MentionStart) is var m && m >= first && m <= SentenceOf(document, Math.Max(c.Start, c.End - 1)));
        Set("mention:none", speaker is not null && c.MentionStart < 0);
        x[Index["distance"]] = Math.Min(c.Distance, 3);
        var content = text[c.Start..c.End];
        var length = Syllables(content);
        Set("length:1-3", length <= 3);
        Set("length:4-7", length is >= 4 and <= 7);
        Set("length:20-39", length is >= 20 and <= 39);
        Set("length:40+", length >= 40);
        Set("reported-short", c.Type != Documents.QuoteTypes.Direct && length <= 7);
        var head = content.TrimStart(' ', '“', '"', '‘', '-', '–', '(');
        Set("content:capital", head.Length > 0 && char.IsUpper(head[0]));
        Set("content:digit", head.Length > 0 && char.IsDigit(head[0]));
        Set("content:first-person", content.Split([' ', ',', '.', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Any(w => w is "tôi" or "Tôi" or "mình" or "Mình" or "ta" or "Ta"));
        var after = c.End < text.Length ? text[c.End..Math.Min(text.Length, c.End + 3)].TrimStart('”', '"', '’', ' ') : "";
        Set("content:question", content.TrimEnd().EndsWith('?') || after.StartsWith('?'));
        Set("content:ends-mid-sentence", after.Length > 0 && after[0] is ',' or ';' || (after.Length > 0 && char.IsLetter(after[0])));
        var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
        Set("in-title", firstLine < 0 || c.Start < firstLine);
        return x;
    }

    private static readonly Dictionary<string, int> Index =
        FeatureNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

    private static int Syllables(string s) => s.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The index of the sentence holding <paramref name="pos"/>; without sentences, the index of its line.</summary>
    private static int SentenceOf(Documents.AnnotatedDocument document, int pos)
    {
        var sentences = document.Sentences;
        if (sentences.IsDefaultOrEmpty)
            return document.Text.AsSpan(0, Math.Min(pos, document.Text.Length)).Count('\n');
        int lo = 0, hi = sentences.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (sentences[mid].Start <= pos)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }
}
