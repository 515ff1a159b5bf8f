using System.Text;

namespace NlpPipeline.Text;

/// <summary>
/// Normalised views of Vietnamese text for model features and search. A view never replaces a document's
/// text: on NFC input every view is exactly as long as its source, so <c>view[i]</c> stands for
/// <c>text[i]</c> and offsets carry over unchanged.
/// </summary>
/// <remarks>
/// <see cref="Normalize(string)"/> lower-cases and puts tone marks in one place: the old style
/// (<c>hoà</c>→<c>hòa</c>, <c>thuỷ</c>→<c>thủy</c>, <c>oé</c>→<c>óe</c>) wherever <c>oa</c>, <c>oe</c> or
/// <c>uy</c> ends a syllable and does not follow <c>q</c>. Spelling is otherwise left alone
/// (<c>không gian mang</c> stays). <see cref="FoldDiacritics(string)"/> removes every mark and maps
/// <c>đ</c>→<c>d</c>, for accent-insensitive search.
/// </remarks>
public static class VietnameseNormalizer
{
    // Tone marks as combining characters, indexed 1..5; 0 means no tone.
    private static readonly char[] ToneMarks = ['\0', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

    private const int TableSize = 0x1F00; // covers Latin-1, Latin Extended-A/B and Latin Extended Additional.

    private static readonly char[] FoldTable = new char[TableSize];
    private static readonly char[] UntonedTable = new char[TableSize];
    private static readonly byte[] ToneTable = new byte[TableSize];
    private static readonly Dictionary<int, char> Composed = [];

    static VietnameseNormalizer()
    {
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            FoldTable[i] = c;
            UntonedTable[i] = c;
            if (i < 0xC0 || char.IsSurrogate(c) || !char.IsLetter(c))
                continue;
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length < 2)
                continue;
            int tone = 0, tones = 0;
            var untoned = new StringBuilder(decomposed.Length);
            foreach (var d in decomposed)
            {
                var t = Array.IndexOf(ToneMarks, d, 1);
                if (t > 0)
                    (tone, tones) = (t, tones + 1);
                else
                    untoned.Append(d);
            }
            if (char.IsAscii(decomposed[0]))
                FoldTable[i] = decomposed[0];
            if (tones != 1)
                continue; // no tone, or two marks from the tone set (ṍ = o + tilde + acute) which is not Vietnamese
            var baseChar = untoned.ToString().Normalize(NormalizationForm.FormC);
            if (baseChar.Length != 1)
                continue;
            ToneTable[i] = (byte)tone;
            UntonedTable[i] = baseChar[0];
            Composed[baseChar[0] << 3 | tone] = c;
        }
        FoldTable['đ'] = 'd';
        FoldTable['Đ'] = 'D';
    }

    /// <summary>The normalised view of <paramref name="text"/> (brought to NFC first when it is not).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.IsNormalized(NormalizationForm.FormC))
            text = text.Normalize(NormalizationForm.FormC);
        return string.Create(text.Length, text, static (destination, source) => Normalize(source, destination));
    }

    /// <summary>
    /// Writes the normalised view of NFC <paramref name="source"/> into <paramref name="destination"/>,
    /// which must be at least as long; exactly <c>source.Length</c> characters are written.
    /// </summary>
    public static void Normalize(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        destination = destination[..source.Length];
        source.ToLowerInvariant(destination);
        var letterRun = 0;
        for (var i = 0; i <= destination.Length; i++)
        {
            if (i < destination.Length && char.IsLetter(destination[i]))
            {
                letterRun++;
                continue;
            }
            if (letterRun >= 2)
                PlaceToneOldStyle(destination.Slice(i - letterRun, letterRun));
            letterRun = 0;
        }
    }

    /// <summary>
    /// Removes every diacritic (tone and vowel marks, any combining mark) and maps <c>đ</c>/<c>Đ</c> to
    /// <c>d</c>/<c>D</c>, keeping case. Same length as NFC input; shorter where combining marks are dropped.
    /// </summary>
    public static string FoldDiacritics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= 256)
        {
            Span<char> buffer = stackalloc char[text.Length];
            var written = FoldDiacritics(text, buffer);
            return buffer[..written].SequenceEqual(text) ? text : new string(buffer[..written]);
        }
        var array = new char[text.Length];
        var length = FoldDiacritics(text, array);
        return new string(array, 0, length);
    }

    /// <summary>
    /// Writes the folded form of <paramref name="source"/> into <paramref name="destination"/> (at least as
    /// long) and returns the number of characters written.
    /// </summary>
    public static int FoldDiacritics(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        var written = 0;
        foreach (var c in source)
        {
            if (c < 0x80)
                destination[written++] = c;
            else if (IsCombiningMark(c))
                continue;
            else
                destination[written++] = c < TableSize ? FoldTable[c] : c;
        }
        return written;
    }

    /// <summary>Folds one character (<c>ộ</c>→<c>o</c>, <c>Đ</c>→<c>D</c>); other characters are returned as they are.</summary>
    public static char FoldDiacritics(char c) => c < TableSize ? FoldTable[c] : c;

    /// <summary>True when <see cref="FoldDiacritics(char)"/> changes <paramref name="c"/>: it carries a mark, or is <c>đ</c>/<c>Đ</c>.</summary>
    public static bool HasDiacritic(char c) => c < TableSize && FoldTable[c] != c;

    // Moves the tone of a syllable-final "oa", "oe" or "uy" (lower case) from the second vowel to the first.
    private static void PlaceToneOldStyle(Span<char> syllable)
    {
        var n = syllable.Length;
        var second = syllable[n - 1];
        if (second >= TableSize || ToneTable[second] == 0)
            return;
        var first = syllable[n - 2];
        var secondBase = UntonedTable[second];
        var clusterStartsAtFirst = (first, secondBase) is ('o', 'a') or ('o', 'e') or ('u', 'y');
        if (!clusterStartsAtFirst)
            return;
        if (n >= 3)
        {
            var before = syllable[n - 3];
            if (before == 'q' || IsVowel(before))
                return;
        }
        if (Composed.TryGetValue(first << 3 | ToneTable[second], out var toned))
        {
            syllable[n - 2] = toned;
            syllable[n - 1] = secondBase;
        }
    }

    private static bool IsVowel(char c)
    {
        var folded = c < TableSize ? FoldTable[c] : c;
        return folded is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
    }

    private static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';
}
