using System.Diagnostics;
using System.Globalization;
using NlpPipeline.Storage;

namespace NlpPipeline.Benchmarks.Storage;

/// <summary>
/// <c>dotnet run -c Release -- store-figures [documents]</c>: the store's headline figures with both wall
/// and process CPU time, since a shared machine inflates wall time. Index: a fresh store of the replicated
/// archive, 5 runs, median quotes/s. Queries: the <see cref="StoreQueryBenchmarks"/> store, 25 runs each after
/// 3 warm-ups, median milliseconds.
/// </summary>
internal static class StoreFigures
{
    public static void Run(string[] args)
    {
        var documents = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3000;
        var docs = ReplicatedArchive.Generate(documents);
        var quotes = docs.Sum(d => d.Quotes.Length);
        var path = Path.Combine(Path.GetTempPath(), $"nlp-figures-{Environment.ProcessId}.db");
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var run = 0; run < 6; run++)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(path + suffix);
            var (w, c) = Measure(() =>
            {
                using var store = SqliteAnnotationStore.Open(path);
                store.Index(docs, batchSize: 500);
            });
            if (run == 0)
                continue; // warm-up: JIT and file cache
            wall.Add(w);
            cpu.Add(c);
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(path + suffix);
        Console.WriteLine($"index: {documents} documents, {quotes} quotes, batches of 500, entity resolution included");
        Console.WriteLine($"  median wall {Median(wall):F0} ms = {quotes / Median(wall) * 1000:F0} quotes/s; median CPU {Median(cpu):F0} ms = {quotes / Median(cpu) * 1000:F0} quotes/s per core");

