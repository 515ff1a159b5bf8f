using NlpPipeline.Documents;
using NlpPipeline.Entities;

namespace NlpPipeline.Tests.Entities;

public class PerceptronEntityRecognizerTests
{
    public static TheoryData<string, (string Type, string Text)[]> Sentences => new()
    {
        { "Ông Nguyễn Văn An cho biết tại Hà Nội.", [("PER", "Nguyễn Văn An"), ("LOC", "Hà Nội")] },
        { "Ngoại trưởng Mỹ Rex Tillerson đã gặp Tổng thống Nga Vladimir Putin.", [("LOC", "Mỹ"), ("PER", "Rex Tillerson"), ("LOC", "Nga"), ("PER", "Vladimir Putin")] },
        { "Bộ Ngoại giao Việt Nam ra thông cáo chiều qua.", [("ORG", "Bộ Ngoại giao Việt Nam")] },
        // VLSP annotates "tỉnh X" as one location.
        { "Trận lũ làm ngập nhiều xã ở tỉnh Quảng Nam và Quảng Ngãi.", [("LOC", "tỉnh Quảng Nam"), ("LOC", "Quảng Ngãi")] },
        { "Chị Lê Thị Hoa, giáo viên Trường THCS Nguyễn Du, nói với phóng viên.", [("PER", "Lê Thị Hoa"), ("ORG", "Trường THCS Nguyễn Du")] },
        { "trời hôm nay mưa nhỏ và lạnh.", [] },
    };

    public static TheoryData<string> Naughty => ["", " ", "\n\n\n", "\t \u00A0", "...!!!", "😀 Hà Nội 😀", "A", "\uD800", "x\ny\n"];

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Recognize_NewsSentence_FindsExpectedEntities(string text, (string Type, string Text)[] expected)
    {
        var found = PerceptronEntityRecognizer.Default.Recognize(text);

        Assert.Equal(expected, found.Select(e => (e.Type, e.Text)).ToArray());
        Assert.All(found, e => Assert.Equal(e.Text, text[e.Start..e.End]));
    }

    [Theory]
    [MemberData(nameof(Naughty))]
    public void Recognize_OddInput_ReturnsValidSpansWithoutThrowing(string text)
    {
        var found = PerceptronEntityRecognizer.Default.Recognize(text);

        Assert.All(found, e =>
        {
            Assert.InRange(e.Start, 0, e.End - 1);
            Assert.InRange(e.End, e.Start + 1, text.Length);
            Assert.Equal(e.Text, text[e.Start..e.End]);
        });
    }

    [Fact]
    public void Process_DocumentWithTitleEntity_KeepsTitleAndSortsByStart()
    {
        const string text = "Thứ trưởng Syromolotov đến Hà Nội.";
        var title = new Entity("TITLE", 0, 10, "Thứ trưởng");
        var doc = new AnnotatedDocument(new Document("d", text)) { Entities = [title, new Entity("PER", 0, 3, "Thứ")] };

        var result = PerceptronEntityRecognizer.Default.Process(doc);

        Assert.Contains(title, result.Entities);
        Assert.DoesNotContain(new Entity("PER", 0, 3, "Thứ"), result.Entities);
        Assert.Contains(result.Entities, e => e.Type == "LOC" && e.Text == "Hà Nội");
        Assert.Equal(result.Entities.OrderBy(e => e.Start).ToArray(), result.Entities.ToArray());
    }

    [Fact]
    public void Recognize_ParallelCalls_GiveSameResultAsSequential()
    {
        var texts = Sentences.Select(row => (string)row[0]).ToArray();
        var sequential = texts.Select(t => PerceptronEntityRecognizer.Default.Recognize(t).ToArray()).ToArray();

        var parallel = new Entity[texts.Length][];
        Parallel.For(0, texts.Length * 20, i => parallel[i % texts.Length] = PerceptronEntityRecognizer.Default.Recognize(texts[i % texts.Length]).ToArray());

        Assert.Equal(sequential, parallel);
    }
}
