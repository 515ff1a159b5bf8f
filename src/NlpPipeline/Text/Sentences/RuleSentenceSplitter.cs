using System.Collections.Immutable;
using NlpPipeline.Documents;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Text.Sentences;

/// <summary>
/// Splits Vietnamese text into sentences by rule (stage <c>sentences</c>). A sentence ends at terminal
/// punctuation (<c>. ! ? …</c>, also <c>./.</c>) with its closing quotes and brackets when a space and a
/// new sentence follow (not a lower-case word or a comma) or, with no space, when a lower-case word meets
/// a capitalised one (<c>đồng.Cùng</c>), at a blank line, and at a line break unless the
/// next line continues in lower case. It does not end after an abbreviation (<c>TP.</c>, <c>PGS.TS.</c>),
/// an initial (<c>W.</c>, <c>H.R.</c>), a list number at the start of a line (<c>1.</c>), inside numbers
/// (<c>1.000.000</c>, <c>2,5</c>, <c>3/11</c>) or inside quotation marks and brackets, so <c>“Tôi đồng ý. Chúng ta bắt đầu.”</c> stays whole with its cue.
/// </summary>
/// <remarks>
/// Spans are trimmed of white space and never cross a blank line. Trade-offs: a single capital letter and
/// a full stop read as an initial, so <c>hạng A. Sau</c> is not split; a quotation mark left open ends its
/// effect at the line's end or after <see cref="MaxQuoteSpan"/> characters; a sentence longer than the
/// maximum length is cut at a space. Thread-safe.
/// </remarks>
public sealed class RuleSentenceSplitter : IDocumentStage
{
    public const int DefaultMaxSentenceLength = 4000;

    /// <summary>Characters after which an open quotation mark is taken to be unbalanced.</summary>
    public const int MaxQuoteSpan = 2000;

    private const byte Terminal = 1, Opening = 2, Closing = 4, Either = 8;

    private readonly SentenceRules _rules;
    private readonly int _maxSentenceLength;
    private readonly byte[] _classes;

