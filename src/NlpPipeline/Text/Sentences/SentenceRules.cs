using System.Collections.Frozen;
using NlpPipeline.Resources;

namespace NlpPipeline.Text.Sentences;

/// <summary>
/// The language data of <see cref="RuleSentenceSplitter"/>, loaded from <c>data/vi/</c>: abbreviations that
/// never end a sentence, abbreviations that may, and the punctuation roles. Immutable and thread-safe.
/// </summary>
public sealed class SentenceRules
{
    public SentenceRules(
        IEnumerable<string> abbreviations,
        IEnumerable<string> finalAbbreviations,
        IEnumerable<char> terminals,
        IEnumerable<char> openings,
        IEnumerable<char> closings,
        IEnumerable<char> eitherQuotes)
    {
        Abbreviations = abbreviations.ToFrozenSet(StringComparer.Ordinal);
        FinalAbbreviations = finalAbbreviations.ToFrozenSet(StringComparer.Ordinal);
        Terminals = terminals.ToFrozenSet();
        Openings = openings.ToFrozenSet();
        Closings = closings.ToFrozenSet();
        EitherQuotes = eitherQuotes.ToFrozenSet();
        AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        FinalAbbreviationLookup = FinalAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The rules shipped in <c>data/vi/</c>, loaded once.</summary>
    public static SentenceRules Vietnamese => LazyVietnamese.Value;

    private static readonly Lazy<SentenceRules> LazyVietnamese = new(LoadVietnamese);

    /// <summary>Abbreviations with their full stop (<c>TP.</c>) after which a sentence never ends.</summary>
    public FrozenSet<string> Abbreviations { get; }

    /// <summary>Abbreviations (<c>v.v.</c>) that end a sentence when a capital letter follows.</summary>
    public FrozenSet<string> FinalAbbreviations { get; }

    public FrozenSet<char> Terminals { get; }

    public FrozenSet<char> Openings { get; }

    public FrozenSet<char> Closings { get; }

    /// <summary>Quotation marks that open after a space or an opening mark and close otherwise (<c>"</c>).</summary>
    public FrozenSet<char> EitherQuotes { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FinalAbbreviationLookup { get; }

    private static SentenceRules LoadVietnamese()
    {
        var punctuation = EmbeddedResources.ReadLines("data/vi/sentence-punctuation.txt")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => parts.Skip(1).Select(p => p.Length == 1
                ? p[0]
                : throw new InvalidDataException($"sentence-punctuation.txt: '{p}' is not one character")).ToArray(), StringComparer.Ordinal);
        char[] Get(string key) => punctuation.TryGetValue(key, out var chars) ? chars : [];
        return new SentenceRules(
            EmbeddedResources.ReadLines("data/vi/abbreviations.txt"),
            EmbeddedResources.ReadLines("data/vi/abbreviations-final.txt"),
            Get("terminal"),
            Get("opening"),
            Get("closing"),
            Get("either"));
    }
}
