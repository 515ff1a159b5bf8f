using System.Globalization;

namespace NlpPipeline.Quotes;

/// <summary>A syllable: a run of letters and digits (with inner <c>-</c>, <c>.</c>, <c>/</c>, <c>'</c>), lower-cased for lookups.</summary>
internal readonly record struct Syllable(int Start, int End, string Lower, bool Upper);

/// <summary>A pair of quotation marks in one paragraph: content is [ContentStart, ContentEnd); Close is -1 when unbalanced.</summary>
internal readonly record struct QuoteMarks(int Open, int Close, int ContentStart, int ContentEnd);

/// <summary>Splits text into syllables, paragraphs, fallback sentences and quotation-mark pairs. Pure functions of the text.</summary>
internal static class TextUnits
{
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    public static bool IsOpener(char c) => c is '“' or '«' or '‘' or '„';

    public static bool IsCloser(char c) => c is '”' or '»' or '’';

    public static bool IsQuoteChar(char c) => IsOpener(c) || IsCloser(c) || c == '"';

    /// <summary>Syllables of <paramref name="text"/>, in order; inner joiners stay inside (<c>Kim Jong-un</c>, <c>19/9</c>, <c>H.R.</c>).</summary>
    public static Syllable[] Syllabify(string text)
    {
        var list = new List<Syllable>(text.Length / 4);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length)
            {
                if (IsWordChar(text[i]))
                    i++;
                else if (text[i] is '-' or '.' or '/' or '\'' or ',' && i + 1 < text.Length && IsWordChar(text[i + 1]) && i > start
                         && (text[i] is not ('.' or ',') || char.IsDigit(text[i - 1]) || char.IsUpper(text[i - 1]))
                         && (text[i] != ',' || char.IsDigit(text[i + 1])))
                    i++;
                else
                    break;
            }
            var lower = string.Create(i - start, (text, start), static (dst, st) => st.text.AsSpan(st.start, dst.Length).ToLowerInvariant(dst));
            list.Add(new Syllable(start, i, lower, char.IsUpper(text[start])));
        }
        return [.. list];
    }

    /// <summary>Non-empty lines of the text as [start, end) ranges.</summary>
    public static List<(int Start, int End)> Paragraphs(string text)
    {
        var result = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var (a, b) = Trim(text, start, i);
                if (b > a)
                    result.Add((a, b));
                start = i + 1;
            }
        }
        return result;
    }

    /// <summary>
    /// Pairs of quotation marks over <paramref name="paragraphs"/> (in text order). Curly marks nest (<c>“a “b” c”</c> is one
    /// quotation) when the paragraph balances that way; otherwise the first closer ends the opener. An opener left open at a
    /// paragraph end continues into one of the next three paragraphs when that paragraph, read as still inside the
    /// quotation, closes it and balances (and does not balance read from outside), the paragraphs between carrying no marks;
    /// else it runs to its paragraph end (Close -1).
    /// </summary>
    public static void FindQuoteMarks(string text, IReadOnlyList<(int Start, int End)> paragraphs, List<QuoteMarks> into)
    {
        var scratch = new List<QuoteMarks>();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var (start, end) = paragraphs[p];
            var open = PairParagraph(text, start, end, into);
            if (open < 0)
                continue;
            var joined = false;
            for (var q = p + 1; q < paragraphs.Count && q <= p + 3 && !joined; q++)
            {
                var (ns, ne) = paragraphs[q];
                scratch.Clear();
                var fromOutside = Scan(text, ns, ne, false, '\0', scratch, out _, out var stray);
                if (fromOutside < 0 && !stray && scratch.Count == 0)
                    continue; // no marks: the quotation may go on
                if (fromOutside < 0 && !stray)
                    break; // balanced on its own: the quotation ended unclosed
                if (ClosesCarried(text, ns, ne, text[open], scratch) is var close and >= 0)
                {
                    into.Add(new QuoteMarks(open, close, open + 1, close));
                    into.AddRange(scratch);
                    p = q;
                    joined = true;
                }
                else
                    break;
            }
            if (!joined)
            {
                var (a, b) = Trim(text, open + 1, end);
                if (b > a)
                    into.Add(new QuoteMarks(open, -1, a, b));
            }
        }
    }

    /// <summary>Pairs the marks of one paragraph (nested when that balances, else flat) into <paramref name="into"/>;
    /// returns the opener left open at its end, or -1.</summary>
    private static int PairParagraph(string text, int start, int end, List<QuoteMarks> into)
    {
        var nested = new List<QuoteMarks>();
        if (Scan(text, start, end, false, '\0', nested, out _, out var stray, nest: true) < 0 && !stray)
        {
            into.AddRange(nested);
            return -1;
        }
        return Scan(text, start, end, false, '\0', into, out _, out _);
    }

    /// <summary>The closer of a quotation opened by <paramref name="opener"/> before paragraph [start, end) when the paragraph,
    /// read from inside it (nested, else flat), closes it and balances; its other pairs go to <paramref name="into"/>. -1 otherwise.</summary>
    private static int ClosesCarried(string text, int start, int end, char opener, List<QuoteMarks> into)
    {
        foreach (var nest in (ReadOnlySpan<bool>)[true, false])
        {
            into.Clear();
            if (Scan(text, start, end, true, opener, into, out var close, out var stray, nest) < 0 && !stray && close >= 0)
                return close;
        }
        into.Clear();
        return -1;
    }

    /// <summary>
    /// One left-to-right pass over [start, end): pairs found go to <paramref name="into"/>. With <paramref name="startOpen"/>
    /// the text starts inside a quotation, whose closer is <paramref name="firstClose"/> (-1 if none). <paramref name="stray"/>
    /// tells whether a closing curly mark met no opener. Returns the opener still open at the end, or -1.
    /// </summary>
    private static int Scan(string text, int start, int end, bool startOpen, char carriedOpener, List<QuoteMarks> into, out int firstClose,
        out bool stray, bool nest = false)
    {
        const int Carried = int.MinValue;
        var open = startOpen ? Carried : -1;
        var depth = 0;
        firstClose = -1;
        stray = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (!IsQuoteChar(c) && c != '\'')
                continue;
            var apostrophe = c == '’' && i + 1 < end && IsWordChar(text[i + 1]);
            if (open == -1)
            {
                var opens = IsOpener(c) || c == '"'
                    || (c == '\'' && (i == start || !IsWordChar(text[i - 1])) && i + 1 < end && IsWordChar(text[i + 1]));
                if (opens)
                    open = i;
                else if (c == '”' || c == '»')
                    stray = true;
                continue;
            }
            var opener = open == Carried ? carriedOpener : text[open];
            if (nest && c == opener && IsOpener(c))
            {
                depth++;
                continue;
            }
            var closes = IsCloser(c) || c == '"'
                || (c == '\'' && opener is '\'' or '‘' && (i + 1 >= end || !IsWordChar(text[i + 1])));
            if (apostrophe)
                closes = false;
            // A straight mark closing a quotation carried from an earlier paragraph ends a word (`... Trung Quốc", ông`);
            // one after a space or a colon, or before a word, opens a quotation of its own.
            if (c == '"' && open == Carried
                && (i == start || char.IsWhiteSpace(text[i - 1]) || text[i - 1] == ':' || i + 1 < end && IsWordChar(text[i + 1])))
                closes = false;
            if (!closes)
                continue;
            if (depth > 0)
            {
                depth--;
                continue;
            }
            if (open == Carried)
                firstClose = i;
            else
                into.Add(new QuoteMarks(open, i, open + 1, i));
            open = -1;
        }
        return open == Carried ? int.MaxValue : open;
    }

    /// <summary>The range without spaces at either end.</summary>
    public static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return (start, end);
    }

    /// <summary>The range without spaces and punctuation (other than quotation marks and brackets that open inside) at either end.</summary>
    public static (int Start, int End) TrimPunctuation(string text, int start, int end, bool keepQuotes)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        while (start < end && (char.IsWhiteSpace(text[start]) || IsTrimmable(text[start], keepQuotes, opening: true)))
            start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || IsTrimmable(text[end - 1], keepQuotes, opening: false)))
            end--;
        return (start, end);
    }

    private static bool IsTrimmable(char c, bool keepQuotes, bool opening)
    {
        if (IsWordChar(c))
            return false;
        if (IsQuoteChar(c))
            return !keepQuotes;
        if (opening && c == '(')
            return false;
        if (!opening && c is ')' or '%')
            return false;
        return char.IsPunctuation(c) || char.IsSymbol(c);
    }
}

