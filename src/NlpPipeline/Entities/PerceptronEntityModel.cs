using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>
/// The trained weights of <see cref="PerceptronEntityRecognizer"/>: hashed emission weights
/// (buckets × BILOU labels, flat), label transitions, and the gazetteer and syllable clusters built at
/// training time. Immutable once built; saved as a gzip-compressed binary with 16-bit fixed-point emission weights (half the memory of floats, so
/// more of the table stays in cache when tagging).
/// </summary>
public sealed class PerceptronEntityModel
{
    private const string Magic = "NLP-NER-PERCEPTRON";
    private const int Version = 3;

    /// <summary>Entity types in label order: label 0 is O, then B-type, I-type for each.</summary>
    public static readonly IReadOnlyList<string> Types = [EntityTypes.Person, EntityTypes.Organization, EntityTypes.Location, EntityTypes.Miscellaneous];

    internal PerceptronEntityModel(int bits, short[] weights, float[] transitions, Gazetteer gazetteer, IReadOnlyDictionary<ulong, int> clusters)
    {
        Bits = bits;
        Weights = weights;
        Transitions = transitions;
        Gazetteer = gazetteer;
        Clusters = clusters;
        Features = new EntityFeatureExtractor(bits, gazetteer, clusters);
    }

    /// <summary>BILOU: O, then B, I, L (last), U (unit) for each type.</summary>
    public const int LabelCount = 1 + 4 * 4;

    internal int Bits { get; }

    /// <summary>Emission weights (fixed point, same unit as the transitions), index <c>bucket * LabelCount + label</c>.</summary>
    internal short[] Weights { get; }

    /// <summary>Transition weights, index <c>previous * LabelCount + label</c>; row <c>LabelCount</c> is the start.</summary>
    internal float[] Transitions { get; }

    internal Gazetteer Gazetteer { get; }

    internal IReadOnlyDictionary<ulong, int> Clusters { get; }

    internal EntityFeatureExtractor Features { get; }

    private static readonly bool[] AllowedTable = BuildAllowed();

    /// <summary>
    /// Whether a label may follow another: after O, L-x, U-x or the start (previous = LabelCount) come O, B-* or
    /// U-*; after B-x or I-x come only I-x or L-x.
    /// </summary>
    internal static bool Allowed(int previous, int label) => AllowedTable[previous * LabelCount + label];

    private static bool AllowedSlow(int previous, int label)
    {
        var open = previous is > 0 and < LabelCount && Part(previous) is 0 or 1;
        if (!open)
            return label == 0 || Part(label) is 0 or 3;
        return label != 0 && Part(label) is 1 or 2 && TypeIndexOf(label) == TypeIndexOf(previous);
    }

    private static bool[] BuildAllowed()
    {
        var table = new bool[(LabelCount + 1) * LabelCount];
        for (var p = 0; p <= LabelCount; p++)
        {
            for (var l = 0; l < LabelCount; l++)
                table[p * LabelCount + l] = AllowedSlow(p, l);
        }
        return table;
    }

    /// <summary>0 = B, 1 = I, 2 = L, 3 = U for a non-O label.</summary>
    internal static int Part(int label) => (label - 1) % 4;

    internal static int TypeIndexOf(int label) => (label - 1) / 4;

    /// <summary>The label of part <paramref name="part"/> (0 B, 1 I, 2 L, 3 U) of type index <paramref name="type"/>.</summary>
    internal static int Label(int type, int part) => 1 + 4 * type + part;

    internal static int TypeIndex(string type)
    {
        for (var i = 0; i < Types.Count; i++)
        {
            if (Types[i] == type)
                return i;
        }
        return -1;
    }

    internal static string TypeOf(int label) => Types[TypeIndexOf(label)];

