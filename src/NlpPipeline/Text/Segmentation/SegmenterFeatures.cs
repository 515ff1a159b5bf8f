using System.Runtime.CompilerServices;
using NlpPipeline.Text.Tokenization;

namespace NlpPipeline.Text.Segmentation;

/// <summary>Answers whether a word hash is a multi-syllable dictionary word, and whether longer words may extend it.</summary>
internal interface IWordLookup
{
    /// <summary>Flags as in <see cref="WordTable"/> (<see cref="WordTable.IsDictionaryWord"/>, <see cref="WordTable.IsPrefix"/>).</summary>
    byte Flags(ulong wordHash);
}

/// <summary>The shipped model's vocabulary as the dictionary.</summary>
internal readonly struct TableLookup(WordTable table) : IWordLookup
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Flags(ulong wordHash) => table.Lookup(wordHash, out _);
}

/// <summary>
/// Per-sentence arrays the features read (syllable hashes, shapes, dictionary matches), reused between calls so
/// segmentation allocates nothing once warm. One workspace per thread.
/// </summary>
internal sealed class SegmentationWorkspace
{
    public const int MaxWordSyllables = 7;

    public readonly List<SyllableToken> Tokens = new(256);
    public ulong[] Hashes = new ulong[256];
    /// <summary>Hashes of the bare forms (no diacritics), so text typed without marks still meets known n-grams.</summary>
    public ulong[] Bare = new ulong[256];
    /// <summary>Onset, rhyme and tone of each syllable (<see cref="SyllableFeatures.Analyze(ReadOnlySpan{char}, SyllableKind, out byte, out ulong, out ulong)"/>).</summary>
    public ulong[] Phonology = new ulong[256];
    /// <summary>True when the syllable is a one-syllable word of the vocabulary (some syllables never stand alone).</summary>
    public bool[] Standalone = new bool[256];
    public byte[] Shapes = new byte[256];
    /// <summary>Bit L set when a dictionary word of L syllables starts at the syllable.</summary>
    public byte[] StartMask = new byte[256];
    /// <summary>Longest dictionary word ending at the syllable (0 when none).</summary>
    public byte[] EndLength = new byte[256];
    /// <summary>Longest dictionary word covering the gap before the syllable (0 when none).</summary>
    public byte[] CrossLength = new byte[256];
    /// <summary>True when the syllable starts a word (always for the first).</summary>
    public bool[] Starts = new bool[256];
    /// <summary>True when no word may span the gap before the syllable (line break, link, emoji).</summary>
    public bool[] HardBreak = new bool[256];

    public int Count => Tokens.Count;

    /// <summary>Tokenizes <paramref name="text"/> (offsets shifted by <paramref name="baseOffset"/>) and fills hashes and shapes.</summary>
    public void Load(ReadOnlySpan<char> text, int baseOffset)
    {
        Tokens.Clear();
        SyllableTokenizer.Tokenize(text, baseOffset, Tokens);
        var n = Tokens.Count;
        Ensure(n);
        var previousEnd = baseOffset;
        for (var i = 0; i < n; i++)
        {
            var t = Tokens[i];
            var local = text.Slice(t.Start - baseOffset, t.Length);
            Hashes[i] = SyllableFeatures.Analyze(local, t.Kind, out Shapes[i], out Bare[i], out Phonology[i]);
            var hard = t.Kind is SyllableKind.Url or SyllableKind.Email or SyllableKind.Symbol or SyllableKind.Tag;
            if (i > 0)
            {
                var gap = text.Slice(previousEnd - baseOffset, t.Start - previousEnd);
                hard |= gap.Contains('\n') || Tokens[i - 1].Kind is SyllableKind.Url or SyllableKind.Email or SyllableKind.Symbol or SyllableKind.Tag;
            }
            HardBreak[i] = hard;
            previousEnd = t.End;
        }
    }

    public void Ensure(int n)
    {
        if (Hashes.Length >= n)
            return;
        var size = Math.Max(n, Hashes.Length * 2);
        Hashes = new ulong[size];
        Bare = new ulong[size];
        Phonology = new ulong[size];
        Standalone = new bool[size];
        Shapes = new byte[size];
        StartMask = new byte[size];
        EndLength = new byte[size];
        CrossLength = new byte[size];
        Starts = new bool[size];
        HardBreak = new bool[size];
    }

    /// <summary>Marks the dictionary words found among the first <paramref name="n"/> syllables.</summary>
    public void MatchDictionary<TLookup>(int n, TLookup lookup)
        where TLookup : struct, IWordLookup
    {
        Array.Clear(StartMask, 0, n);
        Array.Clear(EndLength, 0, n);
        Array.Clear(CrossLength, 0, n);
        var hashes = Hashes;
        for (var j = 0; j < n; j++)
        {
            var h = SyllableFeatures.StartWord(hashes[j]);
            var first = lookup.Flags(h);
            Standalone[j] = (first & WordTable.IsWord) != 0;
            if ((first & WordTable.IsPrefix) == 0)
                continue;
            var max = Math.Min(MaxWordSyllables, n - j);
            for (var length = 2; length <= max; length++)
            {
                h = SyllableFeatures.ExtendWord(h, hashes[j + length - 1]);
                var flags = lookup.Flags(h);
                if ((flags & WordTable.IsDictionaryWord) != 0)
                {
                    StartMask[j] |= (byte)(1 << length);
                    var last = j + length - 1;
                    if (EndLength[last] < length)
                        EndLength[last] = (byte)length;
                    for (var g = j + 1; g <= last; g++)
                    {
                        if (CrossLength[g] < length)
                            CrossLength[g] = (byte)length;
                    }
                }
                if ((flags & WordTable.IsPrefix) == 0)
                    break;
            }
        }
    }
}