/// <summary>
/// Phrases of adjacent syllables (lower-cased, single spaces) built once per document on first use, so that the many
/// lexicon lookups of one document share their strings. Not thread-safe: one instance per document run.
/// </summary>
internal sealed class PhraseCache
{
    private const int MaxLength = 8;
    private readonly string _text;
    private readonly Syllable[] _syl;
    private readonly string?[] _phrases;
    private readonly sbyte[] _adjacent;

    public PhraseCache(string text, Syllable[] syllables)
    {
        _text = text;
        _syl = syllables;
        _phrases = new string?[syllables.Length * (MaxLength - 1)];
        _adjacent = new sbyte[syllables.Length];
    }

    /// <summary>True when only whitespace separates syllables i and i+1.</summary>
    public bool Adjacent(int i)
    {
        if (i < 0 || i + 1 >= _syl.Length)
            return false;
        if (_adjacent[i] == 0)
            _adjacent[i] = (sbyte)(_text.AsSpan(_syl[i].End, _syl[i + 1].Start - _syl[i].End).Trim().IsEmpty ? 1 : -1);
        return _adjacent[i] > 0;
    }

    /// <summary>The phrase of syllables i..i+n-1 (n ≥ 1), or null when they are not adjacent or n is too long.</summary>
    public string? Get(int i, int n)
    {
        if (n == 1)
            return _syl[i].Lower;
        if (n > MaxLength || i + n > _syl.Length)
            return null;
        var slot = i * (MaxLength - 1) + (n - 2);
        if (_phrases[slot] is { } cached)
            return cached.Length == 0 ? null : cached;
        var shorter = Get(i, n - 1);
        var value = shorter is null || !Adjacent(i + n - 2) ? string.Empty : shorter + " " + _syl[i + n - 1].Lower;
        _phrases[slot] = value;
        return value.Length == 0 ? null : value;
    }

