using System.IO.Compression;
using System.Text;
using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>
/// The trained weights of <see cref="PerceptronEntityRecognizer"/>: hashed emission weights
/// (buckets × BIO labels, flat), label transitions, and the gazetteer and syllable clusters built at
/// training time. Immutable once built; saved as a gzip-compressed binary with 16-bit fixed-point emission weights (half the memory of floats, so
/// more of the table stays in cache when tagging).
/// </summary>
public sealed class PerceptronEntityModel
{
    private const string Magic = "NLP-NER-PERCEPTRON";
    private const int Version = 2;

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

    public static int LabelCount => 1 + 2 * 4;

    internal int Bits { get; }

    /// <summary>Emission weights (fixed point, same unit as the transitions), index <c>bucket * LabelCount + label</c>.</summary>
    internal short[] Weights { get; }

    /// <summary>Transition weights, index <c>previous * LabelCount + label</c>; row <c>LabelCount</c> is the start.</summary>
    internal float[] Transitions { get; }

    internal Gazetteer Gazetteer { get; }

    internal IReadOnlyDictionary<ulong, int> Clusters { get; }

    internal EntityFeatureExtractor Features { get; }

    /// <summary>Whether a label may follow another (<c>I-X</c> only after <c>B-X</c> or <c>I-X</c>); previous = LabelCount is the start.</summary>
    internal static bool Allowed(int previous, int label)
    {
        if (label == 0 || (label & 1) == 1)
            return true;
        return previous < LabelCount && previous != 0 && (previous - 1) / 2 == (label - 1) / 2;
    }

    internal static int TypeIndex(string type)
    {
        for (var i = 0; i < Types.Count; i++)
        {
            if (Types[i] == type)
                return i;
        }
        return -1;
    }

    internal static string TypeOf(int label) => Types[(label - 1) / 2];

    internal static bool IsBegin(int label) => label != 0 && (label & 1) == 1;

    /// <summary>Fills per-token label scores from the features already in the scratch buffers.</summary>
    internal static void Score(float[] weights, EntityScratch s, int n)
    {
        const int L = 9;
        const int F = EntityFeatureExtractor.FeatureCount;
        s.EnsureLabels(n, L);
        var scores = s.Scores;
        var feats = s.Feats;
        for (var t = 0; t < n; t++)
        {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
            var fb = t * F;
            for (var k = 0; k < F; k++)
            {
                var w = feats[fb + k] * L;
                s0 += weights[w];
                s1 += weights[w + 1];
                s2 += weights[w + 2];
                s3 += weights[w + 3];
                s4 += weights[w + 4];
                s5 += weights[w + 5];
                s6 += weights[w + 6];
                s7 += weights[w + 7];
                s8 += weights[w + 8];
            }
            var o = t * L;
            scores[o] = s0;
            scores[o + 1] = s1;
            scores[o + 2] = s2;
            scores[o + 3] = s3;
            scores[o + 4] = s4;
            scores[o + 5] = s5;
            scores[o + 6] = s6;
            scores[o + 7] = s7;
            scores[o + 8] = s8;
        }
    }

    /// <summary>As <see cref="Score(float[], EntityScratch, int)"/> for the fixed-point weights of a trained model.</summary>
    internal static void Score(short[] weights, EntityScratch s, int n)
    {
        const int L = 9;
        const int F = EntityFeatureExtractor.FeatureCount;
        s.EnsureLabels(n, L);
        var scores = s.Scores;
        var feats = s.Feats;
        for (var t = 0; t < n; t++)
        {
            int s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
            var fb = t * F;
            for (var k = 0; k < F; k++)
            {
                var w = feats[fb + k] * L;
                s0 += weights[w];
                s1 += weights[w + 1];
                s2 += weights[w + 2];
                s3 += weights[w + 3];
                s4 += weights[w + 4];
                s5 += weights[w + 5];
                s6 += weights[w + 6];
                s7 += weights[w + 7];
                s8 += weights[w + 8];
            }
            var o = t * L;
            scores[o] = s0;
            scores[o + 1] = s1;
            scores[o + 2] = s2;
            scores[o + 3] = s3;
            scores[o + 4] = s4;
            scores[o + 5] = s5;
            scores[o + 6] = s6;
            scores[o + 7] = s7;
            scores[o + 8] = s8;
        }
    }

    /// <summary>Viterbi over the scores in the scratch buffers; writes the best labels to <c>s.Path</c>.</summary>
    internal static void Viterbi(float[] transitions, EntityScratch s, int n)
    {
        const int L = 9;
        var scores = s.Scores;
        var delta = s.Delta;
        var back = s.Back;
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
                for (var p = 0; p < L; p++)
                {
                    if (!Allowed(p, l))
                        continue;
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
            throw new InvalidDataException("Not an NER perceptron model (version 2).");
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