/// <summary>
/// The feature templates of the gap before syllable <c>i</c> (join it to the previous syllable or not), hashed into a
/// table of 2^bits weights. Shared by training and segmentation so both see identical features.
/// </summary>
internal static class SegmenterFeatures
{
    public const int MaxFeatures = 31;
    private const ulong Bos = 0x243F6A8885A308D3UL;
    private const ulong Eos = 0x13198A2E03707344UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Index(ulong template, ulong a, int shift) =>
        (int)(SyllableFeatures.Mix(a ^ (template * 0x9E3779B97F4A7C15UL)) >> shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Index(ulong template, ulong a, ulong b, int shift) =>
        (int)(SyllableFeatures.Mix(SyllableFeatures.Mix(a ^ (template * 0x9E3779B97F4A7C15UL)) + b) >> shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Index(ulong template, ulong a, ulong b, ulong c, int shift) =>
        (int)(SyllableFeatures.Mix(SyllableFeatures.Mix(SyllableFeatures.Mix(a ^ (template * 0x9E3779B97F4A7C15UL)) + b) + c) >> shift);

    /// <summary>Writes the feature indices of the gap before syllable <paramref name="i"/> (1 ≤ i &lt; n); returns their count.</summary>
    public static int Extract(SegmentationWorkspace w, int n, int i, bool previousJoined, int wordLength, int bits, Span<int> features)
    {
        var shift = 64 - bits;
        var h = w.Hashes;
        var s = w.Shapes;
        var hm1 = h[i - 1];
        var h0 = h[i];
        var hm2 = i >= 2 ? h[i - 2] : Bos;
        var h1 = i + 1 < n ? h[i + 1] : Eos;
        var h2 = i + 2 < n ? h[i + 2] : Eos + 1;
        ulong sm1 = s[i - 1];
        ulong s0 = s[i];
        ulong sm2 = i >= 2 ? s[i - 2] : 30UL;
        ulong s1 = i + 1 < n ? s[i + 1] : 31UL;
        ulong cross = w.CrossLength[i];
        ulong endLength = w.EndLength[i - 1];
        ulong startLength = 0;
        var mask = w.StartMask[i];
        while (mask > 1)
        {
            mask >>= 1;
            startLength++;
        }
        ulong starts = (ulong)w.StartMask[i - 1] | ((i >= 2 ? (ulong)w.StartMask[i - 2] : 0UL) << 8) | ((i >= 3 ? (ulong)w.StartMask[i - 3] : 0UL) << 16);
        ulong history = (previousJoined ? 8UL : 0UL) | (uint)Math.Min(wordLength, 5);

        var k = 0;
        features[k++] = Index(1, 0, shift);
        features[k++] = Index(2, hm1, shift);
        features[k++] = Index(3, h0, shift);
        features[k++] = Index(4, hm2, shift);
        features[k++] = Index(5, h1, shift);
        features[k++] = Index(6, hm1, h0, shift);
        features[k++] = Index(7, hm2, hm1, shift);
        features[k++] = Index(8, h0, h1, shift);
        features[k++] = Index(9, hm2, hm1, h0, shift);
        features[k++] = Index(10, hm1, h0, h1, shift);
        features[k++] = Index(11, hm2, h0, shift);
        features[k++] = Index(12, hm1, h1, shift);
        features[k++] = Index(13, h0, h1, h2, shift);
        features[k++] = Index(14, sm1 | (s0 << 8), shift);
        features[k++] = Index(15, sm2 | (sm1 << 8) | (s0 << 16) | (s1 << 24), shift);
        features[k++] = Index(16, history, shift);
        features[k++] = Index(17, hm1, h0, history, shift);
        features[k++] = Index(18, cross | (endLength << 8) | (startLength << 16), shift);
        features[k++] = Index(19, cross | (sm1 << 8) | (s0 << 16), shift);
        features[k++] = Index(20, hm1, h0, (sm1 & 0xF) | ((s0 & 0xF) << 8), shift);
        features[k++] = Index(21, cross | (history << 8), shift);
        features[k++] = Index(22, starts, shift);
        features[k++] = Index(23, h0, cross | (sm1 << 8), shift);
        features[k++] = Index(24, hm1, cross | (s0 << 8), shift);
        var bare = w.Bare;
        var bm1 = bare[i - 1];
        var b0 = bare[i];
        features[k++] = Index(25, bm1, b0, shift);
        features[k++] = Index(26, b0, shift);
        features[k++] = Index(27, bm1, b0, i + 1 < n ? bare[i + 1] : Eos, shift);
        var pm1 = w.Phonology[i - 1];
        var p0 = w.Phonology[i];
        ulong sameOnset = (pm1 & 0xFFFFFF) == (p0 & 0xFFFFFF) ? 1UL : 0UL;
        ulong sameRhyme = ((pm1 >> 24) & 0xFFFFFFFF) == ((p0 >> 24) & 0xFFFFFFFF) ? 2UL : 0UL;
        ulong tones = ((pm1 >> 56) << 4) | (p0 >> 56);
        features[k++] = Index(28, sameOnset | sameRhyme | (tones << 2) | ((sm1 & 0xF) << 12) | ((s0 & 0xF) << 16), shift);
        ulong standalone = (w.Standalone[i - 1] ? 1UL : 0UL) | (w.Standalone[i] ? 2UL : 0UL);
        features[k++] = Index(29, standalone | (cross << 2) | (history << 8), shift);
        features[k++] = Index(30, standalone, ((pm1 >> 24) & 0xFFFFFFFF) | (((p0 >> 24) & 0xFFFFFFFF) << 32), shift);
        features[k++] = Index(31, hm1, s0 | (s1 << 8), shift);
        return k;
    }
}
