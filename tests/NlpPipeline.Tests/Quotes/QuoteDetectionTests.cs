using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

/// <summary>Detection rules generalised from the unseen-article audits (invented sentences, one quote each).</summary>
public class QuoteDetectionTests
{
    private static IReadOnlyList<Quote> Extract(string text) => QuoteExtractorTests.Extract(text);

    /// <summary>Text, expected cue, expected content.</summary>
    public static TheoryData<string, string, string> OneQuote => new()
    {
        // a cue inside a subordinate clause of the content (after vì) does not take the Theo quote away
        { "Theo bà Lan, cuộc họp đã bị hoãn vì Sở Tài chính có công văn đề nghị dời sang tuần sau.", "Theo",
          "cuộc họp đã bị hoãn vì Sở Tài chính có công văn đề nghị dời sang tuần sau" },
        // Theo + a document head counted in VNTC (hồ sơ, tài liệu), or a report noun of 10-19 counts before của
        { "Theo hồ sơ vụ án, bị cáo đã nhận tiền của nhiều người.", "Theo", "bị cáo đã nhận tiền của nhiều người" },
        { "Theo tài liệu của Cục Thống kê, sản lượng lúa năm nay tăng 3%.", "Theo tài liệu của", "sản lượng lúa năm nay tăng 3%" },
        // cues mined from VNTC counts in round 6 (mention + cue + rằng/colon >= 3): a news relay with a bare clause, a
        // confession with rằng, a summing-up before a colon
        { "Hãng tin Reuters đưa tin hai nước đã ký thỏa thuận thương mại mới.", "đưa tin", "hai nước đã ký thỏa thuận thương mại mới" },
        { "Bị cáo Trần Văn Bình khai nhận với cơ quan điều tra rằng anh ta đã nhận 200 triệu đồng.", "khai nhận", "anh ta đã nhận 200 triệu đồng" },
        { "Nhiều hiệu trưởng đúc kết: nhà trường phải gắn với doanh nghiệp.", "đúc kết", "nhà trường phải gắn với doanh nghiệp" },
        // "tới đây" opens a time, not an addressee
        { "Bộ trưởng Lê Văn Nam cho biết tới đây sẽ thí điểm lắp camera tại các hiệu thuốc.", "cho biết", "tới đây sẽ thí điểm lắp camera tại các hiệu thuốc" },
        // a concessive opening keeps its main clause after ", nhưng"; a date in parentheses closing the clause is dropped
        { "Ông Lê Văn Nam cho biết mặc dù giá điện đã tăng, nhưng lượng điện tiêu thụ vẫn không giảm.", "cho biết",
          "mặc dù giá điện đã tăng, nhưng lượng điện tiêu thụ vẫn không giảm" },
        { "Luật sư cho rằng hai bị cáo không phạm tội(12/3/2004)", "cho rằng", "hai bị cáo không phạm tội" },
        { "Theo ông Lê Văn Nam, giá điện sẽ còn tăng (12-3-2004).", "Theo", "giá điện sẽ còn tăng" },
    };

    [Theory]
    // a concessive inside (not opening) the content: ", nhưng" still ends the reported clause
    [InlineData("Ông Lê Văn Nam cho biết giá điện đã tăng dù nhu cầu thấp, nhưng ông không nói thêm về lý do.", "giá điện đã tăng dù nhu cầu thấp")]
    public void Process_ButAfterNonConcessiveContent_EndsTheClause(string text, string content) =>
        Assert.Equal(content, Assert.Single(Extract(text)).Content);

    [Theory]
    // a determiner before an object noun phrase; multi-syllable nouns (hành vi) read whole; a possessor after của
    [InlineData("Bị cáo Trần Văn Bình khai nhận hành vi phạm tội của mình.")]
    [InlineData("Công ty Hoa Mai tiết lộ những mẫu xe mới của hãng.")]
    // frame O cues (a plain noun-phrase object in ≥5% of their VNTC uses) with a noun-phrase object: no quote
    [InlineData("Công ty Hoa Mai đã tiết lộ 4 mẫu điện thoại mới tại Hà Nội.")]
    [InlineData("Các tỉnh lân cận không muốn chia sẻ gánh nặng với thành phố.")]
    [InlineData("Bộ Công Thương vừa công bố danh sách các doanh nghiệp xuất khẩu gạo.")]
    [InlineData("Công ty Hoa Mai đã tiết lộ 4 mẫu điện thoại mới, 2 trong số đó đã được bán ở Hà Nội.")]
    // frame N (share ≥0.03): a noun phrase whose verbs all follow a noun is the object
    [InlineData("Cảnh sát không gõ cửa, và thông báo lệnh khám xét nhà.")]
    // a cue ending a longer noun of the word classes (câu hỏi) is no cue
    [InlineData("Nhiều câu hỏi của sinh viên đã được diễn giả giải đáp rất kỹ.")]
    public void Process_NoSpeech_IsNoQuote(string text) => Assert.Empty(Extract(text));

