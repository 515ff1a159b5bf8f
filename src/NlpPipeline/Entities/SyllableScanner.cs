namespace NlpPipeline.Entities;

/// <summary>A syllable or punctuation mark found by <see cref="SyllableScanner"/>: [Start, End) into the text.</summary>
public readonly record struct Syllable(int Start, int End, bool IsWord)
{
    public int Length => End - Start;
}

/// <summary>
/// Splits text into syllables (runs of letters and digits, keeping inner <c>.</c>, <c>-</c>, <c>'</c> and
/// <c>_</c> as in <c>TP.HCM</c>, <c>Yong-ho</c>, <c>PGS.TS</c>) and single punctuation marks. Whitespace is
/// dropped. Independent of word segmentation, so title matching never depends on the segmenter.
/// </summary>
public static class SyllableScanner
{
    /// <summary>All syllables and punctuation marks of <paramref name="text"/> in order; never throws.</summary>
    public static List<Syllable> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<Syllable>(text.Length / 4 + 1);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                var len = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                result.Add(new Syllable(i, i + len, false));
                i += len;
                continue;
            }
            var start = i;
            i++;
            while (i < text.Length)
            {
                var d = text[i];
                if (char.IsLetterOrDigit(d) || char.GetUnicodeCategory(d) is System.Globalization.UnicodeCategory.NonSpacingMark)
                {
                    i++;
                }
                else if ((d is '.' or '-' or '\'' or '_' or '’') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
                {
                    i += 2;
                }
                else
                {
                    break;
                }
            }
            result.Add(new Syllable(start, i, true));
        }
        return result;
    }

    /// <summary>True when the syllable starts with an upper-case letter (or is a digit-led code such as <c>PC67</c>).</summary>
    public static bool IsCapitalized(string text, Syllable s) => s.IsWord && char.IsUpper(text[s.Start]);
}
