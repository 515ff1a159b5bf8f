using BenchmarkDotNet.Attributes;
using NlpPipeline.Documents;
using NlpPipeline.Entities;
using NlpPipeline.Resources;
using NlpPipeline.Text.Segmentation;
using NlpPipeline.Text.Sentences;

namespace NlpPipeline.Benchmarks.Entities;

/// <summary>
/// The entity stage on the VLSP 2018 dev articles (raw text; the sample article when the shared data is
/// absent), one core. Syllables/s = <see cref="Syllables"/> / mean time; words/s = the word count printed at
/// setup / mean time. The baseline only
/// splits the text into syllables, the floor of any tagger over them.
/// </summary>
[MemoryDiagnoser]
public class EntityRecognizerBenchmarks
{
    private AnnotatedDocument[] _documents = [];
    private AnnotatedDocument[] _segmented = [];
    private PerceptronEntityRecognizer _recognizer = null!;

    public int Syllables { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var dev = SharedData.Corpora is { } corpora ? NerTrainingData.Vlsp2018(corpora, "dev") : null;
        _documents = dev is not null && Directory.Exists(dev)
            ? [.. NerCorpus.Load(dev).Select(d => new AnnotatedDocument(new Document(d.Id, d.Text)))]
            : [new AnnotatedDocument(new Document("seed", File.ReadAllText(FindSample())))];
        _recognizer = PerceptronEntityRecognizer.Default;
        var segmenter = new PerceptronWordSegmenter();
        _segmented = [.. _documents.Select(d => segmenter.Process(RuleSentenceSplitter.Default.Process(d)))];
        Console.WriteLine($"// {_segmented.Sum(d => d.Tokens.Length)} words from the words stage");
        Syllables = _documents.Sum(d => PerceptronEntityRecognizer.CountSyllables(d.Text));
        Console.WriteLine($"// {_documents.Length} documents, {Syllables} syllables");
    }

    [Benchmark(Baseline = true)]
    public int SplitSyllables()
    {
        var n = 0;
        foreach (var d in _documents)
            n += PerceptronEntityRecognizer.CountSyllables(d.Text);
        return n;
    }

    /// <summary>On raw documents: the recogniser segments each line itself first.</summary>
    [Benchmark]
    public int RecognizeEntities()
    {
        var n = 0;
        foreach (var d in _documents)
            n += _recognizer.Process(d).Entities.Length;
        return n;
    }

    /// <summary>Feature extraction alone (tokens, hashes, gazetteer), line by line, without scoring or decoding.</summary>
    [Benchmark]
    public int ExtractFeatures()
    {
        var n = 0;
        var scratch = new EntityScratch();
        foreach (var d in _documents)
        {
            var text = d.Text;
            var start = 0;
            while (start < text.Length)
            {
                var end = text.IndexOf('\n', start);
                if (end < 0)
                    end = text.Length;
                n += _recognizer.Model.Features.Extract(text, start, end, scratch);
                start = end + 1;
            }
        }
        return n;
    }

    /// <summary>The stage as <c>nlp annotate</c> runs it: on documents that already carry the words stage's tokens.</summary>
    [Benchmark]
    public int RecognizeEntitiesOnWords()
    {
        var n = 0;
        foreach (var d in _segmented)
            n += _recognizer.Process(d).Entities.Length;
        return n;
    }

    private static string FindSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "data", "samples", "seed-article.txt");
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException("data/samples/seed-article.txt");
    }
}
