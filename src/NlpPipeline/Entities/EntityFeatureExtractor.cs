using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using NlpPipeline.Documents;
using NlpPipeline.Text.Segmentation;

namespace NlpPipeline.Entities;

/// <summary>
/// Turns one line of text into syllable tokens and, for each, <see cref="FeatureCount"/> hashed feature
/// buckets: syllables and syllable n-grams in a ±2 window (lower-case and diacritic-free forms), case
/// shape, runs of capitalised syllables with the words around them, gazetteer matches, the word the project's
/// segmenter puts each syllable in (position, word, word before), and what the
/// document says elsewhere about the same capitalised syllable (<see cref="CollectDocument"/>). Reuses the
/// caller's <see cref="EntityScratch"/>: no allocation per token once the buffers have grown.
/// </summary>
internal sealed class EntityFeatureExtractor
{
    public const int FeatureCount = 44;

    private const byte CapLower = 0, CapTitle = 1, CapAll = 2, CapMixed = 3, CapLetter = 4, CapNumber = 5, CapPunct = 6, CapOther = 7;
    private static readonly ulong BoundaryLow = FeatureHash.Exact("<S>");
    private static readonly ulong EndLow = FeatureHash.Exact("</S>");
    private static readonly ulong CommaLow = FeatureHash.LowerCase(",");
    private static readonly ulong AndLow = FeatureHash.LowerCase("và");

    private readonly Gazetteer _gazetteer;
    private readonly IReadOnlyDictionary<ulong, int> _clusters;
    private readonly int _shift;
    private static readonly Lazy<PerceptronWordSegmenter> Segmenter = new(() => new PerceptronWordSegmenter());

    public EntityFeatureExtractor(int bits, Gazetteer gazetteer, IReadOnlyDictionary<ulong, int> clusters)
    {
        _gazetteer = gazetteer;
        _clusters = clusters;
        _shift = 64 - bits;
    }

