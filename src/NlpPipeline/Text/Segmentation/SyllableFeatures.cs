using System.Runtime.CompilerServices;
using NlpPipeline.Text.Tokenization;

namespace NlpPipeline.Text.Segmentation;

/// <summary>
/// Per-syllable values the segmenter's features are built from, computed once per syllable without allocating:
/// a 64-bit hash of the normalised form (lower case, tone mark moved off its position so <c>hoà</c> = <c>hòa</c>,
/// digits folded to 0) and a shape code (case pattern, kind, and whether the letters can form a Vietnamese syllable).
/// </summary>
internal static class SyllableFeatures
{
    public const byte ShapeLower = 0;
    public const byte ShapeCapitalized = 1;
    public const byte ShapeUpper = 2;
    public const byte ShapeAlphanumeric = 3;
    public const byte ShapeCompound = 4;
    public const byte ShapeNumber = 5;
    public const byte ShapePunctuation = 6;
    public const byte ShapeSymbol = 7;
    public const byte ShapeLink = 8;
    /// <summary>Set on letter-only syllables that cannot be Vietnamese (<c>Eberhardt</c>, <c>Noel</c>).</summary>
    public const byte ForeignFlag = 0x10;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    // For each char below U+2000: base letter (low 16 bits) and tone 0..5 (bits 16..18) of Vietnamese vowels.
    private static readonly int[] ToneTable = BuildToneTable();

    private static int[] BuildToneTable()
    {
        var table = new int[0x2000];
        for (var c = 0; c < table.Length; c++)
            table[c] = c;
        string[] series = ["aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị", "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ"];
        foreach (var s in series)
        {
            for (var tone = 1; tone < s.Length; tone++)
            {
                table[s[tone]] = s[0] | (tone << 16);
                var upper = char.ToUpperInvariant(s[tone]);
                table[upper] = s[0] | (tone << 16);
            }
            table[char.ToUpperInvariant(s[0])] = s[0];
        }
        table['Đ'] = 'đ';
        return table;
    }

    /// <summary>Mixes a 64-bit value (the SplitMix64 finaliser).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Hash of a one-syllable word; <see cref="ExtendWord"/> adds syllables.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong StartWord(ulong syllableHash) => Mix(syllableHash ^ 0x5851F42D4C957F2DUL) | 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ExtendWord(ulong wordHash, ulong syllableHash) => Mix(wordHash * 0x9E3779B97F4A7C15UL + syllableHash) | 1;

    /// <summary>Maps a lower-case toneless vowel or đ to its bare Latin letter (ơ → o, đ → d).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bare(int c) => c switch
    {
        'ă' or 'â' => 'a',
        'ê' => 'e',
        'ô' or 'ơ' => 'o',
        'ư' => 'u',
        'đ' => 'd',
        _ => c,
    };

