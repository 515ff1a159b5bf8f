using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using NlpPipeline.Documents;
using NlpPipeline.Resources;
using NlpPipeline.Text.Segmentation;
using NlpPipeline.Topics;

namespace NlpPipeline.Cli.Commands;

/// <summary><c>nlp train topic</c> and <c>nlp eval topic GOLD</c>.</summary>
public static class TopicCommands
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static void Say(FormattableString line) => Console.WriteLine(line.ToString(Inv));

    /// <summary>
    /// <c>nlp train topic</c>: featurises the VNTC archive, trains the topic model on its train split, reports
    /// dev metrics, then trains and cross-validates the subtopic models on the hand labels; writes the zips.
    /// </summary>
    public static Command Train()
    {
        var corpus = new Option<string?>("--corpus") { Description = "Gold data (folder, .tar.gz or .jsonl); default: the shared VNTC training archive." };
        var models = new Option<string>("--models") { Description = "Folder to write topic-vntc.zip and subtopic-*.zip to.", DefaultValueFactory = _ => "models" };
        var trainer = new Option<string>("--trainer") { Description = "ova-sdca, sdca-maxent, lbfgs-maxent, ova-svm or ova-perceptron.", DefaultValueFactory = _ => DefaultTrainer };
        var compare = new Option<bool>("--compare") { Description = "Train every trainer and print its dev accuracy; writes no model." };
        var bits = new Option<int>("--bits") { Description = "Feature hash bits.", DefaultValueFactory = _ => HashedNgramFeaturizer.DefaultBits };
        var l2 = new Option<float[]>("--l2") { Description = "L2 regularisation of the topic trainer (its default when absent); several values are each fitted and reported, the last one is saved.", AllowMultipleArgumentsPerToken = true };
        var inner = new Option<bool>("--inner") { Description = "Tune on the train split only: fit on ~90 % of it and report accuracy on the rest (an inner validation split); writes no model." };
        var title = new Option<bool>("--title") { Description = "Add the headline's (first line's) n-grams as title features (shipped models: on; off only with --inner).", DefaultValueFactory = _ => true };
        var iterations = new Option<int?>("--iterations") { Description = "Maximum iterations of the topic trainer (its default when absent)." };
        var threads = new Option<int>("--threads") { Description = "Featurisation threads.", DefaultValueFactory = _ => 2 };
        var labels = new Option<string>("--subtopic-labels") { Description = "Hand-labelled subtopics (TSV).", DefaultValueFactory = _ => SubtopicTrainer.LabelsPath };
        var subtopicsOnly = new Option<bool>("--subtopics-only") { Description = "Train only the subtopic models (features weighted by the saved topic model's IDF)." };
        var subtopicL2 = new Option<float[]>("--subtopic-l2") { Description = "L2 values to cross-validate per subtopic; the best CV F1 is saved.", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [1e-2f, 1e-3f, 1e-4f] };
        var words = new Option<bool>("--words") { Description = "Featurise the words of the segmenter (else syllables).", DefaultValueFactory = _ => true };
        var idf = new Option<bool>("--idf") { Description = "Weight features by inverse document frequency over the train split.", DefaultValueFactory = _ => true };
        var calibrate = new Option<bool>("--calibrate") { Description = "Fit the probability calibration on the inner validation slice of train (a second fit without it) and store it in the zip.", DefaultValueFactory = _ => true };
        var cmd = new Command("topic", "Train the ML.NET topic classifier on VNTC (dev split held out by document) and its subtopic models.");
        foreach (var o in new Option[] { corpus, models, trainer, compare, inner, title, bits, l2, iterations, threads, labels, subtopicsOnly, idf, subtopicL2, words, calibrate })
            cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            var sw = Stopwatch.StartNew();
            var source = parse.GetValue(corpus) ?? SharedData.Require(TopicCorpus.VntcTrainArchive);
            var tuneOnly = parse.GetValue(compare) || parse.GetValue(inner);
            if (!parse.GetValue(title) && !parse.GetValue(inner))
                throw new ArgumentException("--title false is only for comparisons with --inner: the classifier featurises titles.");
            var featurizer = new HashedNgramFeaturizer(parse.GetValue(bits), titleFeatures: parse.GetValue(title));
            var texts = TopicCorpus.Read(source, (id, error) => Say($"unreadable: {id}: {error}")).ToList();
            var outDir = parse.GetValue(models)!;
            var topicPath = Path.Combine(outDir, "topic-vntc.zip");
            if (!parse.GetValue(subtopicsOnly))
            {
                var split = TopicTraining.Build(texts, TopicLabels.Default, featurizer, Tokenizer(parse.GetValue(words)), parse.GetValue(threads));
                Say($"featurised {split.Train.Count} train + {split.Dev.Count} dev documents ({split.Unmapped} unmapped) in {sw.Elapsed.TotalSeconds:F1} s");
                if (parse.GetValue(inner))
                {
                    // Hyper-parameters are chosen here, never on dev: dev is reported once for the chosen setting.
                    split = split with
                    {
                        Train = [.. split.Train.Where(e => !TopicCorpus.IsInnerValidation(e.Id))],
                        Dev = [.. split.Train.Where(e => TopicCorpus.IsInnerValidation(e.Id))],
                    };
                    Say($"inner split: {split.Train.Count} fit + {split.Dev.Count} inner-validation documents (dev not used)");
                }
                if (parse.GetValue(idf))
                {
                    var weights = HashedNgramFeaturizer.InverseDocumentFrequencies(split.Train.Select(e => e.Features).ToList(), featurizer.Dimension);
                    featurizer = new HashedNgramFeaturizer(featurizer.Bits, weights, featurizer.TitleFeatures);
                    split = split with
                    {
                        Train = [.. split.Train.Select(e => e with { Features = HashedNgramFeaturizer.Reweight(e.Features, weights) })],
                        Dev = [.. split.Dev.Select(e => e with { Features = HashedNgramFeaturizer.Reweight(e.Features, weights) })],
                    };
                }
                var t = new TopicModelTrainer(featurizer.Dimension);
                var trainView = t.ToDataView(split.Train);
                var devView = t.ToDataView(split.Dev);
                var names = parse.GetValue(compare) ? TopicModelTrainer.TrainerNames : [parse.GetValue(trainer)!];
                float?[] l2Values = parse.GetValue(l2) is { Length: > 0 } given ? [.. given.Select(v => (float?)v)] : [null];
                var evalName = parse.GetValue(inner) ? "inner-val" : "dev";
                foreach (var name in names)
                foreach (var l2Value in l2Values)
                {
                    sw.Restart();
                    var model = t.Fit(trainView, name, l2Value, parse.GetValue(iterations));
                    var fit = sw.Elapsed.TotalSeconds;
                    var m = t.Evaluate(model, devView);
                    Say($"{name,-15} L2 {l2Value?.ToString(Inv) ?? "default"}  {evalName} accuracy {m.MicroAccuracy:P2}  macro-accuracy {m.MacroAccuracy:P2}  log-loss {m.LogLoss:F4}  fit {fit:F1} s");
                    if (!tuneOnly)
                    {
                        t.Save(model, trainView.Schema, topicPath);
                        if (featurizer.Weights is not null)
                            LinearTopicModel.WriteWeights(topicPath, [.. featurizer.Weights]);
                        if (parse.GetValue(calibrate))
                        {
                            sw.Restart();
                            var (exponent, before, after) = TopicModelTrainer.FitCalibration(featurizer.Dimension, split.Train, TopicCorpus.IsInnerValidation, name, l2Value, parse.GetValue(iterations));
                            LinearTopicModel.WriteCalibration(topicPath, exponent);
                            Say($"calibration exponent {exponent:F4} fitted on {before.Total} inner-validation documents (model fitted without them): ECE {before.ExpectedCalibrationError:F4} -> {after.ExpectedCalibrationError:F4}, accuracy {after.Accuracy:P2}; {sw.Elapsed.TotalSeconds:F1} s");
                        }
                        Say($"wrote {topicPath} ({new FileInfo(topicPath).Length / 1024.0 / 1024.0:F2} MB)");
                    }
                }
                if (tuneOnly)
                    return 0;
            }
            else
            {
                featurizer = new HashedNgramFeaturizer(featurizer.Bits, LoadModel(topicPath).FeatureWeights);
            }
            TrainSubtopics(texts, featurizer, Tokenizer(parse.GetValue(words)), parse.GetValue(labels)!, outDir, parse.GetValue(subtopicL2)!);
            return 0;
        });
        return cmd;
    }

    /// <summary>The words stage's segmentation as a tokenizer, or null for syllables.</summary>
    private static Func<string, ImmutableArray<Token>>? Tokenizer(bool words)
    {
        if (!words)
            return null;
        var segmenter = new PerceptronWordSegmenter();
        return text => [.. segmenter.Segment(text)];
    }

    /// <summary>The trainer chosen by dev accuracy (see models/README.md).</summary>
    public const string DefaultTrainer = "ova-sdca";

    private static void TrainSubtopics(IReadOnlyList<LabelledText> texts, HashedNgramFeaturizer featurizer, Func<string, ImmutableArray<Token>>? tokenize, string labelsPath, string outDir, float[] l2Values)
    {
        var (names, labels) = SubtopicTrainer.ReadLabels(labelsPath);
        var byId = texts.ToDictionary(t => t.Id, StringComparer.Ordinal);
        // Ids outside the archive are paths under the shared corpora folder (the VLSP 2018 topic folders).
        foreach (var l in labels.Where(l => !byId.ContainsKey(l.Id) && l.Id.StartsWith("vlsp2018-ner/", StringComparison.Ordinal)))
            byId[l.Id] = new LabelledText(l.Id, string.Empty, new Document(l.Id, TopicCorpus.ReadMucText(SharedData.Require("corpora/" + l.Id))));
        var missing = labels.Where(l => !byId.ContainsKey(l.Id)).Select(l => l.Id).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{missing.Count} labelled ids are not in the corpus, e.g. {missing[0]}");
        var features = labels.Select(l => byId[l.Id].Text).Select(t => featurizer.Featurize(t, tokenize is null ? [] : tokenize(t).AsSpan())).ToList();
        var trainer = new SubtopicTrainer(featurizer.Dimension);
        foreach (var name in names)
        {
            var examples = labels.Select((l, i) => (features[i], l.Subtopics.Contains(name))).ToList();
            (ITransformer Model, DataViewSchema Schema, SubtopicReport Report)? best = null;
            foreach (var l2 in l2Values)
            {
                var run = trainer.Train(name, examples, l2: l2);
                var r = run.Report;
                Say($"subtopic {r.Subtopic,-24} L2 {l2,-7} {r.Examples} examples, {r.Positives} positive; 5-fold CV precision {r.Precision:F3} recall {r.Recall:F3} F1 {r.F1:F3} AUC {r.Auc:F3}");
                if (best is null || r.F1 > best.Value.Report.F1)
                    best = run;
            }
            var (model, schema, chosen) = best!.Value;
            Say($"subtopic {name}: chose L2 {chosen.L2} (CV F1 {chosen.F1:F3})");
            var path = Path.Combine(outDir, $"subtopic-{name}.zip");
            trainer.Save(model, schema, path);
            Say($"wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F2} MB)");
        }
    }

    /// <summary><c>nlp eval topic GOLD</c>: accuracy, macro-F1 and the confusion matrix of the topic stage on gold data.</summary>
    public static Command Eval()
    {
        var gold = new Argument<string>("gold") { Description = "Folder or .tar.gz laid out as <topic>/<file>, or JSON Lines with a topic field." };
        var model = new Option<string?>("--model") { Description = "Topic model zip to score (default: the embedded model, with its subtopics)." };
        var devOnly = new Option<bool>("--dev-only") { Description = "Score only the documents of the dev split (for the training archive)." };
        var evalWords = new Option<bool>("--words") { Description = "Run the words stage first, as the pipeline does (else syllables).", DefaultValueFactory = _ => true };
        var cmd = new Command("topic", "Score the topic classifier against gold topics.");
        cmd.Arguments.Add(gold);
        cmd.Options.Add(model);
        cmd.Options.Add(devOnly);
        cmd.Options.Add(evalWords);
        cmd.SetAction(parse =>
        {
            var classifier = parse.GetValue(model) is { } path
                ? new TopicClassifier(LoadModel(path), [], TopicLabels.Default)
                : TopicClassifier.Default;
            var tokenize = Tokenizer(parse.GetValue(evalWords));
            var metrics = new TopicMetrics();
            var unmapped = 0;
            var sw = Stopwatch.StartNew();
            var unreadable = 0;
            foreach (var text in TopicCorpus.Read(parse.GetValue(gold)!, (_, _) => unreadable++))
            {
                if (parse.GetValue(devOnly) && !TopicCorpus.IsDev(text.Id))
                    continue;
                if (TopicLabels.Default.Resolve(text.GoldTopic) is not { } label)
                {
                    unmapped++;
                    continue;
                }
                var tokens = tokenize is null ? [] : tokenize(text.Text);
                var topic = classifier.Classify(text.Text, tokens.AsSpan());
                metrics.Add(label.Slug, topic.Label, topic.Score);
            }
            Console.Write(metrics.Report());
            Say($"{unmapped} documents without a known gold topic and {unreadable} unreadable ones skipped; {sw.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }

    private static LinearTopicModel LoadModel(string path)
    {
        using var stream = File.OpenRead(path);
        return LinearTopicModel.Load(stream);
    }
}
