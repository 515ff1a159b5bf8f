using System.Globalization;
using NlpPipeline.Resources;

namespace NlpPipeline.Text.Tokenization;

/// <summary>
/// Splits text into syllables and punctuation with a hand-written scanner (no regular expressions), keeping
/// numbers (<c>1.000.000</c>, <c>2,5</c>, <c>3/11</c>, <c>10:30</c>, <c>50%</c>), hyphenated and dotted forms
/// (<c>COVID-19</c>, <c>Nga-Mỹ</c>, <c>TP.HCM</c>), abbreviations with their dot (<c>TP.</c>, <c>H.</c>), URLs,
/// e-mails, hashtags and emoji clusters whole. Whitespace, no-break spaces and zero-width format characters
/// separate tokens and belong to no token. Offsets are UTF-16 indices into the text given; never throws.
/// </summary>
public static class SyllableTokenizer
{
    private static readonly HashSet<string> Abbreviations =
        new(EmbeddedResources.ReadLines("data/vi/token-abbreviations.txt"), StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Tokenizes <paramref name="text"/> and returns the tokens (convenience overload).</summary>
    public static List<SyllableToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<SyllableToken>(text.Length / 4 + 1);
        Tokenize(text, 0, list);
        return list;
    }

    /// <summary>
    /// Appends the tokens of <paramref name="text"/> to <paramref name="output"/>, each offset shifted by
    /// <paramref name="baseOffset"/>; allocates nothing beyond the list's growth.
    /// </summary>
    public static void Tokenize(ReadOnlySpan<char> text, int baseOffset, List<SyllableToken> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSeparator(c))
            {
                i++;
                continue;
            }

            int end;
            SyllableKind kind;
            if (IsWordChar(c))
            {
                if (TryUrl(text, i, out end))
                    kind = SyllableKind.Url;
                else if (TryEmail(text, i, out end))
                    kind = SyllableKind.Email;
                else
                {
                    end = ScanWord(text, i);
                    kind = char.IsDigit(c) ? SyllableKind.Number : SyllableKind.Word;
                }
            }
            else if ((c == '#' || c == '@') && i + 1 < text.Length && IsWordChar(text[i + 1]) && (i == 0 || !IsWordChar(text[i - 1])))
            {
                end = i + 1;
                while (end < text.Length && (IsWordChar(text[end]) || text[end] == '_'))
                    end++;
                kind = SyllableKind.Tag;
            }
            else if (c == '.')
            {
                end = i + 1;
                while (end < text.Length && text[end] == '.')
                    end++;
                kind = SyllableKind.Punctuation;
            }
            else
            {
                end = ScanSymbol(text, i, out kind);
            }

