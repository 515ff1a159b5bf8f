using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

/// <summary>Speaker choice (SpeakerResolver through QuoteExtractor, no entity stage), on invented sentences.</summary>
public class SpeakerResolverTests
{
    private static readonly QuoteExtractor Extractor = new();

    private static IReadOnlyList<Quote> Extract(string text) =>
        Extractor.Process(new AnnotatedDocument(new Document("t", text))).Quotes;

    /// <summary>Text, the start of one quote's content, and the speaker expected for it.</summary>
    public static TheoryData<string, string, string, string> Speakers => new()
    {
        // C: a title or body in apposition to a person names that person (dashes, comma, a title chain before the name).
        { "dashed apposition", "Ông Lê Văn Hùng - phó giám đốc Sở Xây dựng tỉnh Bình Định - cho biết công trình sẽ hoàn thành vào tháng sau.", "công trình", "Lê Văn Hùng" },
        { "title chain before the name", "Chủ tịch Hội Nông dân tỉnh, Thứ trưởng Phạm Văn Long khẳng định, nông dân sẽ được hỗ trợ giống mới.", "nông dân", "Phạm Văn Long" },
        // D: a pronoun refers to the subject of the sentence before, not to its object.
        { "subject over object", "Ông Lý Quang Minh đã gặp ông Đỗ Văn Tài để bàn về dự án. Ông yêu cầu hai bên sớm ký hợp đồng.", "hai bên", "Lý Quang Minh" },
        { "subject over object after a speaker", "Bà Trần Thị Lan cho biết giá điện sẽ tăng.\nÔng Lý Quang Minh đã gặp ông Đỗ Văn Tài để bàn về dự án. Ông yêu cầu hai bên sớm ký hợp đồng.", "hai bên", "Lý Quang Minh" },
        { "leading phrase person is no subject", "Bà Trần Thị Lan cho biết giá điện sẽ tăng.\nSau cuộc gặp với ông Đỗ Văn Tài, ông Lý Quang Minh cho biết dự án sẽ khởi công. Ông nói thêm vốn đã được giải ngân.", "vốn", "Lý Quang Minh" },
        // D: an address with an adjective, or with a description from a place, refers back like the address alone.
        { "address with an adjective", "Thầy Nguyễn Quang Minh dạy ở một trường làng. Thầy giáo trẻ cho biết lương không đủ sống.", "lương", "Nguyễn Quang Minh" },
        { "address with a place", "Chị Nguyễn Thị Hạnh mở một cửa hàng nhỏ. Bà mẹ Hà Nội cho biết năm nay khách đến mua rất đông.", "năm nay", "Nguyễn Thị Hạnh" },
        // D: "vị này" skips a person named only inside reported content.
        { "demonstrative skips a person inside content", "Một lãnh đạo UBND tỉnh khẳng định tỉnh chưa làm việc với ông Nguyễn Văn Bình.\n“Chúng tôi chưa nhận được hồ sơ”, vị này cho hay.", "Chúng tôi", "Một lãnh đạo UBND tỉnh" },
        // F: a demonstrative title is the person named before it, not the body it names.
        { "demonstrative title", "Ông Abdul Rahman Zahir tuyên bố nhóm sẽ tiếp tục chiến đấu. Phát ngôn viên Taliban này còn cho biết nhóm đang giữ hai con tin.", "nhóm đang", "Abdul Rahman Zahir" },
        // F: the body of a country is that body, its whole span (QUOTES.md), not the country.
        { "army of a country", "Theo quân đội Nga, các mục tiêu đã bị phá hủy hoàn toàn.", "các mục tiêu", "quân đội Nga" },
        { "quantified police of a country", "Một cảnh sát Nga thú nhận đã được lệnh mở cửa khẩu.", "đã được", "cảnh sát Nga" },
        // M: a name is not cut inside a word, and an organisation's acronym before it is not part of it.
        { "not cut inside a word", "Theo Phòng Đào tạo nhà trường, năm nay trường tuyển thêm 200 học sinh.", "năm nay", "Phòng Đào tạo nhà trường" },
        { "acronym before a name", "Chủ tịch Ủy ban MTTQVN Trần Thanh Mẫn cho biết số tiền sẽ được chuyển kịp thời.", "số tiền", "Trần Thanh Mẫn" },
        { "name before a cue that starts with a word of its last syllable", "Ông Trần Văn An bình luận: “Thị trường sẽ sớm phục hồi”.", "Thị trường", "Trần Văn An" },
    };

    [Theory]
    [MemberData(nameof(Speakers))]
    public void Process_SpeakerChoice_NamesTheExpectedSource(string pattern, string text, string contentStart, string speaker)
    {
        var quotes = Extract(text);
        QuoteAssert.SpeakerOf(quotes, pattern, contentStart, speaker);
    }

    [Theory]
    // A group named by a plain noun keeps its span even when the entity stage tags the name after it as a person.
    [InlineData("Các tay súng Taliban tuyên bố họ đã bắn chết con tin.", "Taliban", "Các tay súng Taliban")]
    [InlineData("Những binh sĩ Hamas cho biết họ sẽ rút khỏi thị trấn.", "Hamas", "Những binh sĩ Hamas")]
    // B: "Phía" cut from its complement is the side named after it, not a speaker called "Phía".
    [InlineData("Trung tâm dùng ảnh bà Melania. Phía bà Melania không chấp nhận hành động này, cho rằng chiến dịch thực chất là trò đùa nhằm vào giọng nói của bà.", "Melania", "Melania")]
    public void Process_WithPersonEntity_NamesTheExpectedSource(string text, string name, string speaker)
    {
        var start = text.IndexOf(name, StringComparison.Ordinal);
        var doc = new AnnotatedDocument(new Document("t", text))
        {
            Entities = [new Entity(EntityTypes.Person, start, start + name.Length, name)],
        };
        var q = Assert.Single(Extractor.Process(doc).Quotes);
        Assert.Equal(speaker, q.Speaker?.Name);
    }

    /// <summary>Text and a word that must not come out as any quote's speaker.</summary>
    public static TheoryData<string, string, string> NotSpeakers => new()
    {
        // B: a capitalised sentence-initial common word naming nobody.
        { "sentence-initial conjunction", "Hôm ấy tôi về thăm quê.\nKhi nghe tôi nói chuyện nghỉ việc, mẹ tôi bảo: “Con cứ làm điều con thích”.", "Khi" },
        // F: after "của" a title names the body it belongs to, not its holder.
        { "body after của", "Phát ngôn viên của Berlin cho biết: “Chúng tôi không thay đổi lập trường”.", "Berlin" },
        // A person before ", theo X," is not in apposition to X.
        { "theo between person and source", "Người dẫn đầu cuộc điều tra về bà Trần Thị Lan, theo Bangkok Post, là tướng Prawit.", "Trần Thị Lan" },
    };

    [Theory]
    [MemberData(nameof(NotSpeakers))]
    public void Process_NotASpeaker_IsNeverChosen(string pattern, string text, string word)
    {
        var quotes = Extract(text);
        Assert.NotEmpty(quotes);
        Assert.True(quotes.All(q => q.Speaker?.Name != word), $"{pattern}: {string.Join("; ", quotes.Select(q => q.Speaker?.Name))}");
    }
}