    /// <summary>Fills per-token label scores from the features already in the scratch buffers.</summary>
    internal static void Score(float[] weights, EntityScratch s, int n)
    {
        const int L = LabelCount;
        const int F = EntityFeatureExtractor.FeatureCount;
        s.EnsureLabels(n, L);
        var scores = s.Scores;
        var feats = s.Feats;
        Span<float> acc = stackalloc float[L];
        for (var t = 0; t < n; t++)
        {
            acc.Clear();
            var fb = t * F;
            for (var k = 0; k < F; k++)
                System.Numerics.Tensors.TensorPrimitives.Add(acc, weights.AsSpan(feats[fb + k] * L, L), acc);
            acc.CopyTo(scores.AsSpan(t * L, L));
        }
    }

    /// <summary>
    /// As <see cref="Score(float[], EntityScratch, int)"/> for the fixed-point weights of a trained model: one
    /// 256-bit load per feature row (labels 0–15, widened to 32-bit sums) plus label 16.
    /// </summary>
    internal static void Score(short[] weights, EntityScratch s, int n)
    {
        const int L = LabelCount;
        const int F = EntityFeatureExtractor.FeatureCount;
        s.EnsureLabels(n, L);
        var scores = s.Scores;
        var feats = s.Feats;
        if (!Vector256.IsHardwareAccelerated)
        {
            ScoreScalar(weights, s, n);
            return;
        }
        ref var w0 = ref MemoryMarshal.GetArrayDataReference(weights);
        ref var s0 = ref MemoryMarshal.GetArrayDataReference(scores);
        for (var t = 0; t < n; t++)
        {
            var lo = Vector256<int>.Zero;
            var hi = Vector256<int>.Zero;
            var last = 0;
            var fb = t * F;
            for (var k = 0; k < F; k++)
            {
                var b = feats[fb + k] * L;
                var (a, c) = Vector256.Widen(Vector256.LoadUnsafe(ref w0, (nuint)b));
                lo += a;
                hi += c;
                last += Unsafe.Add(ref w0, b + 16);
            }
            var o = (nuint)(t * L);
            Vector256.ConvertToSingle(lo).StoreUnsafe(ref s0, o);
            Vector256.ConvertToSingle(hi).StoreUnsafe(ref s0, o + 8);
            scores[t * L + 16] = last;
        }
    }

    private static void ScoreScalar(short[] weights, EntityScratch s, int n)
    {
        const int L = LabelCount;
        const int F = EntityFeatureExtractor.FeatureCount;
        var scores = s.Scores;
        var feats = s.Feats;
        Span<int> acc = stackalloc int[L];
        for (var t = 0; t < n; t++)
        {
            acc.Clear();
            var fb = t * F;
            for (var k = 0; k < F; k++)
            {
                var row = weights.AsSpan(feats[fb + k] * L, L);
                for (var l = 0; l < L; l++)
                    acc[l] += row[l];
            }
            var o = t * L;
            for (var l = 0; l < L; l++)
                scores[o + l] = acc[l];
        }
    }

    /// <summary>For each label, the labels allowed before it (flat, <see cref="PredecessorStart"/> offsets).</summary>
    private static readonly int[] Predecessors = BuildPredecessors(out PredecessorStart);
    private static readonly int[] PredecessorStart;

    private static int[] BuildPredecessors(out int[] start)
    {
        var list = new List<int>();
        start = new int[LabelCount + 1];
        for (var l = 0; l < LabelCount; l++)
        {
            start[l] = list.Count;
            for (var p = 0; p < LabelCount; p++)
            {
                if (Allowed(p, l))
                    list.Add(p);
            }
        }
        start[LabelCount] = list.Count;
        return [.. list];
    }

