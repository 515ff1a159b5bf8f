using System.Globalization;
using NlpPipeline.Text.Tokenization;

namespace NlpPipeline.Text.Segmentation;

/// <summary>Training settings; the defaults reproduce the shipped model.</summary>
public sealed record SegmenterTrainingOptions
{
    public int Bits { get; init; } = 21;
    public int Epochs { get; init; } = 7;
    public int Seed { get; init; } = 20131;
    /// <summary>Folds for the dictionary feature: a sentence sees only words seen in the other folds.</summary>
    public int Folds { get; init; } = 10;
    /// <summary>Include the VLSP 2016 NER word column, person names re-joined to the VLSP 2013 convention.</summary>
    public bool IncludeVlsp2016 { get; init; } = true;
    /// <summary>Add copies of training sentences without diacritics.</summary>
    public bool AugmentBare { get; init; } = true;
    /// <summary>Add upper-cased copies of training sentences.</summary>
    public bool AugmentUpper { get; init; } = true;
    /// <summary>
    /// Path of the Viet74K word list (GPL): its two-syllable lower-case entries become one-word training examples
    /// that shape the hashed weights only; the list itself never enters the model's vocabulary or dictionary.
    /// </summary>
    public string? Viet74KPath { get; init; }
    /// <summary>Include UD Vietnamese-VTB train and dev.</summary>
    public bool IncludeUd { get; init; } = true;
}

/// <summary>The training and dev sentences assembled from the shared corpora.</summary>
public sealed record SegmenterTrainingData(IReadOnlyList<GoldSentence> Train, IReadOnlyList<GoldSentence> Dev, string Summary)
{
    /// <summary>Training-only examples (Viet74K entries) kept out of the vocabulary.</summary>
    public IReadOnlyList<GoldSentence> Supplementary { get; init; } = [];

    private const int ShingleSize = 8;

    /// <summary>
    /// VLSP 2013 minus its dev blocks, plus (optionally) VLSP 2016 NER and UD-VTB, dropping every sentence that
    /// shares an 8-syllable run with a dev sentence (the corpora overlap) and exact repeats of earlier sentences.
    /// </summary>
    public static SegmenterTrainingData FromCorpora(string corporaDirectory, SegmenterTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var vlsp2013 = SegmentationCorpus.ReadJoined(Path.Combine(corporaDirectory, "vlsp2013-ws", "vi_train.wt"));
        var train = new List<GoldSentence>();
        var dev = new List<GoldSentence>();
        for (var i = 0; i < vlsp2013.Count; i++)
            (SegmentationCorpus.IsDevSentence(i) ? dev : train).Add(vlsp2013[i]);

        var devShingles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in dev)
        {
            foreach (var sh in Shingles(s.Text))
                devShingles.Add(sh);
        }
        var seen = new HashSet<string>(train.Select(s => s.Text.ToLowerInvariant()), StringComparer.Ordinal);
        int added2016 = 0, addedUd = 0, dropped = 0;
        void AddOthers(IEnumerable<GoldSentence> sentences, ref int added)
        {
            foreach (var s in sentences)
            {
                if (Shingles(s.Text).Any(devShingles.Contains) || devShingles.Contains(s.Text.ToLowerInvariant()))
                {
                    dropped++;
                    continue;
                }
                if (!seen.Add(s.Text.ToLowerInvariant()))
                    continue;
                train.Add(s);
                added++;
            }
        }
        if (options.IncludeVlsp2016)
        {
            var files = Directory.GetFiles(Path.Combine(corporaDirectory, "vlsp2016-ner", "train"), "*.txt");
            Array.Sort(files, StringComparer.Ordinal);
            AddOthers(files.SelectMany(f => SegmentationCorpus.ReadColumns(f, joinPersonNames: true)), ref added2016);
        }
        if (options.IncludeUd)
        {
            var ud = Path.Combine(corporaDirectory, "ud-vi-vtb");
            AddOthers(SegmentationCorpus.ReadConllu(Path.Combine(ud, "vi_vtb-ud-train.conllu"))
                .Concat(SegmentationCorpus.ReadConllu(Path.Combine(ud, "vi_vtb-ud-dev.conllu"))), ref addedUd);
        }
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"train: VLSP 2013 {vlsp2013.Count - dev.Count} + VLSP 2016 {added2016} + UD-VTB {addedUd} sentences ({dropped} dropped for dev overlap); dev: VLSP 2013 blocks {dev.Count} sentences");
        var supplementary = new List<GoldSentence>();
        if (options.Viet74KPath is { } viet74k)
        {
            foreach (var line in File.ReadLines(viet74k).Select(l => l.Trim().Normalize(System.Text.NormalizationForm.FormC)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var parts = line.Split(' ');
                if (parts.Length == 2 && parts.All(p => p.Length > 0 && p.All(char.IsLower)))
                    supplementary.Add(GoldSentence.FromWords([parts]));
            }
            summary += string.Create(CultureInfo.InvariantCulture, $"; Viet74K two-syllable entries as weight-only examples: {supplementary.Count}");
        }
        return new SegmenterTrainingData(train, dev, summary) { Supplementary = supplementary };
    }

    private static IEnumerable<string> Shingles(string text)
    {
        var syllables = text.ToLowerInvariant().Split(' ');
        for (var i = 0; i + ShingleSize <= syllables.Length; i++)
            yield return string.Join(' ', syllables, i, ShingleSize);
    }
}