    public RuleSentenceSplitter(SentenceRules? rules = null, int maxSentenceLength = DefaultMaxSentenceLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSentenceLength, 1);
        _rules = rules ?? SentenceRules.Vietnamese;
        _maxSentenceLength = maxSentenceLength;
        var all = _rules.Terminals.Concat(_rules.Openings).Concat(_rules.Closings).Concat(_rules.EitherQuotes).ToList();
        _classes = new byte[all.Count == 0 ? 1 : all.Max() + 1];
        foreach (var c in _rules.Terminals)
            _classes[c] |= Terminal;
        foreach (var c in _rules.Openings)
            _classes[c] |= Opening;
        foreach (var c in _rules.Closings)
            _classes[c] |= Closing;
        foreach (var c in _rules.EitherQuotes)
            _classes[c] |= Either;
    }

    /// <summary>The splitter with the Vietnamese rules of <c>data/vi/</c>.</summary>
    public static RuleSentenceSplitter Default => LazyDefault.Value;

    private static readonly Lazy<RuleSentenceSplitter> LazyDefault = new(() => new RuleSentenceSplitter());

    public string Name => "sentences";

    public AnnotatedDocument Process(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with { Sentences = Split(document.Text) };
    }

    /// <summary>The sentences of <paramref name="text"/>, in order, as [start, end) offsets into it.</summary>
    public ImmutableArray<Sentence> Split(ReadOnlySpan<char> text)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var start = -1;       // first character of the sentence being read, -1 between sentences
        var depth = 0;        // open quotation marks and brackets
        var openedAt = 0;     // where the outermost open mark is
        var lastSpace = -1;   // the last white space seen
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (start >= 0 && BreaksAtLineEnd(text, i))
                {
                    Add(sentences, text, start, i);
                    start = -1;
                    depth = 0;
                }
                i++;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                lastSpace = i;
                i++;
                continue;
            }
            if (start < 0)
                start = i;
            else if (i - start >= _maxSentenceLength)
            {
                // Too long: cut at the last space (inside one huge word, right here).
                var cut = lastSpace > start ? lastSpace : i;
                Add(sentences, text, start, cut);
                start = cut == i ? i : cut + 1;
                depth = 0;
            }
            if (depth > 0 && i - openedAt > MaxQuoteSpan)
                depth = 0;
            var kind = Classify(text, i);
            if (kind == Opening)
            {
                if (depth++ == 0)
                    openedAt = i;
                i++;
                continue;
            }
            if (kind == Closing)
            {
                if (depth > 0)
                    depth--;
                i++;
                continue;
            }
            if (kind != Terminal)
            {
                i++;
                continue;
            }

            // A run of terminal marks ("...", "?!", "./."), then its closing quotes and brackets.
            var end = i + 1;
            while (end < text.Length && (Is(text[end], Terminal) || (text[end] == '/' && text[end - 1] == '.' && end + 1 < text.Length && text[end + 1] == '.')))
                end++;
            var singleStop = c == '.' && end == i + 1;
            while (end < text.Length && Classify(text, end) == Closing)
            {
                if (depth > 0)
                    depth--;
                end++;
            }
            if (depth == 0 && EndsSentence(text, start, i, end, singleStop))
            {
                Add(sentences, text, start, end);
                start = -1;
            }
            i = end;
        }
        if (start >= 0)
            Add(sentences, text, start, text.Length);
        return sentences.DrainToImmutable();
    }

    // Decides at terminal punctuation text[stop..end) whether the sentence begun at start ends there.
    private bool EndsSentence(ReadOnlySpan<char> text, int start, int stop, int end, bool singleStop)
    {
        var next = end;
        while (next < text.Length && text[next] != '\n' && char.IsWhiteSpace(text[next]))
            next++;
        if (next == text.Length || text[next] == '\n')
            return true;
        if (next == end)
            return EndsWithoutSpace(text, start, stop, end, singleStop);
        var following = text[next];
        if (char.IsLower(following) || following is ',' or ';' or ':' || Is(following, Terminal))
            return false;
        if (!singleStop)
            return true;
        return WordBefore(text, start, stop) switch
        {
            WordKind.Abbreviation or WordKind.Initial or WordKind.ListNumber => false,
            WordKind.FinalAbbreviation => char.IsUpper(following),
            _ => true,
        };
    }

    // No space after the stop: a number (1.000, 3.5), a domain (vnexpress.net) or an abbreviation
    // (TP.HCM) goes on; a lower-case word, the stop and a capitalised word (đồng.Cùng, frequent in text
    // scraped from the web) is two sentences.
    private bool EndsWithoutSpace(ReadOnlySpan<char> text, int start, int stop, int end, bool singleStop)
    {
        var before = stop - 1;
        while (before > start && Classify(text, before) == Closing)
            before--;
        if (before < 0 || end + 1 >= text.Length || !char.IsLower(text[before]))
            return false;
        if (!char.IsUpper(text[end]) || !char.IsLower(text[end + 1]))
            return false;
        return !singleStop || WordBefore(text, start, stop) == WordKind.Word;
    }

    private enum WordKind { Word, Abbreviation, FinalAbbreviation, Initial, ListNumber }

    // One or more capital initials, each with its full stop: W., H.R., J.F.K.
    private static bool IsInitials(ReadOnlySpan<char> word)
    {
        if (word.Length % 2 != 0)
            return false;
        for (var i = 0; i < word.Length; i += 2)
            if (!char.IsUpper(word[i]) || word[i + 1] != '.')
                return false;
        return true;
    }

    // What the word ending with the full stop at text[stop] is.
    private WordKind WordBefore(ReadOnlySpan<char> text, int sentenceStart, int stop)
    {
        var from = stop;
        while (from > sentenceStart && !char.IsWhiteSpace(text[from - 1]))
            from--;
        while (from < stop && Classify(text, from) == Opening)
            from++;
        var word = text[from..(stop + 1)];
        if (word.Length == 1)
            return WordKind.Word;
        if (_rules.AbbreviationLookup.Contains(word))
            return WordKind.Abbreviation;
        if (_rules.FinalAbbreviationLookup.Contains(word))
            return WordKind.FinalAbbreviation;
        var inner = word[..^1].LastIndexOf('.');
        if (inner >= 0)
        {
            var last = word[(inner + 1)..];  // PGS.TS. → TS.
            if (_rules.AbbreviationLookup.Contains(last))
                return WordKind.Abbreviation;
            if (_rules.FinalAbbreviationLookup.Contains(last))
                return WordKind.FinalAbbreviation;
        }
        if (IsInitials(word))
            return WordKind.Initial;
        if (from == sentenceStart && IsListMarker(word[..^1]))
            return WordKind.ListNumber;
        return WordKind.Word;
    }

    // "1", "12", "IV", "a": what numbers a list item or a heading.
    private static bool IsListMarker(ReadOnlySpan<char> marker) =>
        marker.Length <= 3 && (!marker.ContainsAnyExcept("0123456789") || !marker.ContainsAnyExcept("IVXLC") || (marker.Length == 1 && char.IsLetter(marker[0])));

    // A line break ends the sentence unless the next line goes on in lower case after a line that does not
    // end in terminal punctuation (text wrapped inside a paragraph); a blank line always ends it.
    private bool BreaksAtLineEnd(ReadOnlySpan<char> text, int newline)
    {
        var next = newline + 1;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            if (text[next] == '\n')
                return true;
            next++;
        }
        if (next == text.Length || !char.IsLower(text[next]))
            return true;
        var previous = newline - 1;
        while (previous >= 0 && char.IsWhiteSpace(text[previous]))
            previous--;
        return previous >= 0 && Is(text[previous], Terminal);
    }

    // Terminal, Opening, Closing or 0; a quotation mark that is either opens after a space or an opening mark.
    private byte Classify(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (c >= _classes.Length)
            return 0;
        var cls = _classes[c];
        if ((cls & Either) != 0)
            return i == 0 || char.IsWhiteSpace(text[i - 1]) || Is(text[i - 1], Opening) ? Opening : Closing;
        return (cls & Opening) != 0 ? Opening : (cls & Closing) != 0 ? Closing : (byte)(cls & Terminal);
    }

    private bool Is(char c, byte cls) => c < _classes.Length && (_classes[c] & cls) != 0;

    private static void Add(ImmutableArray<Sentence>.Builder sentences, ReadOnlySpan<char> text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end > start)
            sentences.Add(new Sentence(start, end));
    }
}
