using NlpPipeline.Documents.Readers;

namespace NlpPipeline.Tests.Documents.Readers;

public class ArchiveRecordParserTests
{
    [Fact]
    public void TryParse_SeedArticle_SplitsDateLeadTitleBody()
    {
        var text = File.ReadAllText(RepositoryFiles.SeedArticle);
        Assert.True(ArchiveRecordParser.TryParse("seed", text, out var doc));
        Assert.Equal("2021-11", doc.Date);
        Assert.StartsWith("Ngày 3/11, Ủy ban thứ nhất", doc.Lead, StringComparison.Ordinal);
        Assert.Equal("Dự thảo nghị quyết của Nga-Mỹ về an ninh mạng được ủng hộ", doc.Title);
        Assert.StartsWith(doc.Title + "\n\nNgày 3/11,", doc.Text, StringComparison.Ordinal);
        Assert.EndsWith("(TTXVN/Vietnam+)", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{title}", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("date 2021", doc.Text, StringComparison.Ordinal);
        Assert.Equal(text.AsSpan().TrimEnd().ToString(), text[..text.IndexOf(doc.Title!, StringComparison.Ordinal)] + doc.Text);
    }

    public static TheoryData<string, string?, string?, string?, string> LayoutCases => new()
    {
        { "date 2020-01 Tóm tắt.\n{title}\nTiêu đề\nThân bài.", "2020-01", "Tóm tắt.", "Tiêu đề", "Tiêu đề\nThân bài." },
        { "  date 2020-01-31\n\n{title}\n\n  Tiêu đề  \n\nThân bài.\n\n", "2020-01-31", null, "Tiêu đề", "Tiêu đề  \n\nThân bài." },
        { "date 2020-01 Chỉ có tiêu đề\n{title}\nTiêu đề", "2020-01", "Chỉ có tiêu đề", "Tiêu đề", "Tiêu đề" },
    };

    [Theory]
    [MemberData(nameof(LayoutCases))]
    public void TryParse_ArchiveLayout_FieldsAndTextFromTitle(string input, string? date, string? lead, string? title, string text)
    {
        Assert.True(ArchiveRecordParser.TryParse("x", input, out var doc));
        Assert.Equal(date, doc.Date);
        Assert.Equal(lead, doc.Lead);
        Assert.Equal(title, doc.Title);
        Assert.Equal(text, doc.Text);
    }

    public static TheoryData<string> PlainCases => new()
    {
        "Một bài báo bình thường.\nDòng hai.",
        "date 2020-01 Không có dấu tiêu đề.\nThân bài.",
        "date tomorrow\n{title}\nTiêu đề",
        "date 2020-01 lead\n{title}\n\n",
        "{title}\nTiêu đề",
        "",
    };

    [Theory]
    [MemberData(nameof(PlainCases))]
    public void CreateDocument_OtherText_PlainDocumentUnchanged(string input)
    {
        var doc = ArchiveRecordParser.CreateDocument("x", input);
        Assert.Equal(input, doc.Text);
        Assert.Null(doc.Title);
        Assert.Null(doc.Date);
    }
}
