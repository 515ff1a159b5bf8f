using System.Globalization;

namespace NlpPipeline.Entities;

/// <summary>
/// Splits text into syllables for the entity tagger: maximal runs of letters, digits and combining marks;
/// every other non-space character (a surrogate pair counts as one) is a token of its own. Needs no word
/// segmentation, so the tagger never depends on gold or predicted words.
/// </summary>
internal static class SyllableSplitter
{
    /// <summary>Writes the [start, end) of each token of <c>text[from..to)</c> into the buffers (grown as needed); returns the count.</summary>
    public static int Tokenize(string text, int from, int to, ref int[] starts, ref int[] ends)
    {
        var n = 0;
        var i = from;
        while (i < to)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            if (IsSyllableChar(c))
            {
                i++;
                while (i < to && IsSyllableChar(text[i]))
                    i++;
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < to && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            }
            if (n == starts.Length)
            {
                Array.Resize(ref starts, n * 2 + 16);
                Array.Resize(ref ends, n * 2 + 16);
            }
            starts[n] = start;
            ends[n] = i;
            n++;
        }
        return n;
    }

    public static bool IsSyllableChar(char c)
    {
        if (c < 128)
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        if (char.IsLetterOrDigit(c))
            return true;
        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