    /// <summary>The text with every Vietnamese tone and vowel mark removed, case kept, same length (training augmentation).</summary>
    internal static string StripDiacritics(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                int c = source[i];
                if (c < 0x2000)
                {
                    var upper = char.IsUpper((char)c);
                    var bare = Bare(ToneTable[c] & 0xFFFF);
                    if (bare != (ToneTable[c] & 0xFFFF) || ToneTable[c] != c)
                        c = upper ? char.ToUpperInvariant((char)bare) : bare;
                }
                span[i] = (char)c;
            }
        });

    /// <summary>Computes the normalised hash and the shape of one token.</summary>
    public static ulong Analyze(ReadOnlySpan<char> token, SyllableKind kind, out byte shape) => Analyze(token, kind, out shape, out _, out _);

    /// <summary>
    /// Computes the normalised hash, the shape, and the hash of the bare form (no tone or vowel marks, so
    /// <c>quoc</c> = <c>quốc</c>) of one token, and its phonology packed as onset hash (bits 0–23), rhyme hash
    /// (24–55) and tone (56–59), which reduplicative words (<c>trơ trơ</c>, <c>xong xuôi</c>, <c>khuất tất</c>) share.
    /// </summary>
    public static ulong Analyze(ReadOnlySpan<char> token, SyllableKind kind, out byte shape, out ulong bareHash, out ulong phonology)
    {
        var h = FnvOffset;
        var b = FnvOffset;
        var tone = 0;
        int upper = 0, lower = 0, digits = 0, other = 0;
        Span<char> bare = stackalloc char[12];
        var bareLength = 0;
        var firstUpper = false;
        for (var k = 0; k < token.Length; k++)
        {
            int c = token[k];
            if (c < 0x2000)
            {
                var mapped = ToneTable[c];
                if (mapped > 0xFFFF)
                {
                    tone = mapped >> 16;
                    if (k == 0)
                        firstUpper = char.IsUpper((char)c);
                    if (char.IsUpper((char)c))
                        upper++;
                    else
                        lower++;
                    c = mapped & 0xFFFF;
                }
                else if ((uint)(c - '0') <= 9)
                {
                    digits++;
                    c = '0';
                }
                else if (char.IsUpper((char)c))
                {
                    upper++;
                    if (k == 0)
                        firstUpper = true;
                    c = mapped != c ? mapped : char.ToLowerInvariant((char)c);
                }
                else if (char.IsLetter((char)c))
                    lower++;
                else
                    other++;
            }
            else
            {
                other++;
            }
            if (bareLength < bare.Length)
                bare[bareLength] = (char)c;
            bareLength++;
            h = (h ^ (uint)c) * FnvPrime;
            b = (b ^ (uint)Bare(c)) * FnvPrime;
        }
        bareHash = Mix(b + 0x77UL);
        h = (h ^ (uint)(tone + 0x100)) * FnvPrime;

        shape = kind switch
        {
            SyllableKind.Number => ShapeNumber,
            SyllableKind.Punctuation => ShapePunctuation,
            SyllableKind.Symbol => ShapeSymbol,
            SyllableKind.Url or SyllableKind.Email or SyllableKind.Tag => ShapeLink,
            _ => other > 0 ? ShapeCompound
                : digits > 0 ? ShapeAlphanumeric
                : upper == 0 ? ShapeLower
                : upper == 1 && firstUpper ? ShapeCapitalized
                : lower == 0 ? ShapeUpper
                : ShapeAlphanumeric,
        };
        if (shape <= ShapeUpper && (bareLength > bare.Length || !IsVietnameseSyllable(bare[..bareLength])))
            shape |= ForeignFlag;
        var letters = bare[..Math.Min(bareLength, bare.Length)];
        var onsetLength = OnsetLength(letters);
        ulong onset = FnvOffset, rhyme = FnvOffset;
        for (var k = 0; k < letters.Length; k++)
        {
            if (k < onsetLength)
                onset = (onset ^ (uint)letters[k]) * FnvPrime;
            else
                rhyme = (rhyme ^ (uint)Bare(letters[k])) * FnvPrime;
        }
        phonology = (Mix(onset) & 0xFFFFFF) | ((Mix(rhyme) & 0xFFFFFFFF) << 24) | ((ulong)tone << 56);
        if (kind == SyllableKind.Number)
            return Mix(h ^ 0x1234567UL);
        return Mix(h);
    }

    /// <summary>Length of the initial consonant cluster of lower-case toneless letters (0 when the syllable opens on a vowel).</summary>
    private static int OnsetLength(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (s.Length >= 3 && s[..3].SequenceEqual("ngh"))
            i = 3;
        else if (s.Length >= 2 && (s[..2].SequenceEqual("ng") || s[..2].SequenceEqual("nh") || s[..2].SequenceEqual("ch") || s[..2].SequenceEqual("gh")
                 || s[..2].SequenceEqual("gi") || s[..2].SequenceEqual("kh") || s[..2].SequenceEqual("ph") || s[..2].SequenceEqual("qu")
                 || s[..2].SequenceEqual("th") || s[..2].SequenceEqual("tr")))
            i = 2;
        else if (s.Length >= 1 && s[0] is 'b' or 'c' or 'd' or 'đ' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'p' or 'r' or 's' or 't' or 'v' or 'x')
            i = 1;
        return i;
    }

    private static bool IsVowel(char c) => c is 'a' or 'ă' or 'â' or 'e' or 'ê' or 'i' or 'o' or 'ô' or 'ơ' or 'u' or 'ư' or 'y';

    /// <summary>True when lower-case, toneless letters follow Vietnamese syllable structure (onset, 1–3 vowels, coda).</summary>
    internal static bool IsVietnameseSyllable(ReadOnlySpan<char> s)
    {
        var i = OnsetLength(s);
        var e = s.Length;
        if (e - i >= 2 && (s[(e - 2)..].SequenceEqual("ng") || s[(e - 2)..].SequenceEqual("nh") || s[(e - 2)..].SequenceEqual("ch")))
            e -= 2;
        else if (e - i >= 1 && s[e - 1] is 'c' or 'm' or 'n' or 'p' or 't')
            e -= 1;
        var vowels = e - i;
        if (vowels == 0)
            return i == 2 && s[0] == 'g' && e == s.Length; // "gì" without its tone is "gi"
        if (vowels > 3)
            return false;
        for (var k = i; k < e; k++)
        {
            if (!IsVowel(s[k]))
                return false;
        }
        return true;
    }
}