        var bench = new StoreQueryBenchmarks();
        bench.Setup();
        var queries = new (string Name, Func<int> Query)[]
        {
            ("unfiltered (baseline)", bench.Unfiltered),
            ("--speaker popular", bench.SpeakerPopular),
            ("--speaker median", bench.SpeakerMedian),
            ("--speaker Nguyen", bench.SpeakerSurnameOnly),
            ("--about \"hat nhan\"", bench.AboutCommonPhrase),
            ("--about \"bom nhiet hach\"", bench.AboutRarePhrase),
            ("--speaker Nguyen --about \"hat nhan\"", bench.SpeakerAndAbout),
        };
        foreach (var (name, query) in queries)
        {
            for (var i = 0; i < 3; i++)
                query();
            var w2 = new List<double>();
            var c2 = new List<double>();
            var hits = 0;
            for (var i = 0; i < 25; i++)
            {
                var (w, c) = Measure(() => hits = query());
                w2.Add(w);
                c2.Add(c);
            }
            Console.WriteLine($"  {name,-40} {hits,3} hits  median wall {Median(w2):F2} ms, CPU {Median(c2):F2} ms");
        }
        bench.Cleanup();
    }

    /// <summary>
    /// <c>store-index-figures OUT.jsonl [runs] [batch]</c>: what <c>nlp index OUT.jsonl --db NEW</c> does
    /// (<see cref="SqliteAnnotationStore.IndexJsonLines"/>: read and parse the lines on one thread, write batches of
    /// <paramref name="batchSize"/> documents (default 500, as <c>nlp index</c>) on another, resolve entities), into a fresh store each run; one
    /// warm-up then <paramref name="runs"/> runs, median wall and CPU, each run with its phase breakdown (<see cref="SqliteAnnotationStore.LastPhases"/>). The file is read once first so that it
    /// is in the page cache, and parsing alone is timed too.
    /// </summary>
    public static void RunIndex(string input, int runs, int batchSize)
    {
        // As nlp does first thing (Program.Main), unless NLP_SERIALIZED is set (SQLite's default mode, for comparison).
        var configured = Environment.GetEnvironmentVariable("NLP_SERIALIZED") is null && SqliteProcess.Configure();
        Console.WriteLine($"SQLite multi-thread mode without memory statistics: {(configured ? "yes" : "no")}");
        var path = Path.Combine(Path.GetTempPath(), $"nlp-index-figures-{Environment.ProcessId}.db");
        void Malformed(string p, int n, System.Text.Json.JsonException ex) => throw ex;
        long documents = 0, quotes = 0;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var (parseWall, parseCpu) = Measure(() =>
        {
            foreach (var (doc, _) in AnnotationLines.ReadForStore([input], Malformed))
            {
                documents++;
                quotes += doc.Quotes.Length;
            }
        });
        var parseAllocated = GC.GetTotalAllocatedBytes(true) - allocated;
        allocated = GC.GetTotalAllocatedBytes(true);
        var uses = new FormUses(countSpeakers: true);
        var (prepareWall, prepareCpu) = Measure(() =>
        {
            long ordinal = 0;
            foreach (var (doc, length) in AnnotationLines.ReadForStore([input], Malformed))
                BatchWriter.Prepare(doc, length, uses, ++ordinal);
        });
        var prepareAllocated = GC.GetTotalAllocatedBytes(true) - allocated;
        // The plan three times: the first call as in nlp index (compiled as it goes), then warm.
        allocated = GC.GetTotalAllocatedBytes(true);
        var (planWall, planCpu) = Measure(() => SqliteAnnotationStore.PlanResolution(uses));
        var planAllocated = GC.GetTotalAllocatedBytes(true) - allocated;
        var warmPlans = Enumerable.Range(0, 2).Select(_ => Measure(() => SqliteAnnotationStore.PlanResolution(uses))).ToList();
        Console.WriteLine($"{input}: {documents} documents, {quotes} quotes; parsing alone {parseWall:F0} ms wall, {parseCpu:F0} ms CPU, {parseAllocated >> 20} MB allocated; "
            + $"parsing and preparing rows (the second thread's work) {prepareWall:F0} ms wall, {prepareCpu:F0} ms CPU, {prepareAllocated >> 20} MB allocated; "
            + $"the resolver's plan from those form uses {planWall:F0} ms wall, {planCpu:F0} ms CPU, {planAllocated >> 20} MB allocated "
            + $"(warm: {string.Join(", ", warmPlans.Select(p => $"{p.WallMs:F0} ms wall, {p.CpuMs:F0} ms CPU"))})");
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            DeleteStore(path);
            IReadOnlyList<(string Phase, TimeSpan Elapsed)> phases = [];
            var writerCpu = 0.0;
            var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var gcPause = GC.GetTotalPauseDuration();
            allocated = GC.GetTotalAllocatedBytes(true);
            var (w, c) = Measure(() =>
            {
                var thread0 = ThreadCpuMs();
                using var store = SqliteAnnotationStore.Open(path);
                store.IndexJsonLines([input], Malformed, batchSize);
                phases = store.LastPhases.ToList();
                writerCpu = ThreadCpuMs() - thread0;
            });
            Console.WriteLine($"  run {run}{(run == 0 ? " (warm-up)" : "")}: {w:F0} ms wall, {c:F0} ms CPU, of which {writerCpu:F0} ms on the writing thread; "
                + $"GCs gen0/1/2 {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}, paused {(GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds:F0} ms, {(GC.GetTotalAllocatedBytes(true) - allocated) >> 20} MB allocated");
            foreach (var (phase, elapsed) in phases)
                Console.WriteLine($"    {phase,-58} {elapsed.TotalMilliseconds,7:F0} ms wall");
            if (run == 0)
                continue;
            wall.Add(w);
            cpu.Add(c);
        }
        DeleteStore(path);
        Console.WriteLine($"index: batches of {batchSize}, median wall {Median(wall):F0} ms = {quotes / Median(wall) * 1000:F0} quotes/s ({documents / Median(wall) * 1000:F0} documents/s); median CPU {Median(cpu):F0} ms = {quotes / Median(cpu) * 1000:F0} quotes/s per core");
    }

    /// <summary>
    /// <c>store-stage-figures OUT.jsonl [passes]</c>: the indexing pipeline's first two stages alone on the calling thread,
    /// <paramref name="passes"/> passes each after one warm-up pass: parsing (<see cref="AnnotationLines.ReadForStore"/>),
    /// then parsing and preparing rows (<see cref="BatchWriter.Prepare"/> with the form uses of a load into an empty
    /// store). Prints the thread's CPU time per pass (minimum and median: on a shared machine the minimum is the steadier
    /// guide) and the bytes allocated.
    /// </summary>
    public static void RunStages(string input, int passes)
    {
        void Malformed(string p, int n, System.Text.Json.JsonException ex) => throw ex;
        var stages = new (string Name, Action Pass)[]
        {
            ("parsing", () =>
            {
                foreach (var _ in AnnotationLines.ReadForStore([input], Malformed))
                {
                }
            }),
            ("parsing + preparing without form uses", () =>
            {
                foreach (var (doc, length) in AnnotationLines.ReadForStore([input], Malformed))
                    BatchWriter.Prepare(doc, length);
            }),
            ("parsing + preparing", () =>
            {
                var uses = new FormUses(countSpeakers: true);
                long ordinal = 0;
                foreach (var (doc, length) in AnnotationLines.ReadForStore([input], Malformed))
                    BatchWriter.Prepare(doc, length, uses, ++ordinal);
            }),
        };
        foreach (var (name, pass) in stages)
        {
            var cpu = new List<double>();
            var pauses = new List<double>();
            long allocated = 0;
            for (var i = 0; i <= passes; i++)
            {
                var pause = GC.GetTotalPauseDuration();
                var before = GC.GetAllocatedBytesForCurrentThread();
                var start = ThreadCpuMs();
                pass();
                if (i == 0)
                    continue; // warm-up
                cpu.Add(ThreadCpuMs() - start);
                pauses.Add((GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }
            Console.WriteLine($"{name,-20} thread CPU per pass: min {cpu.Min():F0} ms, median {Median(cpu):F0} ms ({string.Join(", ", cpu.Select(c => c.ToString("F0", CultureInfo.InvariantCulture)))}); {allocated >> 20} MB allocated; GC paused {string.Join(", ", pauses.Select(c => c.ToString("F0", CultureInfo.InvariantCulture)))} ms");
        }
    }

    private static void DeleteStore(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(path + suffix);
    }

    /// <summary>
    /// <c>store-query-figures DB</c>: query medians (25 runs after 3 warm-ups, limit 50) on an existing store, e.g.
    /// one built by <c>nlp index</c> from real pipeline output. Speakers are picked from the store itself: the one
    /// with the most quotes and the median one by quote count.
    /// </summary>
    public static void RunQueries(string db)
    {
        using var store = SqliteAnnotationStore.Open(db, readOnly: true);
        var speakers = store.People(int.MaxValue).Where(p => p.Quotes > 0).ToList();
        var (docs, quotes, entities) = store.Counts();
        Console.WriteLine($"store {db}: {docs} documents, {quotes} quotes, {entities} entities, {speakers.Count} speakers");
        var top = speakers[0].Name;
        var median = speakers[speakers.Count / 2].Name;
        var queries = new (string Name, QuoteQuery Query)[]
        {
            ("unfiltered (baseline)", new QuoteQuery { Limit = 50 }),
            ($"--speaker \"{top}\" (most quotes)", new QuoteQuery { Speaker = top, Limit = 50 }),
            ($"--speaker \"{median}\" (median)", new QuoteQuery { Speaker = median, Limit = 50 }),
            ("--speaker Nguyen (surname)", new QuoteQuery { Speaker = "Nguyen", Limit = 50 }),
            ("--about \"kinh te\" (common)", new QuoteQuery { About = "kinh te", Limit = 50 }),
            ("--about \"an ninh mang\"", new QuoteQuery { About = "an ninh mang", Limit = 50 }),
            ("--about \"hat nhan\"", new QuoteQuery { About = "hat nhan", Limit = 50 }),
            ("--speaker Nguyen --about \"kinh te\"", new QuoteQuery { Speaker = "Nguyen", About = "kinh te", Limit = 50 }),
        };
        foreach (var (name, query) in queries)
        {
            for (var i = 0; i < 3; i++)
                store.FindQuotes(query);
            var w2 = new List<double>();
            var c2 = new List<double>();
            var hits = 0;
            for (var i = 0; i < 25; i++)
            {
                var (w, c) = Measure(() => hits = store.FindQuotes(query).Count);
                w2.Add(w);
                c2.Add(c);
            }
            Console.WriteLine($"  {name,-55} {hits,3} hits  median wall {Median(w2):F2} ms, CPU {Median(c2):F2} ms");
        }
    }

    // CPU time of the calling thread (Linux; 0 elsewhere): on a busy machine, the writing thread's CPU time is
    // a better guide to the load's critical path than wall time.
    private static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var ts) != 0)
            return 0;
        return ts.Seconds * 1000.0 + ts.Nanoseconds / 1e6;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static (double WallMs, double CpuMs) Measure(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        action();
        sw.Stop();
        process.Refresh();
        return (sw.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu0).TotalMilliseconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
