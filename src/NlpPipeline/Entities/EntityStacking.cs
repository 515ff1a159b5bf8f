using System.Runtime.InteropServices;

namespace NlpPipeline.Entities;

/// <summary>
/// The syllable tokens of a whole document, line after line, with the first-pass features
/// (<see cref="EntityFeatureExtractor.FeatureCount"/> per token) and what the second pass needs: case, run
/// position, list membership, the first-pass labels and the stacked features (<see cref="EntityStacking.FeatureCount"/>
/// per token). Filled by <see cref="EntityFeatureExtractor.ExtractDocument"/>; reused from document to document.
/// </summary>
internal sealed class DocumentTokens
{
    public int Count;
    /// <summary>Token offset of each line, plus <see cref="Count"/> at the end.</summary>
    public readonly List<int> Lines = [0];
    public int[] Feats = [];
    public int[] Starts = [];
    public int[] Ends = [];
    public ulong[] Low = [];
    public byte[] Cap = [];
    public byte[] RunPos = [];
    public bool[] InList = [];
    public int[] First = [];
    public int[] Stack = [];
    public int[] Path = [];
    public float[] Confidence = [];
    /// <summary>Working tables of <see cref="EntityStacking.Compute"/>.</summary>
    public readonly Dictionary<ulong, int> Counts = [];
    public readonly List<(int Start, int End, int Type, ulong Hash, bool InList)> Runs = [];

    public void Clear()
    {
        Count = 0;
        Lines.Clear();
        Lines.Add(0);
    }

    public void Ensure(int n)
    {
        if (Starts.Length >= n)
            return;
        var size = Math.Max(n, Starts.Length * 2);
        Array.Resize(ref Feats, size * EntityFeatureExtractor.FeatureCount);
        Array.Resize(ref Starts, size);
        Array.Resize(ref Ends, size);
        Array.Resize(ref Low, size);
        Array.Resize(ref Cap, size);
        Array.Resize(ref RunPos, size);
        Array.Resize(ref InList, size);
        Array.Resize(ref First, size);
        Array.Resize(ref Stack, size * EntityStacking.FeatureCount);
        Array.Resize(ref Path, size);
        Array.Resize(ref Confidence, size);
    }
}

/// <summary>
/// Second-pass (stacked) features from the first pass's labels over the whole document: the label of the token and
/// its neighbours, the types the first pass gave the same capitalised syllable and the same capitalised run elsewhere
/// in the document, and the types of the runs next to it in a list (<c>Adidas, Nike, Puma</c>).
/// </summary>
internal static class EntityStacking
{
    public const int FeatureCount = 6;

    private const int None = 4;

    /// <summary>Fills <c>d.Stack</c> from <c>d.First</c> (first-pass labels of every token).</summary>
    public static void Compute(DocumentTokens d, int bits)
    {
        var shift = 64 - bits;
        var counts = d.Counts;
        counts.Clear();
        var runs = d.Runs;
        runs.Clear();
        for (var line = 0; line + 1 < d.Lines.Count; line++)
        {
            var end = d.Lines[line + 1];
            var i = d.Lines[line];
            while (i < end)
            {
                if (d.RunPos[i] == 0)
                {
                    i++;
                    continue;
                }
                var start = i;
                var h = 0x7777UL;
                while (i < end && d.RunPos[i] != 0)
                {
                    h = FeatureHash.Mix(h, d.Low[i]);
                    i++;
                }
                runs.Add((start, i, TypeOf(d.First[start]), h, d.InList[start]));
            }
        }
        // Types of first-pass entities by surface (lower-case syllables) and of capitalised syllables.
        var n = d.Count;
        var t = 0;
        while (t < n)
        {
            var y = d.First[t];
            if (y == 0)
            {
                if (d.RunPos[t] != 0)
                    Add(counts, d.Low[t], None);
                t++;
                continue;
            }
            var type = PerceptronEntityModel.TypeIndexOf(y);
            var h = 0x7777UL;
            var u = t;
            while (true)
            {
                h = FeatureHash.Mix(h, d.Low[u]);
                if (d.RunPos[u] != 0)
                    Add(counts, d.Low[u], type);
                var part = PerceptronEntityModel.Part(d.First[u]);
                u++;
                if (part is 2 or 3 || u >= n || d.First[u] == 0)
                    break;
            }
            Add(counts, h ^ 0x5A5A5A5AUL, type);
            t = u;
        }

        var r = 0;
        for (var line = 0; line + 1 < d.Lines.Count; line++)
        {
            var from = d.Lines[line];
            var to = d.Lines[line + 1];
            for (var i = from; i < to; i++)
            {
                var y = (ulong)d.First[i];
                var yPrev = i > from ? (ulong)d.First[i - 1] : 17;
                var yNext = i + 1 < to ? (ulong)d.First[i + 1] : 17;
                ulong cap = d.Cap[i];
                ulong sylMajority = None, tagged = 0, untagged = 0, spanMajority = None, prevList = None, nextList = None;
                ulong rp = d.RunPos[i];
                if (rp != 0)
                {
                    while (r < runs.Count && runs[r].End <= i)
                        r++;
                    (sylMajority, tagged) = Majority(counts, d.Low[i]);
                    untagged = (ulong)Math.Min(Get(counts, d.Low[i], None), 3);
                    if (r < runs.Count && runs[r].Start <= i)
                    {
                        var run = runs[r];
                        (spanMajority, _) = Majority(counts, run.Hash ^ 0x5A5A5A5AUL);
                        if (run.InList && r > 0)
                            prevList = (ulong)runs[r - 1].Type;
                        if (r + 1 < runs.Count && runs[r + 1].InList)
                            nextList = (ulong)runs[r + 1].Type;
                    }
                }
                var o = i * FeatureCount;
                d.Stack[o + 0] = EntityFeatureExtractor.B(shift, 100, y, cap);
                d.Stack[o + 1] = EntityFeatureExtractor.B(shift, 101, yPrev | (y << 8) | (yNext << 16));
                d.Stack[o + 2] = EntityFeatureExtractor.B(shift, 102, sylMajority | (tagged << 4) | (untagged << 8), rp);
                d.Stack[o + 3] = EntityFeatureExtractor.B(shift, 103, spanMajority, rp);
                d.Stack[o + 4] = EntityFeatureExtractor.B(shift, 104, prevList | (nextList << 4), rp);
                d.Stack[o + 5] = EntityFeatureExtractor.B(shift, 105, y, sylMajority);
            }
        }
    }

    private static int TypeOf(int label) => label == 0 ? None : PerceptronEntityModel.TypeIndexOf(label);

    private static void Add(Dictionary<ulong, int> counts, ulong key, int type) =>
        CollectionsMarshal.GetValueRefOrAddDefault(counts, FeatureHash.Mix(key, (ulong)type), out _)++;

    private static int Get(Dictionary<ulong, int> counts, ulong key, int type) =>
        counts.TryGetValue(FeatureHash.Mix(key, (ulong)type), out var c) ? c : 0;

    /// <summary>The entity type most often given to <paramref name="key"/> (None if never) and that count, capped at 3.</summary>
    private static (ulong Type, ulong Count) Majority(Dictionary<ulong, int> counts, ulong key)
    {
        var best = None;
        var bestCount = 0;
        for (var type = 0; type < None; type++)
        {
            var c = Get(counts, key, type);
            if (c > bestCount)
            {
                best = type;
                bestCount = c;
            }
        }
        return ((ulong)best, (ulong)Math.Min(bestCount, 3));
    }
}
