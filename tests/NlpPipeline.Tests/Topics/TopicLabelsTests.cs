using NlpPipeline.Topics;

namespace NlpPipeline.Tests.Topics;

public class TopicLabelsTests
{
    public static TheoryData<string, string?> Folders => new()
    {
        { "Chinh tri Xa hoi", "politics-society" },
        { "Doi song", "lifestyle" },
        { "Khoa hoc", "science" },
        { "Kinh doanh", "business" },
        { "Phap luat", "law" },
        { "Suc khoe", "health" },
        { "The gioi", "world" },
        { "The thao", "sports" },
        { "Van hoa", "culture" },
        { "Vi tinh", "technology" },
        { "the-gioi", "world" },
        { "Thế giới", "world" },
        { "Chính trị - Xã hội", "politics-society" },
        { "Đời sống", "lifestyle" },
        { "world", "world" },
        { "WORLD", "world" },
        { "giai-tri", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Folders))]
    public void Resolve_GoldFolderName_GivesSlug(string folder, string? expected) =>
        Assert.Equal(expected, TopicLabels.Default.Resolve(folder)?.Slug);

    [Fact]
    public void Default_TenLabels_EachWithVietnameseName()
    {
        var labels = TopicLabels.Default.All;
        Assert.Equal(10, labels.Count);
        Assert.Equal("Sức khỏe", TopicLabels.Default["health"].Name);
        Assert.All(labels, l => Assert.False(string.IsNullOrWhiteSpace(l.Name)));
    }

    [Fact]
    public void Parse_AliasOfTwoSlugs_Throws() =>
        Assert.Throws<FormatException>(() => TopicLabels.Parse(["a\tA\tx", "b\tB\tx"]));
}
