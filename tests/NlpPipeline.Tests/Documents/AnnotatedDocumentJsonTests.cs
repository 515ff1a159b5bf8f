using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using NlpPipeline.Documents;

namespace NlpPipeline.Tests.Documents;

public class AnnotatedDocumentJsonTests
{
    private const string Text = "Thứ trưởng Ngoại giao Nga Oleg Syromolotov cho rằng “hai bên cùng có lợi”.";

    private static AnnotatedDocument Full()
    {
        var meta = JsonDocument.Parse("""{"author":"Lan","n":[1,2]}""").RootElement;
        var doc = new Document("the-gioi/1.txt", Text)
        {
            Date = "2021-11", Title = "Tiêu đề", Lead = "Tóm tắt", Url = "https://x.vn/1", Source = "TTXVN", GoldTopic = "the-gioi",
            Meta = ImmutableDictionary<string, JsonElement>.Empty.Add("author", meta.GetProperty("author").Clone()).Add("n", meta.GetProperty("n").Clone()),
        };
        return new AnnotatedDocument(doc)
        {
            Sentences = [new Sentence(0, Text.Length)],
            Tokens = [new Token(0, 10), new Token(11, 21)],
            Entities =
            [
                new Entity(EntityTypes.Title, 0, 25, "Thứ trưởng Ngoại giao Nga") { Ref = "e2", PersonRef = "e1" },
                new Entity(EntityTypes.Person, 26, 42, "Oleg Syromolotov") { Ref = "e1", Confidence = 0.9312 },
            ],
            Quotes =
            [
                new Quote(QuoteTypes.Direct, 53, 72, "hai bên cùng có lợi")
                {
                    Cue = "cho rằng", CueStart = 43, CueEnd = 51, Confidence = 0.93,
                    Speaker = new Speaker("Oleg Syromolotov", "Oleg Syromolotov", "PER") { Ref = "e1", Title = "Thứ trưởng Ngoại giao Nga", MentionStart = 26, MentionEnd = 42 },
                },
                new Quote(QuoteTypes.Indirect, 0, 5, "Thứ t") { Confidence = 0.5 },
            ],
            Topic = new TopicAssignment("the-gioi", 0.97) { Name = "Thế giới", Alternatives = [new TopicScore("chinh-tri", 0.02)], Subtopics = ["an-ninh"] },
        };
    }

    private static string Line(AnnotatedDocument doc, bool tokens = true) => Encoding.UTF8.GetString(AnnotatedDocumentJson.ToUtf8Line(doc, tokens));

    [Fact]
    public void Read_WrittenRecord_RoundTripsEveryField()
    {
        var original = Full();
        var back = AnnotatedDocumentJson.Read(Line(original), sequence: 7);
        Assert.Equal(original.Document with { Meta = back.Document.Meta }, back.Document);
        Assert.Equal(["author", "n"], back.Document.Meta.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("[1,2]", back.Document.Meta["n"].GetRawText());
        Assert.Equal(7, back.Sequence);
        Assert.Equal(original.Sentences.AsEnumerable(), back.Sentences);
        Assert.Equal(original.Tokens.AsEnumerable(), back.Tokens);
        Assert.Equal(original.Entities.AsEnumerable(), back.Entities);
        Assert.Equal(original.Quotes.Length, back.Quotes.Length);
        Assert.Equal(original.Quotes[0] with { Speaker = null }, back.Quotes[0] with { Speaker = null });
        Assert.Equal(original.Quotes[0].Speaker, back.Quotes[0].Speaker);
        Assert.Equal(original.Quotes[1], back.Quotes[1]);
        Assert.Equal(original.Topic! with { Alternatives = [], Subtopics = [] }, back.Topic! with { Alternatives = [], Subtopics = [] });
        Assert.Equal(original.Topic!.Alternatives.AsEnumerable(), back.Topic!.Alternatives);
        Assert.Equal(original.Topic.Subtopics.AsEnumerable(), back.Topic.Subtopics);
        Assert.Equal(Line(original), Line(back));
    }

    [Fact]
    public void ToUtf8Line_Vietnamese_WrittenUnescapedOnOneLine()
    {
        var line = Line(Full());
        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.Single(line.Split('\n'), s => s.Length > 0);
        Assert.Contains("\"text\":\"Thứ trưởng Ngoại giao Nga", line, StringComparison.Ordinal);
        Assert.Contains("“hai bên cùng có lợi”", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ToUtf8Line_FieldNames_AsInContract()
    {
        using var json = JsonDocument.Parse(Line(Full()));
        var root = json.RootElement;
        Assert.Equal(["id", "date", "title", "lead", "url", "source", "gold_topic", "meta", "text", "sentences", "tokens", "entities", "quotes", "topic"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("e1", root.GetProperty("entities")[0].GetProperty("person").GetString());
        var quote = root.GetProperty("quotes")[0];
        Assert.Equal(["type", "cue", "cue_start", "cue_end", "content", "start", "end", "speaker", "confidence"], quote.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["name", "mention", "kind", "ref", "title", "mention_start", "mention_end"], quote.GetProperty("speaker").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("quotes")[1].GetProperty("speaker").ValueKind);
        Assert.Equal(["label", "score", "name", "alternatives", "subtopics"], root.GetProperty("topic").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void ToUtf8Line_WithoutTokens_NoTokensField()
    {
        using var json = JsonDocument.Parse(Line(Full(), tokens: false));
        Assert.False(json.RootElement.TryGetProperty("tokens", out _));
    }

    [Fact]
    public void ToUtf8Line_ErrorRecord_IdTextErrorNoAnnotations()
    {
        var failed = AnnotatedDocument.Failed("bad.txt", "invalid UTF-8", 3);
        var line = Line(failed);
        Assert.Equal("""{"id":"bad.txt","text":"","error":"invalid UTF-8"}""" + "\n", line);
        var back = AnnotatedDocumentJson.Read(line);
        Assert.Equal(("bad.txt", "invalid UTF-8"), (back.Document.Id, back.Error));
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("""{"text":"x"}""")]
    [InlineData("""{"id":"a","text":"x""")]
    public void Read_Malformed_Throws(string json) =>
        Assert.ThrowsAny<JsonException>(() => AnnotatedDocumentJson.Read(Encoding.UTF8.GetBytes(json)));
}
