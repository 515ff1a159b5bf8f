namespace NlpPipeline.Entities;

/// <summary>Settings of <see cref="PerceptronEntityTrainer"/>; the defaults reproduce the shipped model.</summary>
public sealed record PerceptronEntityTrainerOptions
{
    /// <summary>Hash buckets are 2^Bits.</summary>
    public int Bits { get; init; } = 18;
    public int Epochs { get; init; } = 14;
    public int Seed { get; init; } = 2016;
}

/// <summary>
/// Trains <see cref="PerceptronEntityModel"/>: averaged structured perceptron, lines of the gold documents
/// visited in a seeded shuffled order each epoch, so the same data and options give the same bytes.
/// </summary>
public sealed class PerceptronEntityTrainer
{
    private const int L = PerceptronEntityModel.LabelCount;
    private const int F = EntityFeatureExtractor.FeatureCount;

    private readonly PerceptronEntityTrainerOptions _options;

    public PerceptronEntityTrainer(PerceptronEntityTrainerOptions? options = null) => _options = options ?? new PerceptronEntityTrainerOptions();

    /// <summary>
    /// Trains on <paramref name="documents"/> with the gazetteer built from <paramref name="lexicons"/>
    /// (null: none) and the syllable clusters <paramref name="clusters"/> (<see cref="SyllableClusterer"/>; null:
    /// none); <paramref name="log"/> receives one line per epoch.
    /// </summary>
    public PerceptronEntityModel Train(
        IReadOnlyList<NerCorpusDocument> documents, string? lexicons, IReadOnlyDictionary<ulong, int>? clusters = null, Action<string>? log = null) =>
        Train(documents, lexicons is null ? Gazetteer.Empty : NerTrainingData.BuildGazetteer(lexicons), clusters ?? new Dictionary<ulong, int>(), log);

    internal PerceptronEntityModel Train(
        IReadOnlyList<NerCorpusDocument> documents,
        Gazetteer gazetteer,
        IReadOnlyDictionary<ulong, int> clusters,
        Action<string>? log = null)
    {
        var bits = _options.Bits;
        var extractor = new EntityFeatureExtractor(bits, gazetteer, clusters);
        var (feats, gold, offsets) = BuildSequences(documents, extractor);
        log?.Invoke($"{offsets.Count - 1} lines, {gold.Count} syllables");

        var size = (1 << bits) * L;
        var w = new float[size];
        var u = new double[size];
        var tw = new float[(L + 1) * L];
        var tu = new double[(L + 1) * L];
        var order = Enumerable.Range(0, offsets.Count - 1).ToArray();
        var rng = new Random(_options.Seed);
        var s = new EntityScratch();
        var featArray = feats.ToArray();
        var goldArray = gold.ToArray();
        double c = 1;
        for (var epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            var errors = 0;
            foreach (var seq in order)
            {
                var from = offsets[seq];
                var n = offsets[seq + 1] - from;
                s.EnsureTokens(n);
                Array.Copy(featArray, (long)from * F, s.Feats, 0, (long)n * F);
                PerceptronEntityModel.Score(w, s, n);
                PerceptronEntityModel.Viterbi(tw, s, n);
                for (var t = 0; t < n; t++)
                {
                    var g = goldArray[from + t];
                    var p = s.Path[t];
                    if (g != p)
                    {
                        errors++;
                        var fb = t * F;
                        for (var k = 0; k < F; k++)
                        {
                            var b = s.Feats[fb + k] * L;
                            w[b + g] += 1;
                            u[b + g] += c;
                            w[b + p] -= 1;
                            u[b + p] -= c;
                        }
                    }
                    var gPrev = t == 0 ? L : goldArray[from + t - 1];
                    var pPrev = t == 0 ? L : s.Path[t - 1];
                    if (gPrev != pPrev || g != p)
                    {
                        tw[gPrev * L + g] += 1;
                        tu[gPrev * L + g] += c;
                        tw[pPrev * L + p] -= 1;
                        tu[pPrev * L + p] -= c;
                    }
                }
                c++;
            }
            log?.Invoke($"epoch {epoch}: {errors} syllable errors");
        }

        var avg = new double[size];
        var max = 1e-9;
        for (var i = 0; i < size; i++)
        {
            avg[i] = w[i] - u[i] / c;
            max = Math.Max(max, Math.Abs(avg[i]));
        }
        // Fixed point: the largest emission weight becomes 32767; transitions keep floats in the same unit.
        var scale = 32767 / max;
        var quantized = new short[size];
        for (var i = 0; i < size; i++)
            quantized[i] = (short)Math.Round(avg[i] * scale);
        var tavg = new float[tw.Length];
        for (var i = 0; i < tw.Length; i++)
            tavg[i] = (float)((tw[i] - tu[i] / c) * scale);
        return new PerceptronEntityModel(bits, quantized, tavg, gazetteer, clusters);
    }

    private static (List<int> Feats, List<byte> Gold, List<int> Offsets) BuildSequences(
        IReadOnlyList<NerCorpusDocument> documents, EntityFeatureExtractor extractor)
    {
        var feats = new List<int>();
        var gold = new List<byte>();
        var offsets = new List<int> { 0 };
        var s = new EntityScratch();
        foreach (var doc in documents)
        {
            var text = doc.Text;
            var entities = doc.Entities;
            extractor.CollectDocument(text, s);
            var lineStart = 0;
            while (lineStart < text.Length)
            {
                var lineEnd = text.IndexOf('\n', lineStart);
                if (lineEnd < 0)
                    lineEnd = text.Length;
                var n = lineEnd > lineStart ? extractor.Extract(text, lineStart, lineEnd, s) : 0;
                if (n > 0)
                {
                    for (var i = 0; i < n * F; i++)
                        feats.Add(s.Feats[i]);
                    var e = 0;
                    for (var t = 0; t < n; t++)
                    {
                        var ts = s.Starts[t];
                        var te = s.Ends[t];
                        while (e < entities.Length && entities[e].End <= ts)
                            e++;
                        byte label = 0;
                        if (e < entities.Length && entities[e].Start <= ts && te <= entities[e].End)
                        {
                            var type = PerceptronEntityModel.TypeIndex(entities[e].Type);
                            if (type >= 0)
                            {
                                var first = t == 0 || s.Starts[t - 1] < entities[e].Start;
                                var last = t == n - 1 || s.Ends[t + 1] > entities[e].End;
                                label = (byte)PerceptronEntityModel.Label(type, first ? (last ? 3 : 0) : last ? 2 : 1);
                            }
                        }
                        gold.Add(label);
                    }
                    offsets.Add(gold.Count);
                }
                lineStart = lineEnd + 1;
            }
        }
        return (feats, gold, offsets);
    }
}
