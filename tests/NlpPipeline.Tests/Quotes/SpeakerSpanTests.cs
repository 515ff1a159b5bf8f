using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

/// <summary>
/// Span and title rules of SpeakerResolver on invented sentences: an unnamed group, description or body keeps its place tail
/// (QUOTES.md: a group's fullest span); a capitalised common noun after a title completes the title and names nobody.
/// </summary>
public class SpeakerSpanTests
{
    private static readonly QuoteExtractor Extractor = new();

    /// <summary>Text, the start of one quote's content, and the speaker expected for it.</summary>
    public static TheoryData<string, string, string, string> Speakers => new()
    {
        { "group with ở", "Các tiểu thương ở Đà Lạt cho biết giá rau đã tăng gấp đôi.", "giá rau", "Các tiểu thương ở Đà Lạt" },
        { "quantified group with ở", "Một số hộ dân ở Quảng Nam cho biết nước lũ đã rút.", "nước lũ", "Một số hộ dân ở Quảng Nam" },
        { "lower-case place with trong", "Các giáo viên trong trường nhận định, học sinh đã tiến bộ nhiều.", "học sinh", "Các giáo viên trong trường" },
        { "body of a country with tại", "Giới chức y tế Lào tại Viêng Chăn cho biết dịch đã được kiểm soát.", "dịch đã", "Giới chức y tế Lào tại Viêng Chăn" },
        { "representative with ở", "Đại diện một nhà máy ở Bình Dương cho rằng, đơn hàng đang giảm mạnh.", "đơn hàng", "Đại diện một nhà máy ở Bình Dương" },
        { "bracketed place", "Lãnh đạo công an một xã miền núi (Lào Cai) cho biết, hai nghi phạm đã bị bắt.", "hai nghi phạm", "Lãnh đạo công an một xã miền núi (Lào Cai)" },
        // Guards: a time or an occasion is no place, a bracketed acronym is no tail, a named person keeps the name.
        { "time is no place", "Các tiểu thương trong ngày hôm qua cho biết giá rau đã tăng gấp đôi.", "giá rau", "Các tiểu thương" },
        { "occasion is no place", "Các tiểu thương tại cuộc họp cho biết giá rau đã tăng gấp đôi.", "giá rau", "Các tiểu thương" },
        { "bracketed acronym", "Sở Giao thông Hà Nội (SGTVT) cho biết tuyến buýt mới sẽ chạy từ tháng sau.", "tuyến buýt", "Sở Giao thông Hà Nội" },
        { "capitalised common noun after a title", "Chủ tịch Nước Trần Văn Minh tiếp đoàn đại biểu. Chủ tịch Nước cho biết Việt Nam luôn ủng hộ phong trào.", "Việt Nam", "Trần Văn Minh" },
        { "given name that is a common noun", "Ông Nguyễn Văn Hoa được bầu làm chủ tịch xã. Chủ tịch Hoa cho biết xã sẽ làm đường mới.", "xã sẽ", "Nguyễn Văn Hoa" },
        { "person keeps the name", "Ông Trần Văn Bình ở Hà Nội cho biết giá nhà vẫn tăng.", "giá nhà", "Trần Văn Bình" },
    };

    [Theory]
    [MemberData(nameof(Speakers))]
    public void Process_PlaceTail_KeptOnUnnamedSources(string pattern, string text, string contentStart, string speaker)
    {
        var quotes = Extractor.Process(new AnnotatedDocument(new Document("t", text))).Quotes;
        QuoteAssert.SpeakerOf(quotes, pattern, contentStart, speaker);
    }

    [Theory]
    // A bare body noun is the body of a place named earlier with it, in its fullest form.
    [InlineData("Cảnh sát Pháp ngày 2/3 đã bắt một nghi phạm. Theo cảnh sát, nghi phạm đã khai nhận hành vi.", "Pháp", "Cảnh sát Pháp")]
    [InlineData("Công an huyện Gia Lâm đã bắt hai đối tượng. Công an Gia Lâm đã thu giữ tang vật. Bước đầu, cơ quan công an cho biết, hai đối tượng đã khai nhận.", "Gia Lâm", "Công an huyện Gia Lâm")]
    public void Process_BareBodyNoun_IsTheBodyOfAPlace(string text, string place, string speaker)
    {
        var q = Assert.Single(Extractor.Process(WithPlaces(text, place)).Quotes);
        Assert.Equal(speaker, q.Speaker?.Name);
    }

    private static AnnotatedDocument WithPlaces(string text, string place)
    {
        var entities = new List<Entity>();
        for (var at = text.IndexOf(place, StringComparison.Ordinal); at >= 0; at = text.IndexOf(place, at + 1, StringComparison.Ordinal))
            entities.Add(new Entity(EntityTypes.Location, at, at + place.Length, place));
        return new AnnotatedDocument(new Document("t", text)) { Entities = [.. entities] };
    }

    [Fact]
    public void Lexicon_BodyHeads_ComeFromTheSourceList()
    {
        var lex = QuoteLexicon.Default;
        Assert.Contains("cơ quan", (IReadOnlySet<string>)lex.BodyHeads);
        Assert.Equal(SourceClass.OrgHead, lex.Sources["cơ quan"].Class);
        Assert.All(lex.BodyHeads, h => Assert.True(lex.Sources[h].BodyHead));
    }

    [Fact]
    public void Process_BodyNounAfterAHeadNotMarkedBody_StaysTheMention()
    {
        // The same lexicon with no ORG:body head: "cơ quan công an" is no longer read as the body "công an".
        var d = QuoteLexicon.Default;
        var lex = new QuoteLexicon(d.Cues, d.TheoForms, d.Sources.ToDictionary(kv => kv.Key, kv => kv.Value with { BodyHead = false }),
            d.Adverbs, d.SourceStops, d.NamePrefixes, d.Surnames, d.Markers.SelectMany(kv => kv.Value.Select(w => (w, kv.Key))),
            d.WordClasses.Select(kv => (kv.Key, kv.Value)));
        Assert.Empty(lex.BodyHeads);
        const string text = "Công an huyện Gia Lâm đã bắt hai đối tượng. Bước đầu, cơ quan công an cho biết, hai đối tượng đã khai nhận.";
        var without = Assert.Single(new QuoteExtractor(lex, QuoteConfidenceModel.Default).Process(WithPlaces(text, "Gia Lâm")).Quotes);
        var with = Assert.Single(Extractor.Process(WithPlaces(text, "Gia Lâm")).Quotes);
        Assert.Equal("Công an huyện Gia Lâm", with.Speaker?.Name);
        Assert.Equal("cơ quan công an", without.Speaker?.Name);
    }
}
