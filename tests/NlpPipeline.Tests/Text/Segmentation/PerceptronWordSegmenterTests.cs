using NlpPipeline.Documents;
using NlpPipeline.Text.Segmentation;

namespace NlpPipeline.Tests.Text.Segmentation;

public class PerceptronWordSegmenterTests
{
    private static readonly PerceptronWordSegmenter Segmenter = new();

    private static string[] Words(string text) => Segmenter.Segment(text).Select(t => text[t.Start..t.End]).ToArray();

    public static TheoryData<string, string[]> HardCases => new()
    {
        // multi-syllable words and names (VLSP 2013 convention: a full name is one word)
        { "Chính phủ Việt Nam giải quyết các vấn đề an ninh", ["Chính phủ", "Việt Nam", "giải quyết", "các", "vấn đề", "an ninh"] },
        { "chiến sĩ thông tin Nguyễn Văn Thạc hy sinh", ["chiến sĩ", "thông tin", "Nguyễn Văn Thạc", "hy sinh"] },
        // numbers, dates, percentages stay whole and alone
        { "Ngày 3/11, giá tăng 21,5% lên 1.000.000 đồng", ["Ngày", "3/11", ",", "giá", "tăng", "21,5%", "lên", "1.000.000", "đồng"] },
        // abbreviations
        { "đội tuyển U23 về TP.HCM", ["đội tuyển", "U23", "về", "TP.HCM"] },
        // all-caps headline
        { "CHÍNH PHỦ VIỆT NAM HỌP VỀ AN NINH", ["CHÍNH PHỦ", "VIỆT NAM", "HỌP", "VỀ", "AN NINH"] },
        // text typed without diacritics
        { "Chinh phu Viet Nam giai quyet cac van de an ninh", ["Chinh phu", "Viet Nam", "giai quyet", "cac", "van de", "an ninh"] },
        // emoji, zero-width and no-break spaces
        { "Thời tiết 😀 hôm nay", ["Thời tiết", "😀", "hôm nay"] },
        { "an\u00A0ninh và\u200Bchính\u00A0phủ", ["an\u00A0ninh", "và", "chính\u00A0phủ"] },
    };

    [Theory]
    [MemberData(nameof(HardCases))]
    public void Segment_HardCases_FollowsGoldConvention(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    public static TheoryData<string, string> ForeignNames => new()
    {
        { "Thứ trưởng Ngoại giao Nga Sergei Ryabkov và ông Oleg Syromolotov đã gặp nhau", "Syromolotov" },
        { "Cùng ngày, Thứ trưởng Ngoại giao Nga Oleg Syromolotov đánh giá rằng", "Syromolotov" },
        { "Bộ trưởng Ngoại giao Mỹ John Kerry cho biết", "Kerry" },
        { "ông Jeffrey Eberhardt cho rằng việc Mỹ và Nga cùng dự thảo", "Eberhardt" },
        { "Theo Eberhardt, hai nước có thể hợp tác", "Eberhardt" },
    };

    [Theory]
    [MemberData(nameof(ForeignNames))]
    public void Segment_ForeignName_NotGluedToVietnameseNeighbours(string text, string name)
    {
        var word = Words(text).Single(w => w.Contains(name, StringComparison.Ordinal));
        Assert.True(word.Split(' ').All(s => char.IsUpper(s[0])), $"'{word}' glues a lower-case neighbour to {name}");
        Assert.DoesNotContain("Nga", word.Split(' '));
        Assert.DoesNotContain("Mỹ", word.Split(' '));
    }

    public static TheoryData<string> RoundTripTexts => new()
    {
        string.Empty,
        " ",
        "\n\n\t ",
        "\u00A0\u200B\uFEFF",
        "Dự thảo nghị quyết của Nga-Mỹ về an ninh mạng được ủng hộ.\n\nẢnh minh họa. (Nguồn: iStock)",
        "null undefined NaN \\0 %s %d {0} <script>alert(1)</script> ' OR 1=1 --",
        "Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳",
        "👨‍👩‍👧‍👦🇻🇳\uD800 lẻ surrogate \uDC00 ở giữa",
        "ﷺ 𝕋𝕖𝕤𝕥 ٩(̾●̮̮̃̾•̃̾)۶ 田中さんにあげて下さい",
        "a\r\nb\tc\u2028d\u0085e",
    };

    [Theory]
    [MemberData(nameof(RoundTripTexts))]
    public void Segment_AnyText_WordsAndGapsRebuildInput(string text)
    {
        var words = Segmenter.Segment(text);
        var rebuilt = new System.Text.StringBuilder();
        var position = 0;
        foreach (var word in words)
        {
            Assert.True(word.Start >= position && word.End > word.Start && word.End <= text.Length);
            var gap = text[position..word.Start];
            Assert.True(gap.All(c => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format), $"gap '{gap}' holds text");
            rebuilt.Append(gap).Append(text, word.Start, word.End - word.Start);
            position = word.End;
        }
        Assert.True(text[position..].All(c => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format));
        rebuilt.Append(text, position, text.Length - position);
        Assert.Equal(text, rebuilt.ToString());
    }

    [Fact]
    public void Process_WithSentences_SegmentsEachSentenceWithDocumentOffsets()
    {
        const string text = "Ông Nguyễn Văn Thạc nói. Chính phủ Việt Nam họp.";
        var doc = new AnnotatedDocument(new Document("d", text)) { Sentences = [new Sentence(0, 24), new Sentence(25, text.Length)] };
        var tokens = Segmenter.Process(doc).Tokens;
        Assert.Contains(new Token(25, 34), tokens); // Chính phủ
        Assert.All(tokens, t => Assert.True(t.End <= 24 || t.Start >= 25));
    }

    [Fact]
    public void Process_WithoutSentences_SegmentsWholeText()
    {
        var doc = new AnnotatedDocument(new Document("d", "an ninh mạng"));
        Assert.Equal([new Token(0, 7), new Token(8, 12)], Segmenter.Process(doc).Tokens.ToArray());
    }

    [Fact]
    public void DefaultStages_RunInOrder_FillsTokensInsideSentences()
    {
        var doc = new AnnotatedDocument(new Document("d", "Ông Nguyễn Văn Thạc nói. Chính phủ Việt Nam họp."));
        foreach (var stage in NlpPipeline.Pipeline.DefaultStages.Create())
            doc = stage.Process(doc);
        Assert.NotEmpty(doc.Sentences);
        Assert.Contains(doc.Tokens, t => doc.Text[t.Start..t.End] == "Chính phủ");
        Assert.All(doc.Tokens, t => Assert.Contains(doc.Sentences, s => s.Start <= t.Start && t.End <= s.End));
    }
}
