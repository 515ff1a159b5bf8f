using System.Text;
using NlpPipeline.Documents.Readers;

namespace NlpPipeline.Tests.Documents.Readers;

public class JsonLineParserTests
{
    [Fact]
    public void Parse_FullRecord_KnownFieldsAndMeta()
    {
        var line = """{"id":"a1","text":"Hà Nội\r\nngày 3/11","title":"Tin","date":"2021-11","url":"https://x.vn/a","source":"TTXVN","topic":"the-gioi","author":"Lan","tags":["x"]}""";
        var doc = JsonLineParser.Parse(Encoding.UTF8.GetBytes(line), "f:1");
        Assert.Equal("a1", doc.Id);
        Assert.Equal("Hà Nội\nngày 3/11", doc.Text);
        Assert.Equal(("Tin", "2021-11", "https://x.vn/a", "TTXVN", "the-gioi"), (doc.Title, doc.Date, doc.Url, doc.Source, doc.GoldTopic));
        Assert.Equal(["author", "tags"], doc.Meta.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Lan", doc.Meta["author"].GetString());
    }

    public static TheoryData<string, string> IdCases => new()
    {
        { """{"id": 42, "text": "x"}""", "42" },
        { """{"text": "x"}""", "f:7" },
        { """{"id": null, "text": "x"}""", "f:7" },
    };

    [Theory]
    [MemberData(nameof(IdCases))]
    public void Parse_IdForms_IdOrFallback(string line, string expected) =>
        Assert.Equal(expected, JsonLineParser.Parse(Encoding.UTF8.GetBytes(line), "f:7").Id);

    public static TheoryData<byte[], string> BadCases => new()
    {
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": "x"""), "invalid JSON" },
        { Encoding.UTF8.GetBytes("""{"id": "a"}"""), "no \"text\"" },
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": "  "}"""), "empty text" },
        { Encoding.UTF8.GetBytes("""["a"]"""), "JSON object" },
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": {"x": 1}}"""), "\"text\" must be a string" },
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": "x"} {}"""), "invalid JSON" },
        { [.. Encoding.UTF8.GetBytes("""{"id": "a", "text": "x"""), 0xFF, .. Encoding.UTF8.GetBytes("\"}")], "invalid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(BadCases))]
    public void Parse_BadRecord_ThrowsWithReason(byte[] line, string reason)
    {
        var ex = Assert.Throws<DocumentReadException>(() => JsonLineParser.Parse(line, "f:1"));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": "a", "text": 5""", "a")]
    [InlineData("""{"x": {"id": "no"}, "id": "b"}""", "b")]
    [InlineData("""not json""", null)]
    public void TryReadId_PartialRecord_IdWhenReadable(string line, string? expected) =>
        Assert.Equal(expected, JsonLineParser.TryReadId(Encoding.UTF8.GetBytes(line)));
}
