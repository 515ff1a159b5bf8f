using BenchmarkDotNet.Attributes;
using NlpPipeline.Documents;
using NlpPipeline.Entities;
using NlpPipeline.Resources;

namespace NlpPipeline.Benchmarks.Entities;

/// <summary>
/// The title spotter and the mention linker on the VLSP 2018 dev articles with their gold entities as input
/// (the stages' own cost, without NER), one core. Words/s = <see cref="Syllables"/> (printed at setup) / mean
/// time. The baseline only scans the text into syllables, which both stages do first.
/// </summary>
[MemoryDiagnoser]
public class TitleStagesBenchmarks
{
    private AnnotatedDocument[] _documents = [];
    private AnnotatedDocument[] _withTitles = [];
    private readonly LexiconTitleSpotter _spotter = new();
    private readonly RuleMentionLinker _linker = new();

    public int Syllables { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var dev = SharedData.Require("corpora/vlsp2018-ner/dev");
        _documents = [.. Directory.EnumerateFiles(dev, "*.muc", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => GoldEntityCorpus.ReadInline(f, File.ReadAllText(f)))
            .Select(t => new AnnotatedDocument(new Document(t.Id, t.Text)) { Entities = [.. t.Entities] })];
        _withTitles = [.. _documents.Select(_spotter.Process)];
        Syllables = _documents.Sum(d => SyllableScanner.Scan(d.Text).Count(s => s.IsWord));
        Console.WriteLine($"// {_documents.Length} documents, {Syllables} syllables");
    }

    [Benchmark(Baseline = true)]
    public int ScanSyllables()
    {
        var n = 0;
        foreach (var d in _documents)
            n += SyllableScanner.Scan(d.Text).Count;
        return n;
    }

    [Benchmark]
    public int SpotTitles()
    {
        var n = 0;
        foreach (var d in _documents)
            n += _spotter.Process(d).Entities.Length;
        return n;
    }

    [Benchmark]
    public int LinkMentions()
    {
        var n = 0;
        foreach (var d in _withTitles)
            n += _linker.Process(d).Entities.Length;
        return n;
    }
}
