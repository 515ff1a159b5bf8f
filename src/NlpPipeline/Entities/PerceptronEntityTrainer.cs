namespace NlpPipeline.Entities;

/// <summary>Settings of <see cref="PerceptronEntityTrainer"/>; the defaults reproduce the shipped model.</summary>
public sealed record PerceptronEntityTrainerOptions
{
    /// <summary>Hash buckets are 2^Bits.</summary>
    public int Bits { get; init; } = 18;
    public int Epochs { get; init; } = 14;
    public int Seed { get; init; } = 2016;
    /// <summary>Add a second, stacked pass (<see cref="EntityStacking"/>) trained on out-of-fold first-pass labels.</summary>
    public bool Stack { get; init; } = true;
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
        var data = BuildSequences(documents, extractor);
        var lines = data.Offsets.Length - 1;
        log?.Invoke($"{lines} lines, {data.Gold.Length} syllables");
        var all = Enumerable.Range(0, lines).ToArray();
        var first = TrainStage(data, null, all, bits, "pass 1", log);
        if (!_options.Stack)
            return new PerceptronEntityModel(bits, first.Weights, first.Transitions, gazetteer, clusters);

        // Second pass: its first-pass labels come from a model that never saw the document (two folds by document id).
        var fold = new bool[lines];
        for (var doc = 0; doc < documents.Count; doc++)
        {
            var odd = (NerCorpus.Fnv(documents[doc].Id) >> 16 & 1) == 1;
            for (var line = data.DocLines[doc]; line < data.DocLines[doc + 1]; line++)
                fold[line] = odd;
        }
        var labels = new int[data.Gold.Length];
        var s = new EntityScratch();
        var loss = new double[EntityConfidence.Grid.Length];
        foreach (var odd in new[] { false, true })
        {
            var model = TrainStage(data, null, [.. all.Where(l => fold[l] == odd)], bits, odd ? "fold 1" : "fold 0", log);
            foreach (var line in all.Where(l => fold[l] != odd))
            {
                var from = data.Offsets[line];
                var n = data.Offsets[line + 1] - from;
                s.EnsureTokens(n);
                PerceptronEntityModel.Score(model.Weights, data.Feats, from, F, n, s);
                PerceptronEntityModel.Viterbi(model.Transitions, s, n);
                Array.Copy(s.Path, 0, labels, from, n);
                if (line % 4 != 0)
                    continue;
                for (var g = 0; g < loss.Length; g++)
                {
                    EntityConfidence.Compute(model.Transitions, s, n, EntityConfidence.Grid[g]);
                    loss[g] += EntityConfidence.LogLoss(s, n, data.Gold.AsSpan(from, n));
                }
            }
        }
        var stack = new int[data.Gold.Length * EntityStacking.FeatureCount];
        var d = new DocumentTokens();
        for (var doc = 0; doc < documents.Count; doc++)
        {
            var from = data.Offsets[data.DocLines[doc]];
            var to = data.Offsets[data.DocLines[doc + 1]];
            d.Clear();
            d.Ensure(to - from);
            d.Count = to - from;
            for (var line = data.DocLines[doc]; line < data.DocLines[doc + 1]; line++)
                d.Lines.Add(data.Offsets[line + 1] - from);
            Array.Copy(data.Low, from, d.Low, 0, d.Count);
            Array.Copy(data.Cap, from, d.Cap, 0, d.Count);
            Array.Copy(data.RunPos, from, d.RunPos, 0, d.Count);
            Array.Copy(data.InList, from, d.InList, 0, d.Count);
            Array.Copy(labels, from, d.First, 0, d.Count);
            EntityStacking.Compute(d, bits);
            Array.Copy(d.Stack, 0, stack, (long)from * EntityStacking.FeatureCount, (long)d.Count * EntityStacking.FeatureCount);
        }
        var temperature = EntityConfidence.Grid[Array.IndexOf(loss, loss.Min())];
        log?.Invoke($"confidence temperature {temperature:F0} (out-of-fold entity log loss {loss.Min():F0}, grid {string.Join(' ', loss.Select(x => x.ToString("F0")))})");
        var second = TrainStage(data, stack, all, bits, "pass 2", log);
        return new PerceptronEntityModel(bits, first.Weights, first.Transitions, gazetteer, clusters, second, temperature);
    }

    /// <summary>
    /// One averaged perceptron over the lines <paramref name="sequences"/>, visited in a seeded shuffled order each
    /// epoch; features are the base ones plus, when <paramref name="stack"/> is given, the stacked ones.
    /// Returns fixed-point emission weights (the largest becomes 32767) and transitions in the same unit.
    /// </summary>
    private (short[] Weights, float[] Transitions) TrainStage(
        SequenceData data, int[]? stack, int[] sequences, int bits, string name, Action<string>? log)
    {
        const int S = EntityStacking.FeatureCount;
        var size = (1 << bits) * L;
        var w = new float[size];
        var u = new double[size];
        var tw = new float[(L + 1) * L];
        var tu = new double[(L + 1) * L];
        var order = (int[])sequences.Clone();
        var rng = new Random(_options.Seed);
        var s = new EntityScratch();
        var feats = data.Feats;
        var goldArray = data.Gold;
        double c = 1;
        for (var epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            var errors = 0;
            foreach (var seq in order)
            {
                var from = data.Offsets[seq];
                var n = data.Offsets[seq + 1] - from;
                s.EnsureTokens(n);
                PerceptronEntityModel.Score(w, feats, from, F, n, s);
                if (stack is not null)
                    PerceptronEntityModel.Score(w, stack, from, S, n, s, accumulate: true);
                PerceptronEntityModel.Viterbi(tw, s, n);
                for (var t = 0; t < n; t++)
                {
                    var g = goldArray[from + t];
                    var p = s.Path[t];
                    if (g != p)
                    {
                        errors++;
                        Update(feats, (from + t) * F, F);
                        if (stack is not null)
                            Update(stack, (from + t) * S, S);
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

                    void Update(int[] source, int fb, int count)
                    {
                        for (var k = 0; k < count; k++)
                        {
                            var b = source[fb + k] * L;
                            w[b + g] += 1;
                            u[b + g] += c;
                            w[b + p] -= 1;
                            u[b + p] -= c;
                        }
                    }
                }
                c++;
            }
            log?.Invoke($"{name} epoch {epoch}: {errors} syllable errors");
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
        return (quantized, tavg);
    }

    /// <summary>
    /// Every training token, flat: first-pass features (<c>F</c> per token), gold label, what stacking needs; line
    /// <c>i</c> is tokens <c>Offsets[i]..Offsets[i+1]</c>, document <c>k</c> is lines <c>DocLines[k]..DocLines[k+1]</c>.
    /// </summary>
    private sealed record SequenceData(
        int[] Feats, byte[] Gold, int[] Offsets, int[] DocLines, ulong[] Low, byte[] Cap, byte[] RunPos, bool[] InList);

    private static SequenceData BuildSequences(IReadOnlyList<NerCorpusDocument> documents, EntityFeatureExtractor extractor)
    {
        var feats = new List<int>();
        var gold = new List<byte>();
        var offsets = new List<int> { 0 };
        var docLines = new List<int> { 0 };
        var low = new List<ulong>();
        var cap = new List<byte>();
        var runPos = new List<byte>();
        var inList = new List<bool>();
        var s = new EntityScratch();
        var d = new DocumentTokens();
        foreach (var doc in documents)
        {
            var entities = doc.Entities;
            extractor.ExtractDocument(doc.Text, s, d);
            for (var line = 0; line + 1 < d.Lines.Count; line++)
            {
                var from = d.Lines[line];
                var to = d.Lines[line + 1];
                var e = 0;
                for (var t = from; t < to; t++)
                {
                    var ts = d.Starts[t];
                    var te = d.Ends[t];
                    while (e < entities.Length && entities[e].End <= ts)
                        e++;
                    byte label = 0;
                    if (e < entities.Length && entities[e].Start <= ts && te <= entities[e].End)
                    {
                        var type = PerceptronEntityModel.TypeIndex(entities[e].Type);
                        if (type >= 0)
                        {
                            var isFirst = t == from || d.Starts[t - 1] < entities[e].Start;
                            var isLast = t == to - 1 || d.Ends[t + 1] > entities[e].End;
                            label = (byte)PerceptronEntityModel.Label(type, isFirst ? (isLast ? 3 : 0) : isLast ? 2 : 1);
                        }
                    }
                    gold.Add(label);
                }
                offsets.Add(gold.Count);
            }
            feats.AddRange(d.Feats.AsSpan(0, d.Count * F));
            low.AddRange(d.Low.AsSpan(0, d.Count));
            cap.AddRange(d.Cap.AsSpan(0, d.Count));
            runPos.AddRange(d.RunPos.AsSpan(0, d.Count));
            inList.AddRange(d.InList.AsSpan(0, d.Count));
            docLines.Add(offsets.Count - 1);
        }
        return new SequenceData([.. feats], [.. gold], [.. offsets], [.. docLines], [.. low], [.. cap], [.. runPos], [.. inList]);
    }
}