    /// <summary>Viterbi over the scores in the scratch buffers; writes the best labels to <c>s.Path</c>.</summary>
    internal static void Viterbi(float[] transitions, EntityScratch s, int n)
    {
        const int L = LabelCount;
        var scores = s.Scores;
        var delta = s.Delta;
        var back = s.Back;
        var preds = Predecessors;
        var predStart = PredecessorStart;
        for (var l = 0; l < L; l++)
            delta[l] = Allowed(L, l) ? scores[l] + transitions[L * L + l] : float.NegativeInfinity;
        for (var t = 1; t < n; t++)
        {
            var prev = (t - 1) * L;
            var cur = t * L;
            for (var l = 0; l < L; l++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var i = predStart[l]; i < predStart[l + 1]; i++)
                {
                    var p = preds[i];
                    var v = delta[prev + p] + transitions[p * L + l];
                    if (v > best)
                    {
                        best = v;
                        arg = p;
                    }
                }
                delta[cur + l] = best + scores[cur + l];
                back[cur + l] = arg;
            }
        }
        var last = (n - 1) * L;
        var bestLabel = 0;
        for (var l = 1; l < L; l++)
        {
            if (delta[last + l] > delta[last + bestLabel])
                bestLabel = l;
        }
        for (var t = n - 1; t >= 0; t--)
        {
            s.Path[t] = bestLabel;
            if (t > 0)
                bestLabel = back[t * L + bestLabel];
        }
    }

    /// <summary>Loads a model written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> on a foreign file.</summary>
    public static PerceptronEntityModel Load(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gz, 1 << 16);
        using var r = new BinaryReader(buffered, Encoding.UTF8);
        if (r.ReadString() != Magic || r.ReadInt32() != Version)
            throw new InvalidDataException("Not an NER perceptron model (version 3).");
        var bits = r.ReadInt32();
        var labels = r.ReadInt32();
        if (labels != LabelCount || bits is < 10 or > 26)
            throw new InvalidDataException("Unexpected NER model shape.");
        var transitions = new float[(LabelCount + 1) * LabelCount];
        for (var i = 0; i < transitions.Length; i++)
            transitions[i] = r.ReadSingle();
        var gazMax = r.ReadInt32();
        var gazCount = r.ReadInt32();
        var gaz = new Dictionary<ulong, int>(gazCount);
        for (var i = 0; i < gazCount; i++)
            gaz[r.ReadUInt64()] = r.ReadInt32();
        var clusterCount = r.ReadInt32();
        var clusters = new Dictionary<ulong, int>(clusterCount);
        for (var i = 0; i < clusterCount; i++)
            clusters[r.ReadUInt64()] = r.ReadInt32();
        var weights = new short[(1 << bits) * LabelCount];
        var rows = r.ReadInt32();
        var bucket = -1;
        for (var i = 0; i < rows; i++)
        {
            bucket += (int)r.Read7BitEncodedInt64();
            var o = bucket * LabelCount;
            for (var l = 0; l < LabelCount; l++)
                weights[o + l] = r.ReadInt16();
        }
        return new PerceptronEntityModel(bits, weights, transitions, new Gazetteer(gaz, gazMax), clusters);
    }

    public static PerceptronEntityModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    /// <summary>Writes the model deterministically (same model, same bytes): sorted tables, fixed gzip level.</summary>
    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8);
        w.Write(Magic);
        w.Write(Version);
        w.Write(Bits);
        w.Write(LabelCount);
        foreach (var t in Transitions)
            w.Write(t);
        w.Write(Gazetteer.MaxLength);
        w.Write(Gazetteer.Count);
        foreach (var (k, v) in Gazetteer.Entries.OrderBy(e => e.Key))
        {
            w.Write(k);
            w.Write(v);
        }
        w.Write(Clusters.Count);
        foreach (var (k, v) in Clusters.OrderBy(e => e.Key))
        {
            w.Write(k);
            w.Write(v);
        }
        var buckets = 1 << Bits;
        var rows = 0;
        for (var b = 0; b < buckets; b++)
        {
            if (NonZero(b))
                rows++;
        }
        w.Write(rows);
        var last = -1;
        for (var b = 0; b < buckets; b++)
        {
            if (!NonZero(b))
                continue;
            w.Write7BitEncodedInt64(b - last);
            last = b;
            for (var l = 0; l < LabelCount; l++)
                w.Write(Weights[b * LabelCount + l]);
        }
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        Save(file);
    }

    private bool NonZero(int bucket)
    {
        for (var l = 0; l < LabelCount; l++)
        {
            if (Weights[bucket * LabelCount + l] != 0)
                return true;
        }
        return false;
    }
}
