using System.Globalization;
using NlpPipeline.Resources;

namespace NlpPipeline.Entities;

/// <summary>
/// The title resources of <c>data/vi/</c>: mined heads (<c>title-heads.txt</c>), prefixes
/// (<c>title-prefixes.txt</c>) and modifiers (<c>title-modifiers.txt</c>) with those mined from appositives
/// (<c>title-appositives.txt</c>), plus honorifics, function words
/// and Vietnamese family names. Matching is on lower-cased syllables. Immutable and thread-safe.
/// </summary>
public sealed class TitleLexicon
{
    private readonly Dictionary<string, List<string[]>> _heads;
    private readonly Dictionary<string, List<string[]>> _modifiers;
    private readonly Dictionary<string, List<string[]>> _honorifics;

    public TitleLexicon(IEnumerable<string> heads, IEnumerable<string> prefixes, IEnumerable<string> modifiers,
        IEnumerable<string> honorifics, IEnumerable<string> functionWords, IEnumerable<string> surnames)
    {
        _heads = Index(heads);
        _modifiers = Index(modifiers);
        _honorifics = Index(honorifics);
        Prefixes = prefixes.Select(Key).ToHashSet(StringComparer.Ordinal);
        FunctionWords = functionWords.Select(Key).ToHashSet(StringComparer.Ordinal);
        Surnames = surnames.Select(Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The lexicon shipped in the library (embedded <c>data/vi/</c> files); loaded once.</summary>
    public static TitleLexicon Default => LazyDefault.Value;

    private static readonly Lazy<TitleLexicon> LazyDefault = new(() => new TitleLexicon(
        FirstColumn("data/vi/title-heads.txt").Concat(Appositive("head")),
        FirstColumn("data/vi/title-prefixes.txt").Concat(Appositive("prefix")),
        FirstColumn("data/vi/title-modifiers.txt").Concat(Appositive("modifier")),
        EmbeddedResources.ReadLines("data/vi/honorifics.txt"),
        EmbeddedResources.ReadLines("data/vi/title-mining-stopwords.txt"),
        EmbeddedResources.ReadLines("data/vi/vietnamese-surnames.txt")));

    public IReadOnlySet<string> Prefixes { get; }
    public IReadOnlySet<string> FunctionWords { get; }
    public IReadOnlySet<string> Surnames { get; }

    /// <summary>Lower-case form used for every comparison.</summary>
    public static string Key(string s) => s.Trim().ToLower(CultureInfo.InvariantCulture);

    /// <summary>Number of syllables of the longest head starting at <paramref name="i"/>, or 0.</summary>
    public int MatchHead(IReadOnlyList<string?> keys, int i) => Match(_heads, keys, i);

    /// <summary>Number of syllables of the longest modifier starting at <paramref name="i"/>, or 0.</summary>
    public int MatchModifier(IReadOnlyList<string?> keys, int i) => Match(_modifiers, keys, i);

    /// <summary>Number of syllables of the longest honorific (<c>ông</c>, <c>bà</c>) starting at <paramref name="i"/>, or 0.</summary>
    public int MatchHonorific(IReadOnlyList<string?> keys, int i) => Match(_honorifics, keys, i);

    private static int Match(Dictionary<string, List<string[]>> index, IReadOnlyList<string?> keys, int i)
    {
        if (i < 0 || i >= keys.Count || keys[i] is not { } first || !index.TryGetValue(first, out var entries))
            return 0;
        foreach (var entry in entries)
        {
            if (i + entry.Length > keys.Count)
                continue;
            var ok = true;
            for (var k = 1; k < entry.Length && ok; k++)
                ok = keys[i + k] == entry[k];
            if (ok)
                return entry.Length;
        }
        return 0;
    }

    private static Dictionary<string, List<string[]>> Index(IEnumerable<string> items)
    {
        var index = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var parts = Key(item).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
                continue;
            if (!index.TryGetValue(parts[0], out var list))
                index[parts[0]] = list = [];
            list.Add(parts);
        }
        foreach (var list in index.Values)
            list.Sort((a, b) => b.Length.CompareTo(a.Length));
        return index;
    }

    /// <summary>The entries of one kind (head, prefix, modifier) of <c>title-appositives.txt</c>.</summary>
    private static IEnumerable<string> Appositive(string kind) =>
        EmbeddedResources.ReadLines("data/vi/title-appositives.txt").Select(l => l.Split('\t')).Where(c => c[0] == kind).Select(c => c[1]);

    private static IEnumerable<string> FirstColumn(string path) =>
        EmbeddedResources.ReadLines(path).Select(l => l.Split('\t')[0]);
}
