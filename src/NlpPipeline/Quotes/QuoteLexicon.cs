using System.Collections.Frozen;
using NlpPipeline.Resources;

namespace NlpPipeline.Quotes;

/// <summary>How a speech cue may be used (letters of the frame column in <c>data/vi/quote-cues.tsv</c>).</summary>
[Flags]
public enum CueFrame
{
    None = 0,
    /// <summary>Takes a bare clause: <c>X cho biết Y</c>.</summary>
    Bare = 1,
    /// <summary>Takes <c>rằng</c>/<c>là</c>/colon/a quotation.</summary>
    Complementizer = 2,
    /// <summary>May follow its content: <c>“...”, ông nói.</c></summary>
    After = 4,
    /// <summary>Only with quotation marks (emotive verbs such as <c>cười</c>).</summary>
    QuotedOnly = 8,
    /// <summary>Only with a document as its source (<c>Báo cáo cho thấy ...</c>, not <c>Kết quả xét nghiệm cho thấy</c>).</summary>
    DocumentOnly = 16,
    /// <summary>Often takes a plain noun-phrase object (<c>chia sẻ kinh nghiệm</c>, <c>tiết lộ danh tính</c>): a bare content
    /// that opens with a noun phrase needs a predicate marker to count as a clause.</summary>
    ObjectFirst = 32,
    /// <summary>Takes a noun-phrase object at times (<c>thông báo lệnh khám xét nhà</c>): a lower-case noun phrase whose verbs
    /// all follow a noun reads as that object. Without it, noun + verb after the cue is a clause (<c>cho biết người dân phản đối</c>).</summary>
    ObjectAtTimes = 64,
    /// <summary>Reports words only with a clause of its own subject (<c>mong muốn hai nước sẽ ...</c>): a bare content that
    /// opens with a verb or an adverb (<c>mong muốn hợp tác</c>, <c>mong muốn được đi học</c>) is the source's own intention,
    /// and a negated cue (<c>không mong muốn</c>) reports nothing.</summary>
    SubjectClause = 128,
    /// <summary>Reports findings only with a body or a document as its source (<c>Cơ quan điều tra xác định, ...</c>, not
    /// <c>anh X xác định hướng đi</c>); set for the words of marker role <c>bodycue</c> in quote-markers.tsv, not by a letter.</summary>
    BodyOnly = 256,
}

/// <summary>What a source word is: an honorific, a pronoun, a title, a group, a document or an organisation head.</summary>
public enum SourceClass
{
    Honorific,
    Pronoun,
    OrgPronoun,
    GroupPronoun,
    Title,
    Group,
    DocumentHead,
    OrgHead,
}

/// <summary>A source word with its class and, for honorifics and pronouns, the gender it implies ('m', 'f' or '\0').</summary>
public readonly record struct SourceWord(SourceClass Class, char Gender)
{
    /// <summary>A generic organisation head that a body noun may follow (<c>cơ quan</c> <c>công an</c>): class <c>ORG:body</c>.</summary>
    public bool BodyHead { get; init; }
}

/// <summary>
/// The language resources of quote extraction, loaded once from <c>data/vi/quote-*.{tsv,txt}</c>. All phrases are keyed by
/// their lower-cased syllables joined by single spaces; lookups are longest-match over syllable sequences.
/// </summary>
public sealed class QuoteLexicon
{
    private static readonly Lazy<QuoteLexicon> DefaultInstance = new(Load);

    public static QuoteLexicon Default => DefaultInstance.Value;

