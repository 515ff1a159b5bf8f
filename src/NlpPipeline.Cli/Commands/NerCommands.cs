using System.CommandLine;
using System.Diagnostics;
using System.Collections.Immutable;
using NlpPipeline.Documents;
using NlpPipeline.Entities;
using NlpPipeline.Text.Segmentation;
using NlpPipeline.Text.Sentences;
using NlpPipeline.Resources;

namespace NlpPipeline.Cli.Commands;

/// <summary><c>nlp train ner</c> and <c>nlp eval ner</c>: the PER/ORG/LOC/MISC sequence model.</summary>
public static class NerCommands
{
    /// <summary><c>nlp train ner [--corpora DIR] [--lexicons DIR] -o FILE</c>: trains, saves, and scores both dev splits.</summary>
    public static Command Train()
    {
        var corpora = new Option<string?>("--corpora") { Description = "Folder holding vlsp2016-ner/ and vlsp2018-ner/ (default: the shared corpora)." };
        var lexicons = new Option<string?>("--lexicons") { Description = "Folder of the gazetteer lexicons (default: the shared lexicons)." };
        var output = new Option<string>("--output", "-o") { Description = "Model file to write.", DefaultValueFactory = _ => PerceptronEntityRecognizer.DefaultModelPath };
        var epochs = new Option<int>("--epochs") { Description = "Perceptron epochs.", DefaultValueFactory = _ => new PerceptronEntityTrainerOptions().Epochs };
        var bits = new Option<int>("--bits") { Description = "Feature hash buckets are 2^bits.", DefaultValueFactory = _ => new PerceptronEntityTrainerOptions().Bits };
        var vntc = new Option<string?>("--vntc") { Description = "Unlabelled VNTC archive for syllable clusters (default: the shared corpora's)." };
        var clusterCount = new Option<int>("--clusters") { Description = "Number of syllable clusters; 0 for none.", DefaultValueFactory = _ => new SyllableClustererOptions().Clusters };
        var vntcSyllables = new Option<long>("--vntc-syllables") { Description = "Syllables of VNTC text read for the clusters.", DefaultValueFactory = _ => new SyllableClustererOptions().MaxSyllables };
        var sources = new Option<string>("--sources") { Description = "Training corpora, comma-separated: vlsp2016, vlsp2018; a corpus named n times is visited n times per epoch.", DefaultValueFactory = _ => "vlsp2016,vlsp2016,vlsp2016,vlsp2018" };
        var stack = new Option<bool>("--stack") { Description = "Add the stacked second pass (off: one pass only).", DefaultValueFactory = _ => new PerceptronEntityTrainerOptions().Stack };
        var cmd = new Command("ner", "Train the entity recognizer (PER/ORG/LOC/MISC) on VLSP 2016 (minus its dev documents) and VLSP 2018 train.");
        cmd.Options.Add(corpora);
        cmd.Options.Add(lexicons);
        cmd.Options.Add(output);
        cmd.Options.Add(epochs);
        cmd.Options.Add(bits);
        cmd.Options.Add(sources);
        cmd.Options.Add(vntc);
        cmd.Options.Add(clusterCount);
        cmd.Options.Add(vntcSyllables);
        cmd.Options.Add(stack);
        cmd.SetAction(parse =>
        {
            var corporaDir = parse.GetValue(corpora) ?? SharedData.Corpora
                ?? throw new DirectoryNotFoundException("No corpora folder: pass --corpora or set NLP_SHARED.");
            var lexiconsDir = parse.GetValue(lexicons) ?? SharedData.Lexicons;
            var watch = Stopwatch.StartNew();
            var train = NerTrainingData.LoadTrain(corporaDir, parse.GetValue(sources)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Console.Error.WriteLine($"{train.Count} training documents");
            var trainer = new PerceptronEntityTrainer(new PerceptronEntityTrainerOptions { Epochs = parse.GetValue(epochs), Bits = parse.GetValue(bits), Stack = parse.GetValue(stack) });
            Dictionary<ulong, int>? clusters = null;
            if (parse.GetValue(clusterCount) > 0)
            {
                var archive = parse.GetValue(vntc) ?? Path.Combine(corporaDir, "vntc", "VNTC_10Topics_Train_Full.utf16.tar.gz");
                var clusterer = new SyllableClusterer(new SyllableClustererOptions { Clusters = parse.GetValue(clusterCount), MaxSyllables = parse.GetValue(vntcSyllables) });
                clusters = clusterer.Cluster(SyllableClusterer.ReadVntc(archive), line => Console.Error.WriteLine(line));
            }
            var model = trainer.Train(train, lexiconsDir, clusters, line => Console.Error.WriteLine(line));
            var path = parse.GetValue(output)!;
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
                Directory.CreateDirectory(dir);
            model.Save(path);
            Console.Error.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024} KiB) in {watch.Elapsed.TotalSeconds:F1} s");
            var saved = PerceptronEntityModel.Load(path);
            var dev2016 = NerTrainingData.LoadDev2016(corporaDir);
            var dev2018 = NerTrainingData.LoadDev2018(corporaDir);
            if (saved.WithoutStack() is var firstPass && firstPass != saved)
            {
                var one = new PerceptronEntityRecognizer(firstPass);
                Console.WriteLine($"first pass alone: VLSP 2016 dev micro F1 {100 * NerTrainingData.Evaluate(one, dev2016).MicroPerOrgLoc.F1:F2}, " +
                    $"VLSP 2018 dev {100 * NerTrainingData.Evaluate(one, dev2018).MicroPerOrgLoc.F1:F2}");
            }
            var recognizer = new PerceptronEntityRecognizer(saved);
            Console.WriteLine("VLSP 2016 dev (held-out documents):");
            Console.WriteLine(NerTrainingData.Evaluate(recognizer, dev2016).Report());
            Console.WriteLine("VLSP 2018 dev:");
            Console.WriteLine(NerTrainingData.Evaluate(recognizer, dev2018).Report());
            return 0;
        });
        return cmd;
    }

    /// <summary><c>nlp eval ner GOLD [--model FILE] [--dev]</c>: exact-span P/R/F1 per type and micro.</summary>
    public static Command Eval()
    {
        var gold = new Argument<string>("gold") { Description = "VLSP 2016 column file/folder or VLSP 2018 .muc file/folder." };
        var model = new Option<string?>("--model") { Description = "Model file (default: the embedded model)." };
        var dev = new Option<bool>("--dev") { Description = "Score only the held-out VLSP 2016 dev documents of GOLD." };
        var errors = new Option<bool>("--errors") { Description = "Also list each missed (-) and spurious (+) entity with its document." };
        var words = new Option<bool>("--words") { Description = "Give the entity stage the tokens of the sentences and words stages, as `nlp annotate` does (default: it segments each line itself)." };
        var confidence = new Option<bool>("--confidence") { Description = "Also print precision by band of entity confidence." };
        var cmd = new Command("ner", "Score the entity recognizer end to end from raw text: precision, recall, F1 per type and micro.");
        cmd.Arguments.Add(gold);
        cmd.Options.Add(model);
        cmd.Options.Add(dev);
        cmd.Options.Add(errors);
        cmd.Options.Add(words);
        cmd.Options.Add(confidence);
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(gold)!;
            Func<string, ImmutableArray<Token>>? segment = null;
            if (parse.GetValue(words))
            {
                var segmenter = new PerceptronWordSegmenter();
                segment = text => segmenter.Process(RuleSentenceSplitter.Default.Process(new AnnotatedDocument(new Document("eval", text)))).Tokens;
            }
            var recognizer = parse.GetValue(model) is { } m
                ? new PerceptronEntityRecognizer(PerceptronEntityModel.Load(m))
                : PerceptronEntityRecognizer.Default;
            var docs = NerCorpus.Load(path, parse.GetValue(dev) ? NerCorpus.IsVlsp2016Dev : null);
            foreach (var doc in docs.Take(20))
                recognizer.Recognize(doc.Text); // load and JIT before timing
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var scorer = NerTrainingData.Evaluate(recognizer, docs, segment);
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var syllables = docs.Sum(d => PerceptronEntityRecognizer.CountSyllables(d.Text));
            Console.Error.WriteLine($"{syllables} syllables tagged in {watch.Elapsed.TotalSeconds:F2} s wall, {cpuSeconds:F2} s CPU ({syllables / Math.Max(cpuSeconds, 1e-3):F0} syllables per CPU second)");
            if (parse.GetValue(errors))
            {
                foreach (var doc in docs)
                {
                    var predicted = recognizer.Recognize(doc.Text, segment?.Invoke(doc.Text) ?? default);
                    var goldSet = doc.Entities.Select(e => (e.Type, e.Start, e.End)).ToHashSet();
                    var predSet = predicted.Select(e => (e.Type, e.Start, e.End)).ToHashSet();
                    foreach (var e in doc.Entities.Where(e => !predSet.Contains((e.Type, e.Start, e.End))))
                        Console.WriteLine($"- {doc.Id}\t{e.Type}\t{e.Text}\t{Context(doc.Text, e.Start, e.End)}");
                    foreach (var e in predicted.Where(e => !goldSet.Contains((e.Type, e.Start, e.End))))
                        Console.WriteLine($"+ {doc.Id}\t{e.Type}\t{e.Text}\t{Context(doc.Text, e.Start, e.End)}");
                }
            }
            if (parse.GetValue(confidence))
                PrintConfidenceBands(docs, d => recognizer.Recognize(d.Text, segment?.Invoke(d.Text) ?? default));
            Console.WriteLine($"{docs.Count} documents");
            Console.WriteLine(scorer.Report());
            return 0;
        });
        return cmd;
    }

    /// <summary>Precision of the predicted PER/ORG/LOC entities (exact span and type) in bands of their confidence.</summary>
    private static void PrintConfidenceBands(IEnumerable<NerCorpusDocument> docs, Func<NerCorpusDocument, ImmutableArray<Entity>> recognize)
    {
        double[] bounds = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001];
        var total = new int[bounds.Length - 1];
        var right = new int[bounds.Length - 1];
        var sum = new double[bounds.Length - 1];
        foreach (var doc in docs)
        {
            var goldSet = doc.Entities.Select(e => (e.Type, e.Start, e.End)).ToHashSet();
            foreach (var e in recognize(doc).Where(e => e.Type is EntityTypes.Person or EntityTypes.Organization or EntityTypes.Location))
            {
                var c = e.Confidence ?? 0;
                var band = Array.FindLastIndex(bounds, b => c >= b);
                band = Math.Min(band, total.Length - 1);
                total[band]++;
                sum[band] += c;
                if (goldSet.Contains((e.Type, e.Start, e.End)))
                    right[band]++;
            }
        }
        Console.WriteLine("confidence band    entities  mean conf  precision");
        for (var i = 0; i < total.Length; i++)
        {
            if (total[i] > 0)
                Console.WriteLine($"[{bounds[i]:F2}, {Math.Min(bounds[i + 1], 1):F2}{(i == total.Length - 1 ? "]" : ")")}  {total[i],8}  {sum[i] / total[i],9:F3}  {100.0 * right[i] / total[i],9:F2}");
        }
    }

    private static string Context(string text, int start, int end)
    {
        var from = Math.Max(0, start - 30);
        var to = Math.Min(text.Length, end + 30);
        return (text[from..start] + "[" + text[start..end] + "]" + text[end..to]).Replace('\n', ' ');
    }
}
