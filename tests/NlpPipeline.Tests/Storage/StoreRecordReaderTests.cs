using System.Text;
using System.Text.Json;
using NlpPipeline.Documents;
using NlpPipeline.Storage;

namespace NlpPipeline.Tests.Storage;

public sealed class StoreRecordReaderTests
{
    // Texts whose JSON needs escapes (line breaks, quotes, a backslash) or holds surrogate pairs.
    public static TheoryData<string> Texts => new()
    {
        "Ông Oleg Syromolotov nói “hai bên cùng có lợi”.",
        "Dòng một.\nDòng \"hai\"\t\\ba.\r\nHết.",
        "Biểu tượng 😀 và 𝔸 ở đây.",
        "",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Read_WrittenRecord_GivesWhatTheStoreWritesAndTheTextLength(string text)
    {
        var doc = SeedArticleFixture.Load();
        var original = doc with
        {
            Document = doc.Document with { Text = text, Date = "2021-11", Title = "Tiêu đề", Url = "https://x.vn/1", Source = "TTXVN", GoldTopic = "the-gioi", Lead = "Tóm tắt" },
            Sentences = [new Sentence(0, text.Length)],
            Topic = new TopicAssignment("the-gioi", 0.97) { Name = "Thế giới", Alternatives = [new TopicScore("chinh-tri", 0.02)], Subtopics = ["an-ninh"] },
        };
        var line = AnnotatedDocumentJson.ToUtf8Line(original, includeTokens: true);
        var full = AnnotatedDocumentJson.Read(line, sequence: 3);

        var (read, textLength) = new StoreRecordReader().Read(line, sequence: 3);

        Assert.Equal(text.Length, textLength);
        Assert.Equal(full.Document with { Text = "", Lead = null, Meta = read.Document.Meta }, read.Document);
        Assert.Equal(3, read.Sequence);
        Assert.Equal(full.Entities.Select(e => e with { Confidence = null }), read.Entities);
        Assert.Equal(full.Quotes.Select(q => q with { Speaker = null }), read.Quotes.Select(q => q with { Speaker = null }));
        Assert.Equal(full.Quotes.Select(q => q.Speaker), read.Quotes.Select(q => q.Speaker));
        Assert.Equal(full.Topic! with { Alternatives = [], Subtopics = [] }, read.Topic! with { Alternatives = [], Subtopics = [] });
        Assert.Equal(full.Topic!.Alternatives.AsEnumerable(), read.Topic!.Alternatives);
        Assert.Equal(full.Topic.Subtopics.AsEnumerable(), read.Topic.Subtopics);
        Assert.Empty(read.Sentences);
    }

    // JSON string values as written in a record, escapes included.
    public static TheoryData<string> EscapedValues => new()
    {
        "plain ascii",
        "Dòng một\\nDòng hai\\r\\n\\t\\\"trích\\\" \\\\ \\/",
        "\\u0001\\u00e0\\u1ea1",
        "\\ud83d\\ude00 và 😀", // a surrogate pair escaped, then the same one in UTF-8
        "",
    };

    [Theory]
    [MemberData(nameof(EscapedValues))]
    public void UnescapedUtf16Length_EscapedValue_IsTheLengthOfTheUnescapedString(string escaped)
    {
        var json = Encoding.UTF8.GetBytes("\"" + escaped + "\"");

        Assert.Equal(JsonSerializer.Deserialize<string>(json)!.Length, StoreRecordReader.UnescapedUtf16Length(json.AsSpan(1, json.Length - 2)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ascii only, longer than one vector of thirty-two bytes")]
    [InlineData("Ông Oleg Syromolotov nói “hai bên cùng có lợi”, đặc biệt là an ninh mạng.")]
    [InlineData("😀 𝔸 và 你好 ở cuối: ạ😀")]
    public void Utf16Length_ValidUtf8_SameAsGetCharCount(string text)
    {
        // Every start offset, so that each byte falls both in the vector part and in the tail.
        var utf8 = Encoding.UTF8.GetBytes(text + text + text);
        for (var start = 0; start < utf8.Length; start++)
        {
            if ((utf8[start] & 0xC0) == 0x80)
                continue;
            Assert.Equal(Encoding.UTF8.GetCharCount(utf8.AsSpan(start)), StoreRecordReader.Utf16Length(utf8.AsSpan(start)));
        }
    }

    [Fact]
    public void Read_ErrorRecord_KeepsTheError()
    {
        var line = AnnotatedDocumentJson.ToUtf8Line(AnnotatedDocument.Failed("x.txt", "unreadable", 0), includeTokens: false);

        var (read, textLength) = new StoreRecordReader().Read(line, 0);

        Assert.Equal(("x.txt", "unreadable", 0), (read.Document.Id, read.Error, textLength));
    }

    [Fact]
    public void Read_RefsAndLabelsRecurring_SameValuesAsOneStringEach()
    {
        static byte[] Line(string id, string @ref) => Encoding.UTF8.GetBytes(
            $$$"""{"id": "{{{id}}}", "entities": [{"type": "PER", "start": 0, "end": 1, "text": "A", "ref": "{{{@ref}}}"}], "topic": {"label": "the-gioi", "score": 1.0}}""");
        var reader = new StoreRecordReader();

        var (first, _) = reader.Read(Line("a", "e1"), 0);
        var (second, _) = reader.Read(Line("b", "e1"), 1);
        var (escaped, _) = reader.Read(Line("c", "e\u0031"), 2);
        var (other, _) = reader.Read(Line("d", "e2"), 3);

        Assert.Equal(["e1", "e1", "e1", "e2"], new[] { first, second, escaped, other }.Select(d => d.Entities[0].Ref));
        Assert.Same(first.Entities[0].Ref, second.Entities[0].Ref);
        Assert.Same(first.Topic!.Label, other.Topic!.Label);
    }

    [Fact]
    public void Read_EntityTextsRecurring_SameTextAsOneStringEach()
    {
        static byte[] Line(params string[] texts) => Encoding.UTF8.GetBytes("{\"id\": \"a\", \"entities\": ["
            + string.Join(",", texts.Select(t => $$$"""{"type": "LOC", "start": 0, "end": 1, "text": "{{{t}}}"}""")) + "]}");
        var reader = new StoreRecordReader();

        var (first, _) = reader.Read(Line("Hà Nội", "Việt Nam", "Hà Nội"), 0);
        var (second, _) = reader.Read(Line("Việt Nam", "H\u00e0 N\u1ed9i", new string('x', 60)), 1);

        Assert.Equal(["Hà Nội", "Việt Nam", "Hà Nội", "Việt Nam", "Hà Nội", new string('x', 60)],
            first.Entities.Concat(second.Entities).Select(e => e.Text));
        Assert.Same(first.Entities[0].Text, first.Entities[2].Text);
        Assert.Same(first.Entities[1].Text, second.Entities[0].Text);
    }

    public static TheoryData<string> Malformed => new()
    {
        "[1, 2]",
        """{"text": "a"}""",
        """{"id": "a", "quotes": [{"type": "direct", "start": 0, "end": 1}]}""",
        """{"id": "a", "entities": [{"type": "PER", "start": 0, "text": "A"}]}""",
        """{"id": "a", "text": "a" """,
        """{"id": "a", "quotes": [{"type": "direct", "start": 0, "end": 1, "content": "a", "speaker": {"name": "A"}}]}""",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Read_MalformedRecord_ThrowsJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => new StoreRecordReader().Read(Encoding.UTF8.GetBytes(json), 0));

    // Records whose text value the store reader scans itself (SkipText): each is accepted or refused as a JSON reader
    // reading the whole record accepts or refuses it, and an accepted text has its UTF-16 length.
    public static TheoryData<byte[], int> TextValues => new()
    {
        { Encoding.UTF8.GetBytes("""{"id": "a", "text" :  "Dòng\nhai \u1ea1\ud83d\ude00 \"x\" \\ \/", "entities": [{"type": "PER", "start": 0, "end": 1, "text": "A"}]}"""), 20 },
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": null, "quotes": []}"""), 0 },
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": 12}"""), 0 },
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": ""}"""), 0 },
        { Encoding.UTF8.GetBytes("{\"id\": \"a\", \"text\": \"x\ty\"}"), -1 }, // a raw tab
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": "x\qy"}"""), -1 },
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": "x\u12"}"""), -1 },
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": "x\u12g4"}"""), -1 },
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": "x\"""), -1 },
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": "xy"""), -1 },
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": "xy" "quotes": []}"""), -1 },
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": "xy",}"""), -1 },
        { Encoding.UTF8.GetBytes("""{"id": "a", "text": "xy"]"""), -1 },
        { [.. "{\"id\": \"a\", \"text\": \"x"u8, 0xC3, 0x28, .. "y\"}"u8], Encoding.UTF8.GetCharCount([(byte)'x', 0xC3, 0x28, (byte)'y']) },
    };

    [Theory]
    [MemberData(nameof(TextValues))]
    public void Read_TextValue_AcceptedAsAJsonReaderAcceptsTheRecord(byte[] line, int length)
    {
        static bool ReaderAccepts(byte[] json)
        {
            try
            {
                var reader = new Utf8JsonReader(json);
                while (reader.Read())
                {
                }
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        var accepted = ReaderAccepts(line);

        Assert.Equal(length >= 0, accepted);
        if (accepted)
            Assert.Equal(length, new StoreRecordReader().Read(line, 0).TextLength);
        else
            Assert.ThrowsAny<JsonException>(() => new StoreRecordReader().Read(line, 0));
    }

    [Fact]
    public void Read_TextThenMoreProperties_ReadsThemAfterTheText()
    {
        var line = Encoding.UTF8.GetBytes("""{"text": "a\nb", "id": "x", "entities": [{"type": "PER", "start": 0, "end": 1, "text": "A", "ref": "e1"}], "text": "abcd", "title": "T"}""");

        var (read, length) = new StoreRecordReader().Read(line, 0);

        Assert.Equal(("x", "T", 4, "A"), (read.Document.Id, read.Document.Title, length, read.Entities.Single().Text));
    }
}
