using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NlpPipeline.Resources;
using NlpPipeline.Text.Segmentation;

namespace NlpPipeline.Cli.Commands;

/// <summary><c>nlp train segmenter</c> and <c>nlp eval segmentation</c>.</summary>
public static class SegmenterCommands
{
    /// <summary><c>nlp train segmenter --corpora DIR -o models/segmenter-vi.bin</c>: deterministic; the defaults reproduce the shipped model.</summary>
    public static Command Train()
    {
        var corpora = new Option<string?>("--corpora") { Description = "Folder holding vlsp2013-ws/, vlsp2016-ner/, ud-vi-vtb/ (default: the shared corpora)." };
        var output = new Option<string>("--output", "-o") { Description = "Model file to write.", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => new SegmenterTrainingOptions().Epochs };
        var bits = new Option<int>("--bits") { Description = "log2 of the weight table size.", DefaultValueFactory = _ => new SegmenterTrainingOptions().Bits };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed.", DefaultValueFactory = _ => new SegmenterTrainingOptions().Seed };
        var noVlsp2016 = new Option<bool>("--no-vlsp2016") { Description = "Leave out the VLSP 2016 NER word column." };
        var noUd = new Option<bool>("--no-ud") { Description = "Leave out UD Vietnamese-VTB." };
        var viet74k = new Option<string?>("--viet74k") { Description = "Viet74K word list (GPL): two-syllable entries as weight-only training examples; never stored as a list." };
        var command = new Command("segmenter", "Train the perceptron word segmenter; reports dev-split word P/R/F1 (VLSP 2013 held-out blocks).");
        command.Options.Add(corpora);
        command.Options.Add(output);
        command.Options.Add(epochs);
        command.Options.Add(bits);
        command.Options.Add(seed);
        command.Options.Add(noVlsp2016);
        command.Options.Add(noUd);
        command.Options.Add(viet74k);
        command.SetAction(parseResult =>
        {
            var options = new SegmenterTrainingOptions
            {
                Epochs = parseResult.GetValue(epochs),
                Bits = parseResult.GetValue(bits),
                Seed = parseResult.GetValue(seed),
                IncludeVlsp2016 = !parseResult.GetValue(noVlsp2016),
                IncludeUd = !parseResult.GetValue(noUd),
                Viet74KPath = parseResult.GetValue(viet74k),
            };
            var directory = parseResult.GetValue(corpora) ?? SharedData.Corpora
                ?? throw new DirectoryNotFoundException("No corpora folder: pass --corpora or set NLP_SHARED.");
            var watch = Stopwatch.StartNew();
            var data = SegmenterTrainingData.FromCorpora(directory, options);
            Console.Error.WriteLine(data.Summary);
            var description = string.Create(CultureInfo.InvariantCulture,
                $"perceptron word segmenter; {data.Summary}; epochs {options.Epochs}, bits {options.Bits}, seed {options.Seed}, folds {options.Folds}");
            var model = new PerceptronSegmenterTrainer(options).Train(data.Train, data.Dev, Console.Error.WriteLine, description, data.Supplementary);
            var path = parseResult.GetValue(output)!;
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
                Directory.CreateDirectory(dir);
            model.Save(path);
            var saved = SegmenterModel.Load(path);
            Console.WriteLine($"dev (VLSP 2013 held-out blocks, saved model): {SegmentationScorer.Score(new PerceptronWordSegmenter(saved), data.Dev)}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path} ({new FileInfo(path).Length / 1024} KiB) in {watch.Elapsed.TotalSeconds:F1} s"));
            return 0;
        });
        return command;
    }

    /// <summary><c>nlp eval segmentation GOLD</c>: word P/R/F1 of the segmenter against a gold file or folder.</summary>
    public static Command Eval()
    {
        var gold = new Argument<string>("gold") { Description = "Gold file or folder: _-joined lines, CoNLL-U, or VLSP 2016 columns." };
        var model = new Option<string?>("--model", "-m") { Description = "Model file (default: the shipped model)." };
        var devSplit = new Option<bool>("--dev-split") { Description = "Score only the held-out dev blocks (for the VLSP 2013 training file)." };
        var errors = new Option<int>("--errors") { Description = "Print up to N wrongly segmented words with their context." };
        var command = new Command("segmentation", "Word precision, recall and F1 of the word segmenter (a word counts when both boundaries are right).");
        command.Arguments.Add(gold);
        command.Options.Add(model);
        command.Options.Add(devSplit);
        command.Options.Add(errors);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(gold)!;
            var sentences = SegmentationCorpus.Read(path);
            if (parseResult.GetValue(devSplit))
                sentences = sentences.Where((_, i) => SegmentationCorpus.IsDevSentence(i)).ToList();
            var modelPath = parseResult.GetValue(model);
            var watch = Stopwatch.StartNew();
            var segmenter = new PerceptronWordSegmenter(modelPath is null ? SegmenterModel.Default : SegmenterModel.Load(modelPath));
            var loaded = watch.Elapsed;
            var score = SegmentationScorer.Score(segmenter, sentences);
            PrintErrors(segmenter, sentences, parseResult.GetValue(errors));
            Console.WriteLine($"{sentences.Count} sentences: {score}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model loaded in {loaded.TotalMilliseconds:F0} ms; scored in {(watch.Elapsed - loaded).TotalMilliseconds:F0} ms"));
            return 0;
        });
        return command;
    }

    private static void PrintErrors(PerceptronWordSegmenter segmenter, List<GoldSentence> sentences, int limit)
    {
        var printed = 0;
        foreach (var sentence in sentences)
        {
            if (printed >= limit)
                return;
            var predicted = segmenter.Segment(sentence.Text);
            var goldSet = sentence.Words.ToHashSet();
            var predictedSet = predicted.Select(t => (t.Start, t.End)).ToHashSet();
            string Render(IEnumerable<(int Start, int End)> words, HashSet<(int, int)> other) =>
                string.Join(' ', words.Select(w => other.Contains(w) ? sentence.Text[w.Start..w.End].Replace(' ', '_') : "[" + sentence.Text[w.Start..w.End].Replace(' ', '_') + "]"));
            if (goldSet.SetEquals(predictedSet))
                continue;
            Console.WriteLine("gold: " + Render(sentence.Words, predictedSet));
            Console.WriteLine("pred: " + Render(predicted.Select(t => (t.Start, t.End)), goldSet));
            printed++;
        }
    }
}