            output.Add(new SyllableToken(baseOffset + i, baseOffset + end, kind));
            i = end;
        }
    }

    /// <summary>True for characters that separate tokens: white space (incl. no-break spaces) and invisible format characters.</summary>
    public static bool IsSeparator(char c) =>
        c <= ' ' ? true
        : c < 0x80 ? false
        : char.IsWhiteSpace(c) || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';

    private static bool IsWordChar(char c)
    {
        if (c < 0x80)
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        if (char.IsSurrogate(c))
            return false;
        var cat = char.GetUnicodeCategory(c);
        return cat <= UnicodeCategory.DecimalDigitNumber; // letters (Lu..Lo), marks (Mn, Mc, Me), decimal digits
    }

    private static bool IsLetter(char c) => IsWordChar(c) && !char.IsDigit(c);

    private static int ScanRun(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && IsWordChar(text[i]))
            i++;
        return i;
    }

    private static int ScanWord(ReadOnlySpan<char> text, int start)
    {
        var j = ScanRun(text, start);
        var hasInnerDot = false;
        while (j < text.Length)
        {
            var c = text[j];
            var next = j + 1 < text.Length ? text[j + 1] : '\0';
            var prev = text[j - 1];
            var nextIsWord = next != '\0' && IsWordChar(next);
            switch (c)
            {
                case '-' or '\u2010' when nextIsWord:
                    j = ScanRun(text, j + 1);
                    continue;
                case '.' when nextIsWord:
                    hasInnerDot = true;
                    j = ScanRun(text, j + 1);
                    continue;
                case ',' or '/' or ':' when char.IsDigit(prev) && char.IsDigit(next):
                    j = ScanRun(text, j + 1);
                    continue;
                case '\'' or '\u2019' when IsLetter(prev) && next != '\0' && IsLetter(next):
                    j = ScanRun(text, j + 1);
                    continue;
                case '%' when char.IsDigit(prev):
                    return j + 1;
                case '.' when KeepsDot(text, start, j, hasInnerDot):
                    return j + 1;
                default:
                    return j;
            }
        }
        return j;
    }

    /// <summary>An abbreviation keeps its final dot (<c>TP.</c>, <c>H.</c>, <c>v.v.</c>) unless the dot ends the text.</summary>
    private static bool KeepsDot(ReadOnlySpan<char> text, int start, int dot, bool hasInnerDot)
    {
        var rest = dot + 1;
        while (rest < text.Length && IsSeparator(text[rest]))
            rest++;
        if (rest >= text.Length)
            return false;
        var word = text[start..dot];
        if (AbbreviationLookup.Contains(word))
            return true;
        if (!char.IsUpper(word[0]))
            return false;
        if (hasInnerDot)
            return true; // H.T. / P.K.B.
        if (word.Length > 2)
            return false;
        foreach (var ch in word)
        {
            if (!char.IsLetter(ch))
                return false;
        }
        return true;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<char> text, int i, string prefix) =>
        text.Length - i >= prefix.Length && text.Slice(i, prefix.Length).Equals(prefix, StringComparison.OrdinalIgnoreCase);

    private static bool TryUrl(ReadOnlySpan<char> text, int i, out int end)
    {
        end = i;
        var c = text[i] | 0x20;
        if (c != 'h' && c != 'w')
            return false;
        if (!(StartsWithIgnoreCase(text, i, "http://") || StartsWithIgnoreCase(text, i, "https://") || StartsWithIgnoreCase(text, i, "www.")))
            return false;
        var j = i;
        while (j < text.Length && !IsSeparator(text[j]) && !char.IsSurrogate(text[j]))
            j++;
        while (j > i && IsTrailingPunctuation(text[j - 1]))
            j--;
        end = j;
        return end > i + 4;
    }

    private static bool IsTrailingPunctuation(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '"' or '\'' or '\u201D' or '\u2019' or '\u00BB' or '\u2026';

    private static bool IsEmailLocalChar(char c) => IsWordChar(c) || c is '.' or '_' or '-' or '+' or '%';

    private static bool TryEmail(ReadOnlySpan<char> text, int i, out int end)
    {
        end = i;
        var j = i;
        while (j < text.Length && IsEmailLocalChar(text[j]))
            j++;
        if (j >= text.Length || text[j] != '@' || j + 1 >= text.Length || !IsWordChar(text[j + 1]))
            return false;
        var k = j + 1;
        var dots = 0;
        while (k < text.Length && (IsWordChar(text[k]) || text[k] is '.' or '-'))
        {
            if (text[k] == '.')
                dots++;
            k++;
        }
        while (k > j + 1 && text[k - 1] is '.' or '-')
        {
            if (text[k - 1] == '.')
                dots--;
            k--;
        }
        if (dots == 0)
            return false;
        end = k;
        return true;
    }

    private static int ScanSymbol(ReadOnlySpan<char> text, int i, out SyllableKind kind)
    {
        var c = text[i];
        int end;
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            var cp = char.ConvertToUtf32(c, text[i + 1]);
            end = i + 2;
            if (cp is >= 0x1F1E6 and <= 0x1F1FF && TryCodePoint(text, end, out var next, out var len) && next is >= 0x1F1E6 and <= 0x1F1FF)
                end += len; // regional-indicator flag pair
            end = ScanEmojiTail(text, end);
            kind = SyllableKind.Symbol;
            return end;
        }
        end = i + 1;
        var cat = char.GetUnicodeCategory(c);
        if (cat is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol)
        {
            kind = SyllableKind.Symbol;
            return ScanEmojiTail(text, end);
        }
        kind = SyllableKind.Punctuation;
        return end;
    }

    /// <summary>Consumes variation selectors, skin tones, keycaps, tags and zero-width-joined emoji after an emoji.</summary>
    private static int ScanEmojiTail(ReadOnlySpan<char> text, int end)
    {
        while (end < text.Length)
        {
            var c = text[end];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3')
            {
                end++;
                continue;
            }
            if (c == '\u200D' && end + 1 < text.Length && !IsSeparator(text[end + 1]) && TryCodePoint(text, end + 1, out _, out var zl))
            {
                end += 1 + zl;
                continue;
            }
            if (TryCodePoint(text, end, out var cp, out var len) && len == 2 && (cp is >= 0x1F3FB and <= 0x1F3FF || cp is >= 0xE0020 and <= 0xE007F))
            {
                end += len;
                continue;
            }
            break;
        }
        return end;
    }

    private static bool TryCodePoint(ReadOnlySpan<char> text, int i, out int codePoint, out int length)
    {
        codePoint = 0;
        length = 0;
        if (i >= text.Length)
            return false;
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            codePoint = char.ConvertToUtf32(c, text[i + 1]);
            length = 2;
            return true;
        }
        if (char.IsSurrogate(c))
            return false;
        codePoint = c;
        length = 1;
        return true;
    }
}
