using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NlpPipeline.Documents;

namespace NlpPipeline.Topics;

/// <summary>A sparse feature vector: distinct indices below the featuriser's dimension (ascending, except from the scoring-only path), with their values.</summary>
public readonly record struct SparseFeatures(int[] Indices, float[] Values)
{
    public int Count => Indices.Length;
}

/// <summary>
/// Turns a document into a hashed bag of syllable and word unigrams and bigrams: each syllable or word is
/// lower-cased, its digits read as <c>0</c>, and words without a letter or digit (punctuation) are dropped; n-grams
/// are hashed (FNV-1a, then avalanche mixed) into <c>2^Bits</c> buckets; the first line (the headline, when the
/// text has more than one line and the first is at most <see cref="MaxTitleLength"/> long) is hashed once more as
/// separate title n-grams (<see cref="TitleFeatures"/>); a bucket's value is
/// <c>1 + ln(count)</c> times the bucket's weight (its IDF, when weights are given), and the vector is scaled to unit length. Deterministic across runs and
/// platforms; thread-safe. Training and the fast scorer share it, so both see the same features.
/// </summary>
public sealed class HashedNgramFeaturizer
{
    /// <summary>Hash bits used by the shipped models.</summary>
    public const int DefaultBits = 17;

    private readonly float[]? _weights;

