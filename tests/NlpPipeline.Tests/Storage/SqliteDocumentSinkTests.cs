using NlpPipeline.Storage;

namespace NlpPipeline.Tests.Storage;

public sealed class SqliteDocumentSinkTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_FullBatch_CommitsBeforeFlushAndFlushMakesTheRestQueryable()
    {
        var path = _dir.File("sink.db");
        using var sink = SqliteDocumentSink.Open(path, batchSize: 2);
        using var reader = SqliteAnnotationStore.Open(path, readOnly: true);

        sink.Write(SeedArticleFixture.Load("a.txt"));
        Assert.Equal(0L, reader.Counts().Documents);
        sink.Write(SeedArticleFixture.Load("b.txt"));
        Assert.Equal(2L, reader.Counts().Documents);
        sink.Write(StoreDocs.Make("c.txt", "2022-01", ("Syromolotov", "ông Syromolotov", null, "Ông Syromolotov nói hai nước cần đối thoại.")));
        sink.Flush();

        Assert.Equal(3L, sink.Count);
        Assert.Equal(9, reader.FindQuotes(new QuoteQuery { Speaker = "Oleg Syromolotov" }).Count);
    }
}
