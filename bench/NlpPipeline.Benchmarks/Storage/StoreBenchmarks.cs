using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NlpPipeline.Documents;
using NlpPipeline.Storage;

namespace NlpPipeline.Benchmarks.Storage;

/// <summary>
/// Index throughput: a fresh store built from <see cref="Documents"/> replicated annotated articles (about
/// 10.5 quotes each) in batches of 500, entity resolution included. Quotes per second = quotes / mean.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class StoreIndexBenchmarks
{
    private List<AnnotatedDocument> _documents = [];
    private string _path = "";

    [Params(3000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _documents = ReplicatedArchive.Generate(Documents);
        _path = Path.Combine(Path.GetTempPath(), $"nlp-bench-index-{Environment.ProcessId}.db");
        Console.WriteLine($"// {Documents} documents, {_documents.Sum(d => d.Quotes.Length)} quotes");
    }

    [IterationSetup]
    public void Clean()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_path + suffix);
    }

    [Benchmark(Baseline = true)]
    public IndexStats IndexBatchesOf500()
    {
        using var store = SqliteAnnotationStore.Open(_path);
        return store.Index(_documents, batchSize: 500);
    }

    [Benchmark]
    public IndexStats IndexOneTransaction()
    {
        using var store = SqliteAnnotationStore.Open(_path);
        return store.Index(_documents, batchSize: int.MaxValue);
    }
}

/// <summary>
/// Query latency on a store of 33,759 replicated articles (the size of the VNTC training archive), built once
/// and reused across runs: what <c>nlp query --speaker</c> / <c>--about</c> run, default limit 50.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class StoreQueryBenchmarks
{
    public const int ArchiveDocuments = 33_759;
    private SqliteAnnotationStore _store = null!;
    private string _popular = "", _rare = "";

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nlp-bench-query-{ArchiveDocuments}-v{StoreSchema.Version}.db");
        if (!File.Exists(path))
        {
            using var build = SqliteAnnotationStore.Open(path + ".tmp");
            build.Index(ReplicatedArchive.Generate(ArchiveDocuments), batchSize: 1000);
            build.Scalar<long>("PRAGMA wal_checkpoint(TRUNCATE)");
            build.Dispose();
            File.Move(path + ".tmp", path);
        }
        _store = SqliteAnnotationStore.Open(path, readOnly: true);
        var people = _store.People(0, "PER");
        _popular = people[0].Name;
        _rare = people[people.Count / 2].Name;
        var counts = _store.Counts();
        Console.WriteLine($"// store: {counts.Documents} documents, {counts.Quotes} quotes, {counts.Entities} entities; popular '{_popular}' ({people[0].Quotes} quotes), median '{_rare}' ({people[people.Count / 2].Quotes})");
    }

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();

    [Benchmark(Baseline = true)]
    public int Unfiltered() => _store.FindQuotes(new QuoteQuery { Limit = 50 }).Count;

    [Benchmark]
    public int SpeakerPopular() => _store.FindQuotes(new QuoteQuery { Speaker = _popular, Limit = 50 }).Count;

    [Benchmark]
    public int SpeakerMedian() => _store.FindQuotes(new QuoteQuery { Speaker = _rare, Limit = 50 }).Count;

    [Benchmark]
    public int SpeakerSurnameOnly() => _store.FindQuotes(new QuoteQuery { Speaker = "Nguyen", Limit = 50 }).Count;

    [Benchmark]
    public int AboutCommonPhrase() => _store.FindQuotes(new QuoteQuery { About = "hat nhan", Limit = 50 }).Count;

    [Benchmark]
    public int AboutRarePhrase() => _store.FindQuotes(new QuoteQuery { About = "bom nhiet hach", Limit = 50 }).Count;

    [Benchmark]
    public int SpeakerAndAbout() => _store.FindQuotes(new QuoteQuery { Speaker = "Nguyen", About = "hat nhan", Limit = 50 }).Count;
}
