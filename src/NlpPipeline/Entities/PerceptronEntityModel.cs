using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>
/// The trained weights of <see cref="PerceptronEntityRecognizer"/>: hashed emission weights
/// (buckets × BILOU labels, flat), label transitions, optionally a second (stacked) pass with its own weights over
/// the same features plus <see cref="EntityStacking"/>'s, and the gazetteer and syllable clusters built at
/// training time. Immutable once built; saved as a gzip-compressed binary with 16-bit fixed-point emission weights (half the memory of floats, so
/// more of the table stays in cache when tagging).
/// </summary>
public sealed class PerceptronEntityModel
{
    private const string Magic = "NLP-NER-PERCEPTRON";
    private const int Version = 4;

    /// <summary>Entity types in label order: label 0 is O, then B-type, I-type for each.</summary>
    public static readonly IReadOnlyList<string> Types = [EntityTypes.Person, EntityTypes.Organization, EntityTypes.Location, EntityTypes.Miscellaneous];

    internal PerceptronEntityModel(
        int bits,
        short[] weights,
        float[] transitions,
        Gazetteer gazetteer,
        IReadOnlyDictionary<ulong, int> clusters,
        (short[] Weights, float[] Transitions)? stack = null,
        float temperature = DefaultTemperature)
    {
        Temperature = temperature;
        Bits = bits;
        Weights = weights;
        Transitions = transitions;
        Stack = stack;
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

    /// <summary>The second pass (same layout as <see cref="Weights"/> and <see cref="Transitions"/>), or null for one pass.</summary>
    internal (short[] Weights, float[] Transitions)? Stack { get; }

    /// <summary>Divides the last pass's scores before <see cref="EntityConfidence"/> turns them into probabilities.</summary>
    internal float Temperature { get; }

    /// <summary>Temperature of a model trained without the out-of-fold models that fit it (one pass).</summary>
    internal const float DefaultTemperature = 16384;

    /// <summary>The first pass alone (this model if it has one pass), to measure what the second pass adds.</summary>
    public PerceptronEntityModel WithoutStack() => Stack is null ? this : new(Bits, Weights, Transitions, Gazetteer, Clusters, temperature: Temperature);

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

    /// <summary>
    /// Fills (or, with <paramref name="accumulate"/>, adds to) <c>s.Scores</c> for tokens 0..n-1: token t sums the
    /// weight rows of <c>feats[(first + t) * stride ..][..stride]</c>.
    /// </summary>
    internal static void Score(float[] weights, int[] feats, int first, int stride, int n, EntityScratch s, bool accumulate = false)
    {
        const int L = LabelCount;
        s.EnsureLabels(n, L);
        var scores = s.Scores;
        Span<float> acc = stackalloc float[L];
        for (var t = 0; t < n; t++)
        {
            if (accumulate)
                scores.AsSpan(t * L, L).CopyTo(acc);
            else
                acc.Clear();
            var fb = (first + t) * stride;
            for (var k = 0; k < stride; k++)
                System.Numerics.Tensors.TensorPrimitives.Add(acc, weights.AsSpan(feats[fb + k] * L, L), acc);
            acc.CopyTo(scores.AsSpan(t * L, L));
        }
    }

    /// <summary>
    /// As <see cref="Score(float[], int[], int, int, int, EntityScratch, bool)"/> for the fixed-point weights of a
    /// trained model: one 256-bit load per feature row (labels 0–15, widened to 32-bit sums) plus label 16.
    /// </summary>
    internal static void Score(short[] weights, int[] feats, int first, int stride, int n, EntityScratch s, bool accumulate = false)
    {
        const int L = LabelCount;
        s.EnsureLabels(n, L);
        var scores = s.Scores;
        if (!Vector256.IsHardwareAccelerated)
        {
            ScoreScalar(weights, feats, first, stride, n, s, accumulate);
            return;
        }
        ref var w0 = ref MemoryMarshal.GetArrayDataReference(weights);
        ref var s0 = ref MemoryMarshal.GetArrayDataReference(scores);
        for (var t = 0; t < n; t++)
        {
            var lo = Vector256<int>.Zero;
            var hi = Vector256<int>.Zero;
            var last = 0;
            var fb = (first + t) * stride;
            for (var k = 0; k < stride; k++)
            {
                var b = feats[fb + k] * L;
                var (a, c) = Vector256.Widen(Vector256.LoadUnsafe(ref w0, (nuint)b));
                lo += a;
                hi += c;
                last += Unsafe.Add(ref w0, b + 16);
            }
            var o = (nuint)(t * L);
            var flo = Vector256.ConvertToSingle(lo);
            var fhi = Vector256.ConvertToSingle(hi);
            if (accumulate)
            {
                flo += Vector256.LoadUnsafe(ref s0, o);
                fhi += Vector256.LoadUnsafe(ref s0, o + 8);
                scores[t * L + 16] += last;
            }
            else
            {
                scores[t * L + 16] = last;
            }
            flo.StoreUnsafe(ref s0, o);
            fhi.StoreUnsafe(ref s0, o + 8);
        }
    }

    private static void ScoreScalar(short[] weights, int[] feats, int first, int stride, int n, EntityScratch s, bool accumulate)
    {
        const int L = LabelCount;
        var scores = s.Scores;
        Span<int> acc = stackalloc int[L];
        for (var t = 0; t < n; t++)
        {
            acc.Clear();
            var fb = (first + t) * stride;
            for (var k = 0; k < stride; k++)
            {
                var row = weights.AsSpan(feats[fb + k] * L, L);
                for (var l = 0; l < L; l++)
                    acc[l] += row[l];
            }
            var o = t * L;
            for (var l = 0; l < L; l++)
                scores[o + l] = accumulate ? scores[o + l] + acc[l] : acc[l];
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
            throw new InvalidDataException($"Not an NER perceptron model (version {Version}).");
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
        var weights = ReadWeights(r, bits);
        (short[], float[])? stack = null;
        if (r.ReadBoolean())
        {
            var stackTransitions = new float[transitions.Length];
            for (var i = 0; i < stackTransitions.Length; i++)
                stackTransitions[i] = r.ReadSingle();
            stack = (ReadWeights(r, bits), stackTransitions);
        }
        var temperature = r.ReadSingle();
        return new PerceptronEntityModel(bits, weights, transitions, new Gazetteer(gaz, gazMax), clusters, stack, temperature);
    }

    private static short[] ReadWeights(BinaryReader r, int bits)
    {
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
        return weights;
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
        WriteWeights(w, Weights);
        w.Write(Stack is not null);
        if (Stack is var (stackWeights, stackTransitions))
        {
            foreach (var t in stackTransitions)
                w.Write(t);
            WriteWeights(w, stackWeights);
        }
        w.Write(Temperature);
    }

    /// <summary>The non-zero rows only, each after the gap from the previous row's bucket.</summary>
    private static void WriteWeights(BinaryWriter w, short[] weights)
    {
        var buckets = weights.Length / LabelCount;
        var rows = 0;
        for (var b = 0; b < buckets; b++)
        {
            if (NonZero(weights, b))
                rows++;
        }
        w.Write(rows);
        var last = -1;
        for (var b = 0; b < buckets; b++)
        {
            if (!NonZero(weights, b))
                continue;
            w.Write7BitEncodedInt64(b - last);
            last = b;
            for (var l = 0; l < LabelCount; l++)
                w.Write(weights[b * LabelCount + l]);
        }
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        Save(file);
    }

    private static bool NonZero(short[] weights, int bucket)
    {
        for (var l = 0; l < LabelCount; l++)
        {
            if (weights[bucket * LabelCount + l] != 0)
                return true;
        }
        return false;
    }
}