    /// <summary>Index of the first syllable starting at or after <paramref name="pos"/> (binary search).</summary>
    public int FirstSyllableAt(int pos)
    {
        int lo = 0, hi = _syl.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_syl[mid].Start < pos)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>Syllables first..last lower-cased and joined by single spaces, adjacent or not.</summary>
    public string Phrase(int first, int last)
    {
        var parts = new string[last - first + 1];
        for (var i = first; i <= last; i++)
            parts[i - first] = _syl[i].Lower;
        return string.Join(' ', parts);
    }

    /// <summary>
    /// Length of the longest phrase of adjacent syllables starting at syllable i (ending before <paramref name="limit"/>,
    /// at most <paramref name="maxLen"/> long) that <paramref name="contains"/> accepts; 0 if none. Phrases whose first
    /// word is not in <paramref name="startWords"/> are not looked up.
    /// </summary>
    public int MatchAt(IReadOnlySet<string> startWords, int i, int limit, int maxLen, Func<string, bool> contains)
    {
        if (!startWords.Contains(_syl[i].Lower))
            return 0;
        var best = 0;
        for (var n = 1; n <= maxLen && i + n - 1 < limit; n++)
        {
            if (Get(i, n) is not { } phrase)
                break;
            if (contains(phrase))
                best = n;
        }
        return best;
    }
}
