using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

/// <summary>Round 9 cue long tail (invented sentences): weak cues mined from VNTC (frame R: rằng/là/colon/quotation only), cues
/// promoted to frame B by their clause share after a source, and a weak cue's place or addressee phrase before <c>là</c>.</summary>
public class CueLongTailTests
{
    private static IReadOnlyList<Quote> Extract(string text) => QuoteExtractorTests.Extract(text);

    [Theory]
    // new weak cues with rằng / colon and quotation
    [InlineData("Ông Trần Văn Bình cam đoan rằng công ty không hề biết về lô hàng này.",
        "Trần Văn Bình", "cam đoan", "công ty không hề biết về lô hàng này", QuoteTypes.Indirect)]
    [InlineData("Bà Nguyễn Thị Hoa thề rằng sẽ không bao giờ quay lại sân khấu.",
        "Nguyễn Thị Hoa", "thề", "sẽ không bao giờ quay lại sân khấu", QuoteTypes.Indirect)]
    [InlineData("Ông Lê Văn Nam công nhận rằng chương trình còn nhiều thiếu sót.",
        "Lê Văn Nam", "công nhận", "chương trình còn nhiều thiếu sót", QuoteTypes.Indirect)]
    [InlineData("Chủ tịch Nguyễn Văn An khen ngợi: “Hội đã làm tốt công tác tuyên truyền”.",
        "Nguyễn Văn An", "khen ngợi", "Hội đã làm tốt công tác tuyên truyền", QuoteTypes.Direct)]
    [InlineData("Ông Trần Văn Hải trấn an: “Các cầu thủ của tôi vẫn khỏe”.",
        "Trần Văn Hải", "trấn an", "Các cầu thủ của tôi vẫn khỏe", QuoteTypes.Direct)]
    [InlineData("Ngân hàng Thế giới ước tính rằng kinh tế Việt Nam sẽ tăng trưởng 6,5% trong năm nay.",
        "Ngân hàng Thế giới", "ước tính", "kinh tế Việt Nam sẽ tăng trưởng 6,5% trong năm nay", QuoteTypes.Indirect)]
    // frame B from the clause share: a bare clause after bảo, khuyên
    [InlineData("Anh Nguyễn Văn Bảnh bảo mọi người trong xóm đều không đồng ý.",
        "Nguyễn Văn Bảnh", "bảo", "mọi người trong xóm đều không đồng ý", QuoteTypes.Indirect)]
    [InlineData("Bác sĩ Lê Văn Cường khuyên người bệnh nên khám răng định kỳ.",
        "Lê Văn Cường", "khuyên", "người bệnh nên khám răng định kỳ", QuoteTypes.Indirect)]
    // a weak cue, a place or addressee phrase, then là
    [InlineData("Anh Trần Văn Hào viết trong bản tường trình là do xe của người kia va vào xe anh trước.",
        "Trần Văn Hào", "viết", "do xe của người kia va vào xe anh trước", QuoteTypes.Indirect)]
    [InlineData("Bà Nguyễn Thị Lan tâm sự với phóng viên là gia đình đã vay nợ để chữa bệnh cho con.",
        "Nguyễn Thị Lan", "tâm sự", "gia đình đã vay nợ để chữa bệnh cho con", QuoteTypes.Indirect)]
    public void Process_Sentence_GivesSpeakerCueContentAndOffsets(string text, string speaker, string cue, string content, string type)
        => QuoteAssert.SingleQuote(Extract(text), text, speaker, cue, content, type);

    [Theory]
    // weak cues take no bare clause
    [InlineData("Ông Trần Văn Bình cam đoan công ty không hề biết về lô hàng này.")]
    [InlineData("Bà Nguyễn Thị Hoa khen con gái học giỏi nhất lớp.")]
    // a gesture before a quotation only: no quotation, no quote
    [InlineData("Ông Lê Văn Nam lắc đầu rồi bỏ đi.")]
    // ước tính takes no bare clause: its passive reading (is estimated at)
    [InlineData("Thiệt hại về cơ sở hạ tầng của hai nước ước tính lên tới nhiều triệu USD.")]
    [InlineData("Ngân hàng Thế giới ước tính kinh tế Việt Nam sẽ tăng trưởng 6,5% trong năm nay.")]
    // a capitalised cue that opens no sentence is a given name
    [InlineData("Công an phát hiện, Bảo còn là thủ phạm của hai vụ trộm khác.")]
    [InlineData("Không am hiểu chuyên môn, anh Bảo cầm kết quả siêu âm quay trở lại trung tâm.")]
    // bảo inside a longer word is no cue
    [InlineData("Ông Lê Văn Nam, một chính trị gia thuộc phe bảo thủ, được 19,3% số phiếu.")]
    [InlineData("Viện kiểm sát Hà Nội bảo lưu quan điểm luận tội trước đó.")]
    [InlineData("Đại sứ Lê Văn Nam phát biểu tại Hội đồng bảo an Liên Hợp Quốc.")]
    // bare-clause cues keep là inside their content; a comma between the place phrase and là ends the weak cue's reach
    [InlineData("Khuê hát hết những gì tôi viết trong tác phẩm, nhưng với Lam là tất cả những gì còn lại.")]
    public void Process_NoSpeech_GivesNoQuote(string text) => Assert.Empty(Extract(text));

    [Fact]
    public void Process_BareClauseCueBeforePlaceAndLa_KeepsLaInsideItsContent()
    {
        const string text = "Ông Lê Văn Nam cho biết trong năm nay doanh thu của công ty là 5 tỷ đồng.";
        var q = Assert.Single(Extract(text));
        Assert.Equal("trong năm nay doanh thu của công ty là 5 tỷ đồng", q.Content);
    }

    [Theory]
    [InlineData("cam đoan", CueFrame.Complementizer)]
    [InlineData("mong", CueFrame.Complementizer | CueFrame.SubjectClause)]
    [InlineData("lắc đầu", CueFrame.QuotedOnly)]
    [InlineData("bảo", CueFrame.Bare | CueFrame.Complementizer | CueFrame.After)]
    [InlineData("ước tính", CueFrame.Complementizer)]
    [InlineData("bày tỏ", CueFrame.Complementizer | CueFrame.After | CueFrame.ObjectFirst)]
    public void Lexicon_Round9Cue_HasMinedFrame(string cue, CueFrame frame) => Assert.Equal(frame, QuoteLexicon.Default.Cues[cue]);
}