    public FrozenDictionary<string, CueFrame> Cues { get; }
    public FrozenSet<string> TheoForms { get; }
    public FrozenDictionary<string, SourceWord> Sources { get; }
    /// <summary>Generic organisation heads (class <c>ORG:body</c>) that a body noun may follow: <c>cơ quan</c> in <c>cơ quan công an</c>,
    /// which names the body last written with <c>Công an</c>.</summary>
    public FrozenSet<string> BodyHeads { get; }
    /// <summary>First syllables of the titles of two or more syllables (<c>trưởng</c> of <c>Trưởng phòng</c>, <c>phó</c>): a
    /// capitalised one before a lower-case syllable opens a title written in sentence case (<c>Trưởng bản Ón</c>).</summary>
    public FrozenSet<string> TitleStarts { get; }
    public FrozenSet<string> Adverbs { get; }
    public FrozenSet<string> SourceStops { get; }
    /// <summary>Capitalised words between a title and a name (countries, ministries): never the start of a name.</summary>
    public FrozenSet<string> NamePrefixes { get; }
    /// <summary>Family names: where a name inside a capitalised run starts.</summary>
    public FrozenSet<string> Surnames { get; }
    public int MaxNamePrefixLength { get; }
    /// <summary>Function words by role (<c>noun</c>, <c>clause</c>, <c>verb</c>, <c>breaker</c>, <c>coordinator</c>), from <c>quote-markers.tsv</c>.</summary>
    public FrozenDictionary<string, FrozenSet<string>> Markers { get; }
    /// <summary>Word classes from treebank counts (<c>word-classes.tsv</c>): 'N' for a word mostly tagged noun, 'V' for one mostly tagged verb.</summary>
    public FrozenDictionary<string, char> WordClasses { get; }
    /// <summary>A word of class <paramref name="wordClass"/> (<c>'\0'</c> when none), written <paramref name="lower"/>, right after a
    /// cue opens a verb phrase, not a clause of its own subject: a verb or adverb, or <c>được</c> (<c>mong muốn hợp tác</c>,
    /// <c>mong muốn được đi học</c>). The evidence <see cref="QuoteCueMiner"/> counts and the test frame S applies.</summary>
    public static bool OpensVerbPhrase(string lower, char wordClass) => lower == "được" || wordClass is 'V' or 'R';
    /// <summary>First syllables of the words of <see cref="WordClasses"/>.</summary>
    public FrozenSet<string> WordClassStarts { get; }
    public int MaxWordClassLength { get; }

    /// <summary>First syllables of every phrase of every list: a syllable not in here starts no phrase (a fast reject).</summary>
    public FrozenSet<string> StartWords { get; }
    /// <summary>Last syllables of every phrase of every list.</summary>
    public FrozenSet<string> EndWords { get; }

    /// <summary>The words of one marker role; empty when the role is unknown.</summary>
    public FrozenSet<string> Marker(string role) => Markers.TryGetValue(role, out var set) ? set : FrozenSet<string>.Empty;
    public int MaxCueLength { get; }
    public int MaxSourceLength { get; }
    public int MaxAdverbLength { get; }