/// <summary>
/// Trains a <see cref="SegmenterModel"/> with the averaged perceptron, greedy decoding on the model's own previous
/// decisions, fixed sentence order shuffled by a seeded generator, so the same data always gives the same model.
/// </summary>
public sealed class PerceptronSegmenterTrainer(SegmenterTrainingOptions options)
{
    private readonly SegmenterTrainingOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Trains on <paramref name="train"/> (and <paramref name="supplementary"/>, kept out of the vocabulary); after each epoch, scores <paramref name="dev"/> (if any) through <paramref name="log"/>.</summary>
    public SegmenterModel Train(IReadOnlyList<GoldSentence> train, IReadOnlyList<GoldSentence>? dev, Action<string>? log, string description,
        IReadOnlyList<GoldSentence>? supplementary = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        var original = train.Count;
        train = [.. train, .. Augment(train), .. supplementary ?? []];
        var bits = _options.Bits;
        var folds = _options.Folds;

        // 1. Syllables, gold word starts and the vocabulary (with per-fold counts for the dictionary feature).
        var w = new SegmentationWorkspace();
        var offsets = new int[train.Count + 1];
        var hashes = new List<ulong>();
        var bare = new List<ulong>();
        var phonology = new List<ulong>();
        var shapes = new List<byte>();
        var gold = new List<bool>();
        var hard = new List<bool>();
        var wordCounts = new Dictionary<ulong, int[]>();
        var vocabularyCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var textOfWord = new System.Text.StringBuilder();
        for (var si = 0; si < train.Count; si++)
        {
            var sentence = train[si];
            offsets[si] = hashes.Count;
            w.Load(sentence.Text, 0);
            var n = w.Count;
            var fold = FoldOf(si);
            var wordIndex = 0;
            var previousWord = -1;
            var wordStart = 0;
            for (var i = 0; i <= n; i++)
            {
                var currentWord = -1;
                if (i < n)
                {
                    var start = w.Tokens[i].Start;
                    while (wordIndex < sentence.Words.Count && sentence.Words[wordIndex].End <= start)
                        wordIndex++;
                    currentWord = wordIndex < sentence.Words.Count && sentence.Words[wordIndex].Start <= start ? wordIndex : -1 - i;
                }
                var isStart = i == 0 || i == n || currentWord != previousWord;
                if (isStart && i > 0)
                {
                    // close the word [wordStart, i)
                    var h = SyllableFeatures.StartWord(w.Hashes[wordStart]);
                    textOfWord.Clear();
                    textOfWord.Append(sentence.Text.AsSpan(w.Tokens[wordStart].Start, w.Tokens[wordStart].Length));
                    for (var k = wordStart + 1; k < i; k++)
                    {
                        h = SyllableFeatures.ExtendWord(h, w.Hashes[k]);
                        textOfWord.Append(' ').Append(sentence.Text.AsSpan(w.Tokens[k].Start, w.Tokens[k].Length));
                    }
                    if (si < original) // augmented copies teach the features, not the vocabulary
                    {
                        if (!wordCounts.TryGetValue(h, out var counts))
                            wordCounts[h] = counts = new int[folds + 2];
                        counts[fold]++;
                        counts[folds]++;
                        counts[folds + 1] = i - wordStart;
                        var key = textOfWord.ToString().ToLower(CultureInfo.InvariantCulture);
                        vocabularyCounts[key] = vocabularyCounts.GetValueOrDefault(key) + 1;
                    }
                }
                if (i == n)
                    break;
                if (isStart)
                    wordStart = i;
                hashes.Add(w.Hashes[i]);
                bare.Add(w.Bare[i]);
                phonology.Add(w.Phonology[i]);
                shapes.Add(w.Shapes[i]);
                gold.Add(isStart);
                hard.Add(w.HardBreak[i]);
                previousWord = currentWord;
            }
        }
        offsets[train.Count] = hashes.Count;
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{train.Count} sentences, {hashes.Count} syllables, {vocabularyCounts.Count} vocabulary words"));

        // 2. Dictionary matches per sentence, jackknifed: a sentence's own fold does not count.
        var startMask = new byte[hashes.Count];
        var endLength = new byte[hashes.Count];
        var crossLength = new byte[hashes.Count];
        var standalone = new bool[hashes.Count];
        for (var si = 0; si < train.Count; si++)
        {
            var from = offsets[si];
            var n = offsets[si + 1] - from;
            LoadSentence(w, hashes, bare, phonology, shapes, hard, from, n);
            w.MatchDictionary(n, new FoldLookup(wordCounts, FoldOf(si), folds));
            Array.Copy(w.StartMask, 0, startMask, from, n);
            Array.Copy(w.EndLength, 0, endLength, from, n);
            Array.Copy(w.CrossLength, 0, crossLength, from, n);
            Array.Copy(w.Standalone, 0, standalone, from, n);
        }

        // 3. Averaged perceptron over the gaps, greedy on its own decisions.
        var weights = new float[1 << bits];
        var accumulated = new double[1 << bits];
        long step = 1;
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(_options.Seed);
        Span<int> features = stackalloc int[SegmenterFeatures.MaxFeatures];
        var vocabulary = vocabularyCounts
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key)
            .ToArray();
        for (var epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            random.Shuffle(order);
            long errors = 0, decisions = 0;
            foreach (var si in order)
            {
                var from = offsets[si];
                var n = offsets[si + 1] - from;
                LoadSentence(w, hashes, bare, phonology, shapes, hard, from, n);
                Array.Copy(startMask, from, w.StartMask, 0, n);
                Array.Copy(endLength, from, w.EndLength, 0, n);
                Array.Copy(crossLength, from, w.CrossLength, 0, n);
                Array.Copy(standalone, from, w.Standalone, 0, n);
                var joined = false;
                var length = 1;
                for (var i = 1; i < n; i++)
                {
                    if (w.HardBreak[i])
                    {
                        joined = false;
                        length = 1;
                        continue;
                    }
                    var count = SegmenterFeatures.Extract(w, n, i, joined, length, bits, features);
                    var score = 0f;
                    for (var k = 0; k < count; k++)
                        score += weights[features[k]];
                    var predictedJoin = score > 0f;
                    var goldJoin = !gold[from + i];
                    decisions++;
                    if (predictedJoin != goldJoin || score == 0f)
                    {
                        if (predictedJoin != goldJoin)
                            errors++;
                        var y = goldJoin ? 1f : -1f;
                        for (var k = 0; k < count; k++)
                        {
                            weights[features[k]] += y;
                            accumulated[features[k]] += step * (double)y;
                        }
                    }
                    step++;
                    joined = predictedJoin;
                    length = joined ? length + 1 : 1;
                }
            }
            var line = string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: training errors {errors}/{decisions} ({100.0 * errors / decisions:F2}%)");
            if (dev is { Count: > 0 } && (epoch == _options.Epochs || log is not null))
            {
                var model = new SegmenterModel(bits, Average(weights, accumulated, step), vocabulary, description);
                line += "; dev " + SegmentationScorer.Score(new PerceptronWordSegmenter(model), dev);
            }
            log?.Invoke(line);
        }
        return new SegmenterModel(bits, Average(weights, accumulated, step), vocabulary, description);
    }

    /// <summary>
    /// Copies that teach text typed without diacritics (every 4th sentence, marks stripped) and all-caps headlines
    /// (every 20th, upper-cased); same lengths, so the gold word offsets still hold.
    /// </summary>
    private IEnumerable<GoldSentence> Augment(IReadOnlyList<GoldSentence> train)
    {
        for (var i = 0; i < train.Count; i++)
        {
            if (_options.AugmentBare && i % 4 == 1)
                yield return train[i] with { Text = SyllableFeatures.StripDiacritics(train[i].Text) };
            if (_options.AugmentUpper && i % 20 == 3)
                yield return train[i] with { Text = train[i].Text.ToUpperInvariant() };
        }
    }

    private int FoldOf(int sentenceIndex) => sentenceIndex / 50 % _options.Folds;

    private static float[] Average(float[] weights, double[] accumulated, long step)
    {
        var averaged = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++)
            averaged[i] = (float)(weights[i] - accumulated[i] / step);
        return averaged;
    }

    private static void LoadSentence(SegmentationWorkspace w, List<ulong> hashes, List<ulong> bare, List<ulong> phonology, List<byte> shapes, List<bool> hard, int from, int n)
    {
        w.Ensure(n);
        for (var i = 0; i < n; i++)
        {
            w.Phonology[i] = phonology[from + i];
            w.Hashes[i] = hashes[from + i];
            w.Bare[i] = bare[from + i];
            w.Shapes[i] = shapes[from + i];
            w.HardBreak[i] = hard[from + i];
        }
    }

    /// <summary>The dictionary as seen from one fold: words counted in the other folds only; no prefix pruning.</summary>
    private readonly struct FoldLookup(Dictionary<ulong, int[]> counts, int fold, int folds) : IWordLookup
    {
        public byte Flags(ulong wordHash)
        {
            if (counts.TryGetValue(wordHash, out var c) && c[folds] - c[fold] > 0)
                return c[folds + 1] >= 2 ? (byte)(WordTable.IsDictionaryWord | WordTable.IsPrefix) : (byte)(WordTable.IsWord | WordTable.IsPrefix);
            return WordTable.IsPrefix;
        }
    }
}
