using BenchmarkDotNet.Attributes;
using NlpPipeline.Documents;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Benchmarks;

/// <summary>
/// 1,000 articles through the default stages into a JSON Lines sink in memory: a plain loop on one
/// thread (baseline) against the channel pipeline with 1 and 2 workers.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Count = 1000;
    private readonly IReadOnlyList<IDocumentStage> _stages = DefaultStages.Create();
    private AnnotatedDocument[] _documents = [];

    [Params(1, 2)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _documents = [.. Enumerable.Range(0, Count).Select(i => new AnnotatedDocument(new Document($"d{i}", BenchmarkData.ArticleText)) { Sequence = i })];

    [Benchmark(Baseline = true, Description = "sequential loop")]
    public long Sequential()
    {
        var pipeline = new AnnotationPipeline(_stages);
        using var sink = new JsonLinesSink(Stream.Null, includeTokens: false);
        foreach (var document in _documents)
            sink.Write(pipeline.Process(document));
        return sink.Count;
    }

    [Benchmark(Description = "AnnotationPipeline")]
    public async Task<long> Channels()
    {
        var pipeline = new AnnotationPipeline(_stages, new PipelineOptions { Workers = Workers });
        using var sink = new JsonLinesSink(Stream.Null, includeTokens: false);
        var counters = await pipeline.RunAsync(_documents, sink);
        return counters.Documents;
    }
}