    /// <param name="bits">Hash bits: the vector has <c>2^bits</c> slots.</param>
    /// <param name="weights">Per-slot weights (inverse document frequencies) applied before scaling to unit length, or null.</param>
    /// <param name="titleFeatures">Also hash the n-grams of the first line (the headline) apart, as title features.</param>
    public HashedNgramFeaturizer(int bits = DefaultBits, float[]? weights = null, bool titleFeatures = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 26);
        if (weights is not null && weights.Length != 1 << bits)
            throw new ArgumentException($"Expected {1 << bits} weights.", nameof(weights));
        Bits = bits;
        _weights = weights;
        TitleFeatures = titleFeatures;
    }

    /// <summary>Whether the first line's n-grams are also hashed apart as title features.</summary>
    public bool TitleFeatures { get; }

    /// <summary>Longest first line (in UTF-16 units) read as a title; a longer one is body text.</summary>
    public const int MaxTitleLength = 300;

    public int Bits { get; }

    /// <summary>The per-slot weights, or null when every slot weighs 1.</summary>
    public IReadOnlyList<float>? Weights => _weights;

    /// <summary>Inverse document frequencies <c>ln((n + 1) / (df + 1)) + 1</c> of each slot over <paramref name="documents"/>.</summary>
    public static float[] InverseDocumentFrequencies(IReadOnlyCollection<SparseFeatures> documents, int dimension)
    {
        var df = new int[dimension];
        foreach (var d in documents)
            foreach (var i in d.Indices)
                df[i]++;
        var idf = new float[dimension];
        for (var i = 0; i < dimension; i++)
            idf[i] = (float)(Math.Log((documents.Count + 1.0) / (df[i] + 1.0)) + 1.0);
        return idf;
    }

    /// <summary>Multiplies each value by its slot's weight and scales back to unit length (same as featurising with those weights).</summary>
    public static SparseFeatures Reweight(SparseFeatures features, float[] weights)
    {
        var values = new float[features.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = features.Values[i] * weights[features.Indices[i]];
        Normalize(values);
        return new SparseFeatures(features.Indices, values);
    }

    public int Dimension => 1 << Bits;

    /// <summary>
    /// Features of <paramref name="text"/>: n-grams of its syllables (runs of letters and digits) and, when
    /// <paramref name="tokens"/> are given, of its words, hashed apart from the syllables.
    /// </summary>
    public SparseFeatures Featurize(string text, ReadOnlySpan<Token> tokens)
    {
        var hashes = new List<uint>(Math.Max(16, text.Length / 2));
        Collect(text, tokens, hashes);
        return Build(hashes);
    }

    /// <summary>As <see cref="Featurize(string, ReadOnlySpan{Token})"/> with the indices in no particular order (for scoring, which needs no order).</summary>
    internal SparseFeatures FeaturizeUnordered(string text, ReadOnlySpan<Token> tokens)
    {
        var hashes = new List<uint>(Math.Max(16, text.Length / 2));
        Collect(text, tokens, hashes);
        return Build(hashes, sorted: false);
    }

    /// <summary>Word n-gram features of <paramref name="words"/> given as strings, without syllable features (tests and tools).</summary>
    public SparseFeatures FeaturizeWords(IEnumerable<string> words)
    {
        var hashes = new List<uint>();
        uint previous = 0;
        var hasPrevious = false;
        foreach (var w in words)
            Add(w.AsSpan(), WordBasis, hashes, ref previous, ref hasPrevious);
        return Build(hashes);
    }

    // FNV-1a offset bases: syllable and word n-grams hash apart, so a one-syllable word is two features;
    // the title's n-grams hash apart again.
    private const uint SyllableBasis = 2166136261u;
    private const uint WordBasis = 0x9747B28Cu;
    private const uint TitleSyllableBasis = 0x3C6EF372u;
    private const uint TitleWordBasis = 0xA54FF53Au;

    private void Collect(string text, ReadOnlySpan<Token> tokens, List<uint> hashes)
    {
        CollectSyllables(text, SyllableBasis, hashes);
        if (!tokens.IsEmpty)
            CollectTokens(text, tokens, WordBasis, int.MaxValue, hashes);
        if (!TitleFeatures)
            return;
        var titleEnd = text.IndexOf('\n');
        if (titleEnd <= 0 || titleEnd > MaxTitleLength)
            return;
        CollectSyllables(text[..titleEnd], TitleSyllableBasis, hashes);
        if (!tokens.IsEmpty)
            CollectTokens(text, tokens, TitleWordBasis, titleEnd, hashes);
    }

    private static void CollectTokens(string text, ReadOnlySpan<Token> tokens, uint basis, int end, List<uint> hashes)
    {
        uint previous = 0;
        var hasPrevious = false;
        foreach (var t in tokens)
        {
            if (t.End > end)
                break;
            Add(text.AsSpan(t.Start, t.End - t.Start), basis, hashes, ref previous, ref hasPrevious);
        }
    }

    private static void CollectSyllables(string text, uint basis, List<uint> hashes)
    {
        uint previous = 0;
        var hasPrevious = false;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
                i++;
            Add(text.AsSpan(start, i - start), basis, hashes, ref previous, ref hasPrevious);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || (c >= '\u0300' && c <= '\u036F');

    private static void Add(ReadOnlySpan<char> word, uint basis, List<uint> hashes, ref uint previous, ref bool hasPrevious)
    {
        var h = basis;
        var content = false;
        foreach (var c in word)
        {
            char n;
            if (char.IsDigit(c))
            {
                n = '0';
                content = true;
            }
            else if (char.IsLetter(c))
            {
                n = char.ToLowerInvariant(c);
                content = true;
            }
            else
            {
                n = char.IsWhiteSpace(c) ? ' ' : c;
            }
            h = (h ^ n) * 16777619u;
        }
        if (!content)
            return;
        hashes.Add(Mix(h));
        if (hasPrevious)
            hashes.Add(Mix((previous * 0x9E3779B1u) ^ h ^ 0x5BD1E995u));
        previous = h;
        hasPrevious = true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }

    [ThreadStatic]
    private static int[]? t_counts;

    private SparseFeatures Build(List<uint> hashes, bool sorted = true)
    {
        if (hashes.Count == 0)
            return new SparseFeatures([], []);
        // Count in a per-thread dense table, so only the distinct slots (not every n-gram) need sorting.
        var counts = t_counts is { } c && c.Length == Dimension ? c : (t_counts = new int[Dimension]);
        var mask = (uint)(Dimension - 1);
        var span = CollectionsMarshal.AsSpan(hashes);
        var distinct = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var index = span[i] & mask;
            if (counts[index]++ == 0)
                span[distinct++] = index;
        }
        var slots = span[..distinct];
        if (sorted)
            slots.Sort();
        var indices = new int[distinct];
        var values = new float[distinct];
        for (var k = 0; k < distinct; k++)
        {
            var index = (int)slots[k];
            indices[k] = index;
            values[k] = (1f + MathF.Log(counts[index])) * (_weights is null ? 1f : _weights[index]);
            counts[index] = 0;
        }
        Normalize(values);
        return new SparseFeatures(indices, values);
    }

    private static void Normalize(float[] values)
    {
        var norm = 0.0;
        foreach (var v in values)
            norm += v * v;
        if (norm <= 0)
            return;
        var scale = (float)(1.0 / Math.Sqrt(norm));
        for (var i = 0; i < values.Length; i++)
            values[i] *= scale;
    }
}
