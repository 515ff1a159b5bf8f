using System.Text;
using NlpPipeline.Documents;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Tests.Pipeline;

public class AnnotationPipelineTests
{
    private static IEnumerable<AnnotatedDocument> Documents(int count) =>
        Enumerable.Range(0, count).Select(i => new AnnotatedDocument(new Document($"d{i}", $"Văn bản {i}. Câu hai.")) { Sequence = i });

    /// <summary>Sleeps a pseudo-random, seeded time per document so that workers finish out of order.</summary>
    private sealed class JitterStage(int seed) : IDocumentStage
    {
        public string Name => "jitter";

        public AnnotatedDocument Process(AnnotatedDocument document)
        {
            var delay = new Random(seed + (int)document.Sequence).Next(0, 3);
            Thread.Sleep(delay);
            return document with { Tokens = [new Token(0, 3)] };
        }
    }

    private sealed class FailingStage(Func<AnnotatedDocument, bool> failsOn) : IDocumentStage
    {
        public string Name => "faulty";

        public AnnotatedDocument Process(AnnotatedDocument document) =>
            failsOn(document) ? throw new InvalidOperationException($"boom at {document.Document.Id}") : document;
    }

    private sealed class ListSink : IDocumentSink
    {
        public List<AnnotatedDocument> Written { get; } = [];
        public int Flushes { get; private set; }
        public Func<AnnotatedDocument, bool> FailsOn { get; init; } = _ => false;

        public void Write(AnnotatedDocument document)
        {
            if (FailsOn(document))
                throw new IOException("disk full");
            Written.Add(document);
        }

        public void Flush() => Flushes++;

        public void Dispose() { }
    }

    public static TheoryData<int, int> OrderCases => new() { { 1, 50 }, { 2, 200 }, { 4, 200 }, { 8, 64 } };

    [Theory]
    [MemberData(nameof(OrderCases))]
    public async Task RunAsync_SeveralWorkers_OutputInInputOrder(int workers, int count)
    {
        var pipeline = new AnnotationPipeline([new JitterStage(17)], new PipelineOptions { Workers = workers, MaxInFlight = 8 });
        var sink = new ListSink();
        var counters = await pipeline.RunAsync(Documents(count), sink);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"d{i}"), sink.Written.Select(d => d.Document.Id));
        Assert.All(sink.Written, d => Assert.Single(d.Tokens));
        Assert.Equal(count, counters.Documents);
        Assert.Equal(0, counters.Errors);
        Assert.True(sink.Flushes >= 1);
    }

    public static TheoryData<int> FaultPositions => new() { 0, 17, 39 };

    [Theory]
    [MemberData(nameof(FaultPositions))]
    public async Task RunAsync_StageThrowsForOneDocument_ErrorRecordInPlaceOthersIntact(int position)
    {
        var pipeline = new AnnotationPipeline(
            [new FailingStage(d => d.Sequence == position), new JitterStage(3)],
            new PipelineOptions { Workers = 3 });
        var sink = new ListSink();
        var counters = await pipeline.RunAsync(Documents(40), sink);
        Assert.Equal(40, sink.Written.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"d{i}"), sink.Written.Select(d => d.Document.Id));
        var failed = Assert.Single(sink.Written, d => d.Error is not null);
        Assert.Equal(position, failed.Sequence);
        Assert.Equal($"faulty: InvalidOperationException: boom at d{position}", failed.Error);
        Assert.Equal($"Văn bản {position}. Câu hai.", failed.Text);
        Assert.All(sink.Written.Where(d => d.Error is null), d => Assert.Single(d.Tokens));
        Assert.Equal(1, counters.Errors);
    }

    [Theory]
    [MemberData(nameof(FaultPositions))]
    public async Task RunAsync_InputFails_PipelineExceptionWithCauseAfterEarlierDocuments(int position)
    {
        IEnumerable<AnnotatedDocument> Failing()
        {
            foreach (var d in Documents(40))
            {
                if (d.Sequence == position)
                    throw new IOException("device gone");
                yield return d;
            }
        }
        var sink = new ListSink();
        var ex = await Assert.ThrowsAsync<PipelineException>(() => new AnnotationPipeline([new JitterStage(5)], new PipelineOptions { Workers = 2 }).RunAsync(Failing(), sink));
        Assert.IsType<IOException>(ex.InnerException);
        Assert.Contains("input", ex.Message, StringComparison.Ordinal);
        Assert.True(sink.Written.Count <= position);
        Assert.Equal(Enumerable.Range(0, sink.Written.Count).Select(i => $"d{i}"), sink.Written.Select(d => d.Document.Id));
    }

    [Theory]
    [MemberData(nameof(FaultPositions))]
    public async Task RunAsync_SinkFails_PipelineExceptionWithCause(int position)
    {
        var sink = new ListSink { FailsOn = d => d.Sequence == position };
        var ex = await Assert.ThrowsAsync<PipelineException>(() => new AnnotationPipeline([], new PipelineOptions { Workers = 2 }).RunAsync(Documents(40), sink));
        Assert.Equal("disk full", ex.InnerException?.Message);
        Assert.Equal(position, sink.Written.Count);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsWithCompleteLinesOnly()
    {
        using var cts = new CancellationTokenSource();
        var output = new MemoryStream();
        var stage = new CancelAfter(25, cts);
        using (var sink = new JsonLinesSink(output, includeTokens: false, leaveOpen: true, batchBytes: 100))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                new AnnotationPipeline([stage], new PipelineOptions { Workers = 2 }).RunAsync(Documents(10_000), sink, cancellationToken: cts.Token));
        }
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 1, 9_999);
        Assert.Equal(Enumerable.Range(0, lines.Length).Select(i => $"d{i}"), lines.Select(l => AnnotatedDocumentJson.Read(l).Document.Id));
    }

    private sealed class CancelAfter(int count, CancellationTokenSource cts) : IDocumentStage
    {
        private int _seen;

        public string Name => "cancel";

        public AnnotatedDocument Process(AnnotatedDocument document)
        {
            if (Interlocked.Increment(ref _seen) == count)
                cts.Cancel();
            return document;
        }
    }

    [Fact]
    public void Process_DocumentWithError_PassedThroughWithoutStages()
    {
        var pipeline = new AnnotationPipeline([new FailingStage(_ => true)]);
        var failed = AnnotatedDocument.Failed("x", "invalid UTF-8", 4);
        Assert.Same(failed, pipeline.Process(failed));
    }

    [Fact]
    public async Task RunAsync_DefaultStagesOnReaderOutput_SentencesWithinText()
    {
        var docs = new NlpPipeline.Documents.Readers.DocumentReader().Read([RepositoryFiles.SeedArticle]);
        var sink = new ListSink();
        await new AnnotationPipeline(DefaultStages.Create()).RunAsync(docs, sink);
        var doc = Assert.Single(sink.Written);
        Assert.Null(doc.Error);
        Assert.Equal(12, doc.Sentences.Length); // title, 2 of the first paragraph, caption, credit, 6 paragraphs, agency
        Assert.All(doc.Sentences, s => Assert.InRange(s.End, s.Start + 1, doc.Text.Length));
    }
}
