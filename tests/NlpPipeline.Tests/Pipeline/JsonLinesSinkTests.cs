using System.Text;
using NlpPipeline.Documents;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Tests.Pipeline;

public class JsonLinesSinkTests
{
    private static AnnotatedDocument Doc(string id, string text = "Một câu.") =>
        new(new Document(id, text)) { Sentences = [new Sentence(0, text.Length)] };

    public static TheoryData<int> BatchSizes => new() { 1, 64, 64 * 1024 };

    [Theory]
    [MemberData(nameof(BatchSizes))]
    public void Write_ManyRecords_CompleteLinesInOrderAfterFlush(int batchBytes)
    {
        var output = new MemoryStream();
        using (var sink = new JsonLinesSink(output, includeTokens: false, leaveOpen: true, batchBytes: batchBytes))
        {
            for (var i = 0; i < 100; i++)
                sink.Write(Doc($"d{i}"));
            sink.Flush();
            Assert.Equal(100, sink.Count);
        }
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"d{i}"), lines[..^1].Select(l => AnnotatedDocumentJson.Read(l).Document.Id));
    }

    [Fact]
    public void Write_RecordThatCannotBeWritten_NothingPartialLeft()
    {
        var output = new MemoryStream();
        using (var sink = new JsonLinesSink(output, includeTokens: true, leaveOpen: true))
        {
            sink.Write(Doc("ok1"));
            var broken = Doc("bad") with { Tokens = [new Token(0, 999)] }; // a token past the end of the text
            Assert.ThrowsAny<ArgumentException>(() => sink.Write(broken));
            sink.Write(Doc("ok2"));
        }
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["ok1", "ok2"], lines.Select(l => AnnotatedDocumentJson.Read(l).Document.Id));
    }
}