    [Theory]
    // the same cues with a marked predicate (adverb before a verb, là) or rằng stay quotes
    [InlineData("Công ty Hoa Mai tiết lộ doanh thu quý ba đã tăng gấp đôi.", "doanh thu quý ba đã tăng gấp đôi")]
    [InlineData("Ông Trần Văn Bình chia sẻ nguyên nhân chính là thiếu vốn.", "nguyên nhân chính là thiếu vốn")]
    [InlineData("Bộ Công Thương công bố rằng giá điện sẽ giữ nguyên.", "giá điện sẽ giữ nguyên")]
    // a cue outside frames O and N (share <0.03) keeps the clause reading of noun + verb
    [InlineData("Ông Trần Văn Bình cho biết người dân phản đối dự án.", "người dân phản đối dự án")]
    public void Process_ObjectFirstCueWithClause_IsAQuote(string text, string content) =>
        Assert.Equal(content, Assert.Single(Extract(text)).Content);

    [Theory]
    // a subjectless cue after ", nhưng" / ", và": the subject of the clause before is the speaker
    [InlineData("Bà Nguyễn Thị Hoa đồng ý với kế hoạch này, nhưng cho biết còn phải chờ ý kiến của Sở.", "Nguyễn Thị Hoa", "còn phải chờ ý kiến của Sở")]
    [InlineData("Công ty Hoa Mai có đánh giá thận trọng, và kết luận lạm phát sẽ còn tăng.", "Công ty Hoa Mai", "lạm phát sẽ còn tăng")]
    [InlineData("Ông Lê Văn Nam phản đối, song khẳng định hai bên vẫn sẽ đàm phán.", "Lê Văn Nam", "hai bên vẫn sẽ đàm phán")]
    // nhưng / song / đồng thời join the cue to the clause before it without a comma too
    [InlineData("Ông Trần Văn Bình chưa có số liệu cuối cùng nhưng khẳng định dịch bệnh đã được kiểm soát.", "Trần Văn Bình", "dịch bệnh đã được kiểm soát")]
    [InlineData("Ông Lê Văn Nam từ chối trả lời song cho biết công ty sẽ sớm có thông báo.", "Lê Văn Nam", "công ty sẽ sớm có thông báo")]
    [InlineData("Bà Nguyễn Thị Hoa nhận lời đồng thời cho biết sẽ đóng góp thêm cho quỹ.", "Nguyễn Thị Hoa", "sẽ đóng góp thêm cho quỹ")]
    // unnamed and quantified speakers: a name ending in a noun marker (Nhật Bản) is no "bản tuyên bố"; a two-syllable
    // source word (nguồn tin) is read whole, not as the cue "tin"
    [InlineData("Một quan chức Nhật Bản cho biết chính phủ đang xem xét đề xuất này.", "Một quan chức Nhật Bản", "chính phủ đang xem xét đề xuất này")]
    [InlineData("Nhật Bản cho biết sẽ gửi thêm hàng cứu trợ.", "Nhật Bản", "sẽ gửi thêm hàng cứu trợ")]
    [InlineData("Một số nguồn tin cho rằng giá vàng sẽ tăng.", "Một số nguồn tin", "giá vàng sẽ tăng")]
    public void Process_Sentence_GivesOneQuoteWithSpeakerAndContent(string text, string speaker, string content)
    {
        var q = Assert.Single(Extract(text));
        Assert.Equal(speaker, q.Speaker?.Name);
        Assert.Equal(content, q.Content);
    }

    [Theory]
    [MemberData(nameof(OneQuote))]
    public void Process_Sentence_GivesOneQuoteWithCueAndContent(string text, string cue, string content)
    {
        var q = Assert.Single(Extract(text));
        Assert.Equal(cue, q.Cue);
        Assert.Equal(content, q.Content);
        Assert.Equal(content, text[q.Start..q.End]);
    }

    [Theory]
    // a cue whose source opens a clause of its own inside the Theo content still wins
    [InlineData("Theo một tuyên bố của Bộ, Ngoại trưởng Lê Văn Nam kêu gọi các bên kiềm chế.", "kêu gọi")]
    public void Process_CueOpeningItsOwnClause_TakesTheQuote(string text, string cue) =>
        Assert.Equal(cue, Assert.Single(Extract(text)).Cue);
}
