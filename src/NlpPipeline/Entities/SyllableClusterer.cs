using System.Formats.Tar;
using System.IO.Compression;
using System.Numerics.Tensors;
using System.Text;

namespace NlpPipeline.Entities;

/// <summary>Settings of <see cref="SyllableClusterer"/>; the defaults reproduce the shipped model's clusters.</summary>
public sealed record SyllableClustererOptions
{
    /// <summary>Number of clusters.</summary>
    public int Clusters { get; init; } = 512;
    /// <summary>Number of coarse clusters, grouping the fine ones.</summary>
    public int CoarseClusters { get; init; } = 64;
    /// <summary>Most frequent lower-case syllables that get a cluster.</summary>
    public int Vocabulary { get; init; } = 20000;
    /// <summary>Most frequent syllables used as left and right context dimensions.</summary>
    public int Contexts { get; init; } = 200;
    public int Iterations { get; init; } = 8;
    /// <summary>Stop reading after this many syllables of text.</summary>
    public long MaxSyllables { get; init; } = 40_000_000;
}

/// <summary>
/// Distributional clusters of lower-case syllables learned from unlabelled text: each frequent syllable is a
/// vector of log counts of its left and right neighbours among the most frequent syllables, and spherical
/// k-means (deterministic initialisation, fixed order) groups them. Used as tagger features.
/// </summary>
public sealed class SyllableClusterer
{
    private readonly SyllableClustererOptions _options;

    public SyllableClusterer(SyllableClustererOptions? options = null) => _options = options ?? new SyllableClustererOptions();

    /// <summary>Reads the VNTC archive (tar.gz of UTF-16 files), entries in archive order.</summary>
    public static IEnumerable<string> ReadVntc(string archive)
    {
        using var file = File.OpenRead(archive);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gz);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                continue;
            using var reader = new StreamReader(entry.DataStream, Encoding.Unicode, detectEncodingFromByteOrderMarks: true);
            yield return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
        }
    }

    /// <summary>Clusters the syllables of <paramref name="texts"/>; returns lower-case syllable hash → cluster.</summary>
    public Dictionary<ulong, int> Cluster(IEnumerable<string> texts, Action<string>? log = null)
    {
        var stream = new List<ulong>();
        var starts = new int[256];
        var ends = new int[256];
        foreach (var text in texts)
        {
            var n = SyllableSplitter.Tokenize(text, 0, text.Length, ref starts, ref ends);
            stream.Add(0);
            for (var i = 0; i < n; i++)
                stream.Add(FeatureHash.LowerCase(text.AsSpan(starts[i], ends[i] - starts[i])));
            if (stream.Count >= _options.MaxSyllables)
                break;
        }
        var counts = new Dictionary<ulong, int>();
        foreach (var h in stream)
        {
            if (h != 0)
                counts[h] = counts.GetValueOrDefault(h) + 1;
        }
        var ranked = counts.Where(kv => kv.Value >= 5).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key).ToList();
        var vocab = ranked.Take(_options.Vocabulary).Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        var contexts = ranked.Take(_options.Contexts).Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        log?.Invoke($"{stream.Count} syllables, {vocab.Count} clustered, {contexts.Count} contexts");
        var dims = 2 * contexts.Count + 2;
        var v = vocab.Count;
        var vectors = new float[v * dims];
        for (var i = 0; i < stream.Count; i++)
        {
            if (stream[i] == 0 || !vocab.TryGetValue(stream[i], out var row))
                continue;
            var left = i > 0 ? stream[i - 1] : 0;
            var right = i + 1 < stream.Count ? stream[i + 1] : 0;
            vectors[row * dims + (contexts.TryGetValue(left, out var l) ? l : left == 0 ? 2 * contexts.Count : 2 * contexts.Count + 1)] += 1;
            if (contexts.TryGetValue(right, out var r))
                vectors[row * dims + contexts.Count + r] += 1;
        }
        for (var row = 0; row < v; row++)
        {
            var span = vectors.AsSpan(row * dims, dims);
            for (var d = 0; d < dims; d++)
                span[d] = MathF.Log(1 + span[d]);
            var norm = TensorPrimitives.Norm(span);
            if (norm > 0)
                TensorPrimitives.Divide(span, norm, span);
        }
        var k = Math.Min(_options.Clusters, v);
        var centroids = new float[k * dims];
        for (var c = 0; c < k; c++)
            vectors.AsSpan((int)((long)c * v / k) * dims, dims).CopyTo(centroids.AsSpan(c * dims, dims));
        var assign = new int[v];
        for (var it = 0; it < _options.Iterations; it++)
        {
            var changed = 0;
            for (var row = 0; row < v; row++)
            {
                var x = vectors.AsSpan(row * dims, dims);
                var best = 0;
                var bestDot = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var dot = TensorPrimitives.Dot(x, centroids.AsSpan(c * dims, dims));
                    if (dot > bestDot)
                    {
                        bestDot = dot;
                        best = c;
                    }
                }
                if (assign[row] != best)
                    changed++;
                assign[row] = best;
            }
            Array.Clear(centroids);
            for (var row = 0; row < v; row++)
                TensorPrimitives.Add(centroids.AsSpan(assign[row] * dims, dims), vectors.AsSpan(row * dims, dims), centroids.AsSpan(assign[row] * dims, dims));
            for (var c = 0; c < k; c++)
            {
                var span = centroids.AsSpan(c * dims, dims);
                var norm = TensorPrimitives.Norm(span);
                if (norm > 0)
                    TensorPrimitives.Divide(span, norm, span);
            }
            log?.Invoke($"k-means iteration {it + 1}: {changed} changed");
        }
        // A coarse level: k-means over the fine centroids (first centroids as seeds), so each syllable gets
        // fine | coarse << 12, like two prefix lengths of a Brown cluster path.
        var coarseK = Math.Max(1, Math.Min(_options.CoarseClusters, k));
        var coarse = new float[coarseK * dims];
        Array.Copy(centroids, coarse, coarse.Length);
        var fineToCoarse = new int[k];
        for (var it = 0; it < _options.Iterations; it++)
        {
            for (var c = 0; c < k; c++)
            {
                var x = centroids.AsSpan(c * dims, dims);
                var best = 0;
                var bestDot = float.NegativeInfinity;
                for (var g = 0; g < coarseK; g++)
                {
                    var dot = TensorPrimitives.Dot(x, coarse.AsSpan(g * dims, dims));
                    if (dot > bestDot)
                    {
                        bestDot = dot;
                        best = g;
                    }
                }
                fineToCoarse[c] = best;
            }
            Array.Clear(coarse);
            for (var c = 0; c < k; c++)
                TensorPrimitives.Add(coarse.AsSpan(fineToCoarse[c] * dims, dims), centroids.AsSpan(c * dims, dims), coarse.AsSpan(fineToCoarse[c] * dims, dims));
            for (var g = 0; g < coarseK; g++)
            {
                var span = coarse.AsSpan(g * dims, dims);
                var norm = TensorPrimitives.Norm(span);
                if (norm > 0)
                    TensorPrimitives.Divide(span, norm, span);
            }
        }
        return vocab.ToDictionary(kv => kv.Key, kv => assign[kv.Value] | (fineToCoarse[assign[kv.Value]] << 12));
    }
}
