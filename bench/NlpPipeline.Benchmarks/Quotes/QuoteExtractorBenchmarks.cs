using BenchmarkDotNet.Attributes;
using NlpPipeline.Documents;
using NlpPipeline.Entities;
using NlpPipeline.Pipeline;
using NlpPipeline.Quotes;
using NlpPipeline.Resources;

namespace NlpPipeline.Benchmarks.Quotes;

/// <summary>
/// The quote stage over the 30 articles of the shared quote dev set, one core, against the entity recognizer on the
/// same articles (baseline) to show which stage bounds throughput. Documents/s = 30 / mean time. The quote stage gets
/// documents already carrying sentences, words, entities and titles, as in the pipeline.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class QuoteExtractorBenchmarks
{
    private readonly QuoteExtractor _quotes = new();
    private List<AnnotatedDocument> _raw = [];
    private List<AnnotatedDocument> _annotated = [];

    public static int DocumentCount => 30;

    [GlobalSetup]
    public void Setup()
    {
        var dir = SharedData.Require("quotes");
        var gold = GoldDocument.ReadAll(Path.Combine(dir, "dev-A.jsonl")).Concat(GoldDocument.ReadAll(Path.Combine(dir, "dev-B.jsonl")));
        _raw = [.. gold.Select(g => new AnnotatedDocument(QuoteEvaluation.ReadText(Path.Combine(dir, "texts"), g.Doc)))];
        var before = QuotePipeline.Stages().Where(s => s is not QuoteExtractor).ToList();
        _annotated = [.. _raw.Select(d => before.Aggregate(d, (doc, stage) => stage.Process(doc)))];
        Console.WriteLine($"// {_raw.Count} documents, {_raw.Sum(d => d.Text.Length)} chars");
    }

    [Benchmark(Baseline = true)]
    public int EntityRecognizer()
    {
        var n = 0;
        foreach (var d in _raw)
            n += PerceptronEntityRecognizer.Default.Process(d).Entities.Length;
        return n;
    }

    [Benchmark]
    public int QuotesOnAnnotatedDocuments()
    {
        var n = 0;
        foreach (var d in _annotated)
            n += _quotes.Process(d).Quotes.Length;
        return n;
    }

    [Benchmark]
    public int QuotesOnTextOnly()
    {
        var n = 0;
        foreach (var d in _raw)
            n += _quotes.Process(d).Quotes.Length;
        return n;
    }
}
