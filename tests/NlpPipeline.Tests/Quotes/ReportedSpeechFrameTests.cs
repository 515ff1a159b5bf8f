using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

/// <summary>Round 7 reported-speech frames (invented sentences): cue frame S (<c>mong muốn</c>) and Theo sources that end in a
/// cue or open with <c>như</c>.</summary>
public class ReportedSpeechFrameTests
{
    private static IReadOnlyList<Quote> Extract(string text) => QuoteExtractorTests.Extract(text);

    [Theory]
    // frame S: a wish with a clause of its own subject reports words (a name, a time phrase, or a comma first)
    [InlineData("Bộ trưởng Lê Văn Nam mong muốn hai nước sẽ đẩy mạnh hợp tác về môi trường.",
        "Lê Văn Nam", "mong muốn", "hai nước sẽ đẩy mạnh hợp tác về môi trường", QuoteTypes.Indirect)]
    [InlineData("Đại sứ Trần Thị Hoa mong muốn trong thời gian tới, Việt Nam sẽ mở rộng các chương trình học bổng.",
        "Trần Thị Hoa", "mong muốn", "trong thời gian tới, Việt Nam sẽ mở rộng các chương trình học bổng", QuoteTypes.Indirect)]
    [InlineData("Ông Nguyễn Văn Bình mong muốn, các doanh nghiệp sẽ sớm ký hợp đồng dài hạn.",
        "Nguyễn Văn Bình", "mong muốn", "các doanh nghiệp sẽ sớm ký hợp đồng dài hạn", QuoteTypes.Indirect)]
    [InlineData("Bộ trưởng Lê Văn Nam hy vọng trong hội nghị tới, các nước sẽ thống nhất một kế hoạch chung.",
        "Lê Văn Nam", "hy vọng", "trong hội nghị tới, các nước sẽ thống nhất một kế hoạch chung", QuoteTypes.Indirect)]
    // a wish right after another cue and a comma opens that cue's content; a second cue after only adverbs is the content's verb
    [InlineData("Nói về quan hệ với Đức, ông Lê Văn Nam cho biết, hi vọng quan hệ hai nước sẽ cải thiện trong thời gian tới.",
        "Lê Văn Nam", "cho biết", "hi vọng quan hệ hai nước sẽ cải thiện trong thời gian tới", QuoteTypes.Indirect)]
    [InlineData("Ngày 22/9, Công an tỉnh Hoa Mai cho biết đã đề nghị truy tố ba đối tượng về tội lừa đảo.",
        "Công an tỉnh Hoa Mai", "cho biết", "đã đề nghị truy tố ba đối tượng về tội lừa đảo", QuoteTypes.Indirect)]
    // Theo with a cue closing the source; theo như; như opening the clause with a cue or a Theo form with của
    [InlineData("Nguyên nhân, theo ông Trần Văn Huy cho biết, do lúc đó công ty chỉ còn một con đường để đi.",
        "Trần Văn Huy", "theo", "do lúc đó công ty chỉ còn một con đường để đi", QuoteTypes.Indirect)]
    [InlineData("Theo như lời của ông Nguyễn Văn Trung, trung tâm sẽ mở thêm hai lớp học mới.",
        "Nguyễn Văn Trung", "Theo như lời", "trung tâm sẽ mở thêm hai lớp học mới", QuoteTypes.Indirect)]
    [InlineData("Doanh thu không giảm, bởi như tính toán của ông Trần Văn Huy, công ty luôn giữ xuất khẩu dưới 20% doanh thu.",
        "Trần Văn Huy", "như tính toán của", "công ty luôn giữ xuất khẩu dưới 20% doanh thu", QuoteTypes.Indirect)]
    [InlineData("Như ông Lê Văn Tám nói, đa phần người xem đều khen phim đẹp.",
        "Lê Văn Tám", "Như", "đa phần người xem đều khen phim đẹp", QuoteTypes.Indirect)]
    public void Process_Sentence_GivesSpeakerCueContentAndOffsets(string text, string speaker, string cue, string content, string type)
        => QuoteAssert.SingleQuote(Extract(text), text, speaker, cue, content, type);

    [Theory]
    // frame S: a verb, an adverb or được right after the wish is the source's intention; a negated wish states none
    [InlineData("Tác giả Lê Văn An mong muốn kể tiếp câu chuyện về đất nước.")]
    [InlineData("Em Trần Thị Mai mong muốn được đi học như các bạn cùng lớp.")]
    [InlineData("Ông Trần Văn Bình hy vọng sẽ sớm trở lại làm việc sau kỳ nghỉ.")]
    [InlineData("Tuy nhiên, Bắc Kinh không hề mong muốn chiến tranh nổ ra trên bán đảo.")]
    // như + a name with neither a cue nor a Theo form: a comparison (like X), no report
    [InlineData("Như ông Lê Văn Tám, nhiều người dân đã bỏ nghề nuôi cá để đi làm thuê.")]
    [InlineData("Không như nhiều người nghĩ, giá nhà ở ngoại thành vẫn tăng đều trong năm qua.")]
    public void Process_IntentionOrComparison_GivesNoQuote(string text) => Assert.Empty(Extract(text));

    [Fact]
    public void Process_RejectedWish_DoesNotCutTheClauseBeforeIt()
    {
        // "và mong muốn được ..." is no cue hit, so it does not end the first cue's clause as a coordinated cue would.
        const string text = "Bà Trần Thị Lan cho biết cháu rất thích và mong muốn được đi học như các bạn.";
        var q = Assert.Single(Extract(text));
        Assert.Equal("cháu rất thích và mong muốn được đi học như các bạn", q.Content);
    }

    [Fact]
    public void Lexicon_MongMuon_HasFrameS()
    {
        var frame = QuoteLexicon.Default.Cues["mong muốn"];
        Assert.True(frame.HasFlag(CueFrame.SubjectClause));
        Assert.True(frame.HasFlag(CueFrame.Bare));
        Assert.Contains("không", (IReadOnlySet<string>)QuoteLexicon.Default.Marker("negation"));
    }
}