    public QuoteLexicon(
        IReadOnlyDictionary<string, CueFrame> cues,
        IEnumerable<string> theoForms,
        IReadOnlyDictionary<string, SourceWord> sources,
        IEnumerable<string> adverbs,
        IEnumerable<string> sourceStops,
        IEnumerable<string> namePrefixes,
        IEnumerable<string> surnames,
        IEnumerable<(string Word, string Role)> markers,
        IEnumerable<(string Word, char Class)>? wordClasses = null)
    {
        ArgumentNullException.ThrowIfNull(cues);
        ArgumentNullException.ThrowIfNull(sources);
        Cues = cues.ToFrozenDictionary(kv => Key(kv.Key), kv => kv.Value, StringComparer.Ordinal);
        TheoForms = theoForms.Select(Key).ToFrozenSet(StringComparer.Ordinal);
        // Several spellings may share a key (Tổng giám đốc / Tổng Giám đốc): the first wins.
        var src = new Dictionary<string, SourceWord>(StringComparer.Ordinal);
        foreach (var (k, v) in sources)
            src.TryAdd(Key(k), v);
        Sources = src.ToFrozenDictionary(StringComparer.Ordinal);
        BodyHeads = src.Where(kv => kv.Value.BodyHead).Select(kv => kv.Key).ToFrozenSet(StringComparer.Ordinal);
        TitleStarts = src.Where(kv => kv.Value.Class == SourceClass.Title && kv.Key.Contains(' ')).Select(kv => kv.Key.Split(' ')[0])
            .ToFrozenSet(StringComparer.Ordinal);
        Adverbs = adverbs.Select(Key).ToFrozenSet(StringComparer.Ordinal);
        SourceStops = sourceStops.Select(Key).ToFrozenSet(StringComparer.Ordinal);
        NamePrefixes = namePrefixes.Select(Key).ToFrozenSet(StringComparer.Ordinal);
        Surnames = surnames.Select(Key).ToFrozenSet(StringComparer.Ordinal);
        MaxNamePrefixLength = NamePrefixes.Count == 0 ? 0 : NamePrefixes.Max(Count);
        Markers = markers.GroupBy(m => m.Role, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(m => Key(m.Word)).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        WordClasses = (wordClasses ?? []).GroupBy(w => Key(w.Word), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First().Class, StringComparer.Ordinal);
        WordClassStarts = WordClasses.Keys.Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);
        MaxWordClassLength = WordClasses.Count == 0 ? 0 : WordClasses.Keys.Max(Count);
        var all = Cues.Keys.Concat(TheoForms).Concat(Sources.Keys).Concat(Adverbs).Concat(SourceStops).Concat(NamePrefixes)
            .Concat(Surnames).Concat(Markers.Values.SelectMany(v => v)).Where(k => k.Length > 0).ToList();
        StartWords = all.Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);
        EndWords = all.Select(k => k.Split(' ')[^1]).ToFrozenSet(StringComparer.Ordinal);
        MaxCueLength = Cues.Keys.Max(Count);
        MaxSourceLength = Sources.Keys.Max(Count);
        MaxAdverbLength = Adverbs.Count == 0 ? 0 : Adverbs.Max(Count);
    }

    /// <summary>The lookup key of a phrase: lower-cased syllables joined by one space.</summary>
    public static string Key(string phrase) =>
        string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();

    private static int Count(string key) => key.Length == 0 ? 0 : key.Count(c => c == ' ') + 1;

    private static QuoteLexicon Load()
    {
        var cues = new Dictionary<string, CueFrame>(StringComparer.Ordinal);
        foreach (var line in EmbeddedResources.ReadLines("data/vi/quote-cues.tsv"))
        {
            var parts = line.Split('\t');
            var frame = CueFrame.None;
            foreach (var ch in parts.Length > 1 ? parts[1] : "B")
            {
                frame |= ch switch
                {
                    'B' => CueFrame.Bare,
                    'R' => CueFrame.Complementizer,
                    'A' => CueFrame.After,
                    'Q' => CueFrame.QuotedOnly,
                    'D' => CueFrame.DocumentOnly,
                    'O' => CueFrame.ObjectFirst,
                    'N' => CueFrame.ObjectAtTimes,
                    'S' => CueFrame.SubjectClause,
                    _ => throw new InvalidDataException($"quote-cues.tsv: unknown frame letter '{ch}' in '{line}'"),
                };
            }
            cues[parts[0]] = frame;
        }

        var sources = new Dictionary<string, SourceWord>(StringComparer.Ordinal);
        foreach (var line in EmbeddedResources.ReadLines("data/vi/quote-sources.tsv"))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2)
                throw new InvalidDataException($"quote-sources.tsv: expected phrase<TAB>class in '{line}'");
            var cls = parts[1].Split(':');
            var gender = cls.Length > 1 && cls[1] is "m" or "f" ? cls[1][0] : '\0';
            var kind = cls[0] switch
            {
                "HON" => SourceClass.Honorific,
                "PRO" when cls.Length > 1 && cls[1] == "org" => SourceClass.OrgPronoun,
                "PRO" when cls.Length > 1 && cls[1] == "grp" => SourceClass.GroupPronoun,
                "PRO" => SourceClass.Pronoun,
                "TITLE" => SourceClass.Title,
                "GRP" => SourceClass.Group,
                "DOC" => SourceClass.DocumentHead,
                "ORG" when cls.Length == 1 || cls[1] == "body" => SourceClass.OrgHead,
                _ => throw new InvalidDataException($"quote-sources.tsv: unknown class in '{line}'"),
            };
            sources.TryAdd(parts[0], new SourceWord(kind, gender) { BodyHead = kind == SourceClass.OrgHead && cls.Length > 1 && cls[1] == "body" });
        }

        return new QuoteLexicon(
            cues,
            EmbeddedResources.ReadLines("data/vi/quote-theo.txt"),
            sources,
            EmbeddedResources.ReadLines("data/vi/quote-adverbs.txt"),
            EmbeddedResources.ReadLines("data/vi/quote-source-stops.txt"),
            EmbeddedResources.ReadLines("data/vi/quote-name-prefixes.txt"),
            EmbeddedResources.ReadLines("data/vi/quote-surnames.txt"),
            EmbeddedResources.ReadLines("data/vi/quote-markers.tsv").Select(l => l.Split('\t')).Select(p => (p[0], p.Length > 1 ? p[1] : "")),
            EmbeddedResources.ReadLines("data/vi/word-classes.tsv").Select(l => l.Split('\t')).Select(p => (p[0], p[1][0])));
    }
}
