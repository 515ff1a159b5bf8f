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

    /// <summary>Pairs of quotation marks in one paragraph; an opener with no closer runs to the paragraph end.</summary>
    public static void FindQuoteMarks(string text, int start, int end, List<QuoteMarks> into)
    {
        var open = -1;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (!IsQuoteChar(c) && c != '\'')
                continue;
            if (open < 0)
            {
                var opens = IsOpener(c) || c == '"'
                    || (c == '\'' && (i == start || !IsWordChar(text[i - 1])) && i + 1 < end && IsWordChar(text[i + 1]));
                if (opens)
                    open = i;
            }
            else
            {
                var closes = IsCloser(c) || c == '"'
                    || (c == '\'' && text[open] is '\'' or '‘' && (i + 1 >= end || !IsWordChar(text[i + 1])));
                if (c == '’' && i + 1 < end && IsWordChar(text[i + 1]))
                    closes = false; // an apostrophe inside a word
                if (closes)
                {
                    into.Add(new QuoteMarks(open, i, open + 1, i));
                    open = -1;
                }
            }
        }
        if (open >= 0)
        {
            var (a, b) = Trim(text, open + 1, end);
            if (b > a)
                into.Add(new QuoteMarks(open, -1, a, b));
        }
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