    /// <summary>
    /// First pass over a whole document: for each capitalised syllable, the word before its first run, the
    /// longest run it occurs in and its position there, and how often it occurs. Fills <c>s.Document</c>.
    /// </summary>
    public void CollectDocument(string text, EntityScratch s)
    {
        var doc = s.Document;
        doc.Clear();
        const int P = EntityScratch.Pad;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = text.Length;
            var n = lineEnd > lineStart ? Prepare(text, lineStart, lineEnd, s, light: true) : 0;
            for (var i = 0; i < n; i++)
            {
                if (s.RunPos[i] == 0)
                    continue;
                var key = s.Low[P + i];
                ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(doc, key, out var exists);
                if (!exists)
                {
                    entry.FirstPre = s.PreRun[i];
                    entry.FirstPre2 = s.PreRun2[i];
                    entry.MaxLen = s.RunLen[i];
                    entry.MaxPos = s.RunPos[i];
                }
                else if (s.RunLen[i] > entry.MaxLen)
                {
                    entry.MaxLen = s.RunLen[i];
                    entry.MaxPos = s.RunPos[i];
                }
                entry.Count++;
            }
            lineStart = lineEnd + 1;
        }
    }

    /// <summary>
    /// Tokenises <c>text[from..to)</c> and fills the scratch token and feature arrays; returns the token count.
    /// Document features come from the last <see cref="CollectDocument"/> on the same scratch.
    /// </summary>
    public int Extract(string text, int from, int to, EntityScratch s)
    {
        var n = Prepare(text, from, to, s, light: false);
        if (n == 0)
            return 0;
        Emit(n, s);
        return n;
    }

    /// <summary>
    /// <see cref="CollectDocument"/>, then <see cref="Extract"/> on every non-empty line, appended to
    /// <paramref name="d"/> (cleared first) with what <see cref="EntityStacking"/> needs. The word features come from
    /// <paramref name="words"/> (the words stage's tokens, in text order) when given and non-empty, else from the
    /// segmenter run on each line.
    /// </summary>
    public void ExtractDocument(string text, EntityScratch s, DocumentTokens d, ImmutableArray<Token> words = default)
    {
        const int P = EntityScratch.Pad;
        s.GivenWords = words.IsDefaultOrEmpty ? default : words;
        s.GivenWordIndex = 0;
        CollectDocument(text, s);
        d.Clear();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = text.Length;
            var n = lineEnd > lineStart ? Extract(text, lineStart, lineEnd, s) : 0;
            if (n > 0)
            {
                var o = d.Count;
                d.Ensure(o + n);
                Array.Copy(s.Feats, 0, d.Feats, o * FeatureCount, n * FeatureCount);
                Array.Copy(s.Starts, 0, d.Starts, o, n);
                Array.Copy(s.Ends, 0, d.Ends, o, n);
                Array.Copy(s.Low, P, d.Low, o, n);
                Array.Copy(s.Cap, P, d.Cap, o, n);
                Array.Copy(s.RunPos, 0, d.RunPos, o, n);
                Array.Copy(s.InList, 0, d.InList, o, n);
                d.Count += n;
                d.Lines.Add(d.Count);
            }
            lineStart = lineEnd + 1;
        }
        s.GivenWords = default;
    }

    private int Prepare(string text, int from, int to, EntityScratch s, bool light)
    {
        var n = SyllableSplitter.Tokenize(text, from, to, ref s.Starts, ref s.Ends);
        if (n == 0)
            return 0;
        s.EnsureTokens(n);
        const int P = EntityScratch.Pad;
        var low = s.Low;
        var cap = s.Cap;
        for (var i = 0; i < n; i++)
        {
            var span = text.AsSpan(s.Starts[i], s.Ends[i] - s.Starts[i]);
            low[P + i] = FeatureHash.LowerCase(span);
            cap[P + i] = CapClass(span);
            if (light)
                continue;
            s.Raw[i] = FeatureHash.Exact(span);
            s.Shape[P + i] = FeatureHash.Shape(span);
            s.BaseForm[i] = FeatureHash.BaseForm(span);
            s.Prefix[i] = span.Length > 3 ? FeatureHash.LowerCase(span[..3]) : 0;
            s.Suffix[i] = span.Length > 3 ? FeatureHash.LowerCase(span[^3..]) : 0;
            s.Gaz[P + i] = 0;
            s.Cluster[P + i] = _clusters.TryGetValue(low[P + i], out var cluster) ? ((ulong)cluster >> 12 << 16 | ((ulong)cluster & 0xFFF)) + 8 : 6;
        }
        for (var k = 1; k <= P; k++)
        {
            low[P - k] = BoundaryLow + (ulong)k;
            low[P + n - 1 + k] = EndLow + (ulong)k;
            s.Shape[P - k] = s.Shape[P + n - 1 + k] = 0;
            cap[P - k] = cap[P + n - 1 + k] = 8;
            s.Gaz[P - k] = s.Gaz[P + n - 1 + k] = 0;
            s.Cluster[P - k] = 1UL << 40;
            s.Cluster[P + n - 1 + k] = 2UL << 40;
        }
        if (!light)
        {
            MatchGazetteer(n, s);
            ComputeWords(text, from, to, n, s);
        }
        ComputeRuns(text, n, s);
        return n;
    }

    private void Emit(int n, EntityScratch s)
    {
        const int P = EntityScratch.Pad;
        var low = s.Low;
        var cap = s.Cap;
        var doc = s.Document;
        var shift = _shift;
        var feats = s.Feats;
        for (var i = 0; i < n; i++)
        {
            var j = P + i;
            var f = i * FeatureCount;
            ulong l0 = low[j], lm1 = low[j - 1], lp1 = low[j + 1], lm2 = low[j - 2], lp2 = low[j + 2];
            ulong c0 = cap[j], cm1 = cap[j - 1], cp1 = cap[j + 1], cm2 = cap[j - 2], cp2 = cap[j + 2];
            ulong g0 = (ulong)s.Gaz[j], gm1 = (ulong)s.Gaz[j - 1], gp1 = (ulong)s.Gaz[j + 1];
            ulong rp = s.RunPos[i], rl = s.RunLen[i];
            feats[f + 0] = B(shift, 0, 0);
            feats[f + 1] = B(shift, 1, l0);
            feats[f + 2] = B(shift, 2, lm1);
            feats[f + 3] = B(shift, 3, lp1);
            feats[f + 4] = B(shift, 4, lm2);
            feats[f + 5] = B(shift, 5, lp2);
            feats[f + 6] = B(shift, 6, lm1, l0);
            feats[f + 7] = B(shift, 7, l0, lp1);
            feats[f + 8] = B(shift, 8, lm2, lm1);
            feats[f + 9] = B(shift, 9, lp1, lp2);
            feats[f + 10] = B(shift, 10, s.Raw[i]);
            feats[f + 11] = B(shift, 11, s.Shape[j]);
            feats[f + 12] = B(shift, 12, s.Shape[j - 1], s.Shape[j], s.Shape[j + 1]);
            feats[f + 13] = B(shift, 13, cm2 | (cm1 << 4) | (c0 << 8) | (cp1 << 12) | (cp2 << 16));
            feats[f + 14] = B(shift, 14, cm1 | (c0 << 4));
            feats[f + 15] = B(shift, 15, c0 | (cp1 << 4));
            feats[f + 16] = B(shift, 16, s.BaseForm[i]);
            feats[f + 17] = B(shift, 17, lm1, c0);
            feats[f + 18] = B(shift, 18, c0, lp1);
            feats[f + 19] = B(shift, 19, lm2, lm1, c0);
            feats[f + 20] = B(shift, 20, c0, lp1, lp2);
            feats[f + 21] = B(shift, 21, rp | (rl << 4));
            feats[f + 22] = B(shift, 22, s.PreRun[i], rp);
            feats[f + 23] = B(shift, 23, s.PostRun[i], rp);
            feats[f + 24] = B(shift, 24, g0);
            feats[f + 25] = B(shift, 25, gm1, g0, gp1);
            feats[f + 26] = B(shift, 26, g0, c0);
            feats[f + 27] = B(shift, 27, s.SentenceStart[i] ? 1UL : 0UL, c0);
            feats[f + 28] = B(shift, 28, lm1, l0, lp1);
            feats[f + 29] = B(shift, 29, s.PreRun2[i], s.PreRun[i], rp);
            feats[f + 30] = B(shift, 30, s.Cluster[j], c0);
            feats[f + 31] = B(shift, 31, s.Cluster[j - 1], s.Cluster[j]);
            feats[f + 32] = B(shift, 32, s.Cluster[j], s.Cluster[j + 1]);
            DocumentEntry d = default;
            if (rp != 0)
                doc.TryGetValue(l0, out d);
            feats[f + 33] = B(shift, 33, d.FirstPre, rp);
            feats[f + 34] = B(shift, 34, d.MaxLen | ((ulong)d.MaxPos << 4), rl | (rp << 4));
            feats[f + 35] = B(shift, 35, (ulong)Math.Min(d.Count, 4), c0);
            feats[f + 36] = B(shift, 36, s.Prefix[i], c0);
            feats[f + 37] = B(shift, 37, s.Suffix[i], c0);
            feats[f + 38] = B(shift, 38, d.FirstPre2, d.FirstPre, rp);
            feats[f + 39] = B(shift, 39, s.Cluster[j - 1] >> 16, s.Cluster[j] >> 16, s.Cluster[j + 1] >> 16);
            feats[f + 40] = B(shift, 40, lm1, s.Cluster[j] >> 16);
            feats[f + 41] = B(shift, 41, s.WordPos[i], c0);
            feats[f + 42] = B(shift, 42, s.WordHash[i], s.WordPos[i]);
            feats[f + 43] = B(shift, 43, s.PrevWordHash[i], s.WordPos[i]);
        }
    }

    /// <summary>Bucket (top bits, <c>64 - shift</c> of them) of template <paramref name="template"/> with its values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int B(int shift, ulong template, ulong a) =>
        (int)(FeatureHash.Final(FeatureHash.Mix(template * 0x9E3779B97F4A7C15UL, a)) >> shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int B(int shift, ulong template, ulong a, ulong b) =>
        (int)(FeatureHash.Final(FeatureHash.Mix(FeatureHash.Mix(template * 0x9E3779B97F4A7C15UL, a), b)) >> shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int B(int shift, ulong template, ulong a, ulong b, ulong c) =>
        (int)(FeatureHash.Final(FeatureHash.Mix(FeatureHash.Mix(FeatureHash.Mix(template * 0x9E3779B97F4A7C15UL, a), b), c)) >> shift);

    private static bool IsCapitalised(byte cap) => cap is CapTitle or CapAll or CapMixed or CapLetter;

    private void MatchGazetteer(int n, EntityScratch s)
    {
        var max = _gazetteer.MaxLength;
        if (max == 0)
            return;
        const int P = EntityScratch.Pad;
        for (var i = 0; i < n; i++)
        {
            if (!IsCapitalised(s.Cap[P + i]))
                continue;
            var h = 0x5555555555555555UL;
            for (var k = 0; k < max && i + k < n; k++)
            {
                h = FeatureHash.Mix(h, s.Low[P + i + k]);
                if (!_gazetteer.TryGet(h, out var kinds))
                    continue;
                for (var kind = 0; kinds >> kind != 0; kind++)
                {
                    if ((kinds >> kind & 1) == 0)
                        continue;
                    s.Gaz[P + i] |= 1 << (2 * kind);
                    for (var m = 1; m <= k; m++)
                        s.Gaz[P + i + m] |= 2 << (2 * kind);
                }
            }
        }
    }

    /// <summary>
    /// Word features from the project's segmenter: for each syllable, its position in its word (B, I, L, U with
    /// the word length up to 4), the hash of the lower-cased word and of the word before it.
    /// </summary>
    private static void ComputeWords(string text, int from, int to, int n, EntityScratch s)
    {
        const int P = EntityScratch.Pad;
        var words = s.Words;
        words.Clear();
        if (s.GivenWords.IsDefault)
        {
            Segmenter.Value.Segment(text.AsSpan(from, to - from), from, words);
        }
        else
        {
            var given = s.GivenWords;
            var k = s.GivenWordIndex;
            while (k < given.Length && given[k].End <= from)
                k++;
            for (; k < given.Length && given[k].Start < to; k++)
                words.Add(given[k]);
            s.GivenWordIndex = k;
        }
        var w = 0;
        var prevHash = 0x1234UL;
        var i = 0;
        while (i < n)
        {
            while (w < words.Count && words[w].End <= s.Starts[i])
                w++;
            if (w >= words.Count || words[w].Start > s.Starts[i])
            {
                // Not inside a segmenter word (punctuation it dropped): a unit of its own.
                s.WordPos[i] = 1;
                s.WordHash[i] = s.Low[P + i];
                s.PrevWordHash[i] = prevHash;
                prevHash = s.Low[P + i];
                i++;
                continue;
            }
            var end = words[w].End;
            var h = 0x9999UL;
            var k = i;
            while (k < n && s.Ends[k] <= end)
            {
                h = FeatureHash.Mix(h, s.Low[P + k]);
                k++;
            }
            if (k == i)
            {
                k = i + 1;
                h = FeatureHash.Mix(h, s.Low[P + i]);
            }
            var len = k - i;
            for (var m = i; m < k; m++)
            {
                ulong pos = len == 1 ? 1UL : m == i ? 2UL : m == k - 1 ? 4UL : 3UL;
                s.WordPos[m] = (byte)(pos | (ulong)Math.Min(len, 4) << 3);
                s.WordHash[m] = h;
                s.PrevWordHash[m] = prevHash;
            }
            prevHash = h;
            w++;
            i = k;
        }
    }

    private static void ComputeRuns(string text, int n, EntityScratch s)
    {
        const int P = EntityScratch.Pad;
        var i = 0;
        // A run right after "X," or "X và" where X is a run continues X's list.
        var lastRunEnd = -2;
        while (i < n)
        {
            s.SentenceStart[i] = i == 0 || IsSentenceBreak(text[s.Starts[i - 1]]);
            if (!IsCapitalised(s.Cap[P + i]))
            {
                s.RunPos[i] = 0;
                s.RunLen[i] = 0;
                s.PreRun[i] = s.PostRun[i] = s.PreRun2[i] = 0;
                s.InList[i] = false;
                i++;
                continue;
            }
            var end = i;
            while (end < n && IsCapitalised(s.Cap[P + end]))
                end++;
            var len = end - i;
            var pre = s.Low[P + i - 1];
            var pre2 = s.Low[P + i - 2];
            var post = s.Low[P + end];
            var inList = lastRunEnd == i - 1 && (pre == CommaLow || pre == AndLow);
            lastRunEnd = end;
            for (var k = i; k < end; k++)
            {
                s.InList[k] = inList;
                s.SentenceStart[k] = k == 0 || IsSentenceBreak(text[s.Starts[k - 1]]);
                s.RunPos[k] = (byte)(len == 1 ? 1 : k == i ? 2 : k == end - 1 ? 4 : 3);
                s.RunLen[k] = (byte)Math.Min(len, 6);
                s.PreRun[k] = pre;
                s.PreRun2[k] = pre2;
                s.PostRun[k] = post;
            }
            i = end;
        }
    }

    private static bool IsSentenceBreak(char c) => c is '.' or '!' or '?' or ':' or '…' or '"' or '“' or '(' or '-' or '–' or ';';

    private static byte CapClass(ReadOnlySpan<char> s)
    {
        var c = s[0];
        if (char.IsDigit(c))
            return CapNumber;
        if (!char.IsLetter(c))
            return CapPunct;
        if (char.IsUpper(c))
        {
            if (s.Length == 1)
                return CapLetter;
            var upper = 0;
            var lower = 0;
            for (var i = 1; i < s.Length; i++)
            {
                if (char.IsUpper(s[i]))
                    upper++;
                else if (char.IsLower(s[i]))
                    lower++;
            }
            return lower == 0 && upper > 0 ? CapAll : upper == 0 ? CapTitle : CapMixed;
        }
        for (var i = 1; i < s.Length; i++)
        {
            if (char.IsUpper(s[i]))
                return CapOther;
        }
        return CapLower;
    }
}

/// <summary>What a document says about one capitalised syllable (see <see cref="EntityFeatureExtractor.CollectDocument"/>).</summary>
internal struct DocumentEntry
{
    public ulong FirstPre;
    public ulong FirstPre2;
    public byte MaxLen;
    public byte MaxPos;
    public int Count;
}

/// <summary>Per-thread working buffers of the tagger, grown on demand and reused for every line.</summary>
internal sealed class EntityScratch
{
    public const int Pad = 2;

    public readonly Dictionary<ulong, DocumentEntry> Document = [];
    public int[] Starts = new int[64];
    public int[] Ends = new int[64];
    public ulong[] Low = [];
    public ulong[] Raw = [];
    public ulong[] Shape = [];
    public ulong[] BaseForm = [];
    public ulong[] Prefix = [];
    public ulong[] Suffix = [];
    public ulong[] Cluster = [];
    public byte[] Cap = [];
    public int[] Gaz = [];
    public byte[] RunPos = [];
    public byte[] RunLen = [];
    public ulong[] PreRun = [];
    public ulong[] PreRun2 = [];
    public ulong[] PostRun = [];
    public bool[] InList = [];
    public bool[] SentenceStart = [];
    public readonly List<Token> Words = [];
    /// <summary>Words of the document being extracted, when the words stage gave them (<see cref="EntityFeatureExtractor.ExtractDocument"/>).</summary>
    public ImmutableArray<Token> GivenWords;
    public int GivenWordIndex;
    public byte[] WordPos = [];
    public ulong[] WordHash = [];
    public ulong[] PrevWordHash = [];
    public int[] Feats = [];
    public float[] Scores = [];
    public float[] Delta = [];
    public int[] Back = [];
    public int[] Path = [];
    public double[] Alpha = [];
    public double[] Beta = [];
    public double[] Psi = [];
    public double[] ScaleFactors = [];
    public float[] SpanProbability = [];

    public void EnsureTokens(int n)
    {
        if (Raw.Length >= n)
            return;
        var size = Math.Max(n, Raw.Length * 2);
        Low = new ulong[size + 2 * Pad];
        Shape = new ulong[size + 2 * Pad];
        Cluster = new ulong[size + 2 * Pad];
        Cap = new byte[size + 2 * Pad];
        Gaz = new int[size + 2 * Pad];
        Raw = new ulong[size];
        BaseForm = new ulong[size];
        Prefix = new ulong[size];
        Suffix = new ulong[size];
        RunPos = new byte[size];
        RunLen = new byte[size];
        PreRun = new ulong[size];
        PreRun2 = new ulong[size];
        PostRun = new ulong[size];
        InList = new bool[size];
        SentenceStart = new bool[size];
        WordPos = new byte[size];
        WordHash = new ulong[size];
        PrevWordHash = new ulong[size];
        Feats = new int[size * EntityFeatureExtractor.FeatureCount];
        Path = new int[size];
    }

    public void EnsureMarginals(int n)
    {
        const int L = PerceptronEntityModel.LabelCount;
        if (ScaleFactors.Length >= n)
            return;
        var size = Math.Max(n, ScaleFactors.Length * 2);
        Alpha = new double[size * L];
        Beta = new double[size * L];
        Psi = new double[size * L];
        ScaleFactors = new double[size];
        SpanProbability = new float[size];
    }

    public void EnsureLabels(int n, int labels)
    {
        if (Scores.Length < n * labels)
        {
            var size = Math.Max(n * labels, Scores.Length * 2);
            Scores = new float[size];
            Delta = new float[size];
            Back = new int[size];
        }
    }
}
