using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

/// <summary>Cues added from the miner counts (VNTC count >= 3, header of quote-cues.tsv), and the candidates left out.</summary>
public class QuoteCueLexiconTests
{
    [Theory]
    // R cues: speech with rằng / a colon
    [InlineData("TS Trần Văn Nam băn khoăn rằng học phí đại học đang tăng quá nhanh.", "Trần Văn Nam", "học phí đại học đang tăng quá nhanh")]
    [InlineData("Ông Lê Văn Hòa hồi âm rằng công ty sẽ bồi thường cho khách hàng.", "Lê Văn Hòa", "công ty sẽ bồi thường cho khách hàng")]
    // manner adverbs among the candidates (quote-adverbs.txt) stay adverbs before a cue
    [InlineData("Ông Phạm Văn Dũng thẳng thắn cho rằng công ty đã làm chưa tốt việc này.", "Phạm Văn Dũng", "công ty đã làm chưa tốt việc này")]
    [InlineData("Bà Nguyễn Thị Mai hồ hởi cho biết năm nay lúa được mùa lớn.", "Nguyễn Thị Mai", "năm nay lúa được mùa lớn")]
    public void Process_AddedCue_GivesSpeakerAndContent(string text, string speaker, string content)
    {
        var q = Assert.Single(QuoteExtractorTests.Extract(text));
        Assert.Equal(speaker, q.Speaker?.Name);
        Assert.Equal(content, q.Content);
    }

    [Theory]
    // group heads of a clause-initial source (quote-sources.tsv, VNTC count >= 10), with lower-case modifiers and an adverb
    [InlineData("Gia đình nạn nhân cũng cho hay, nhiều khả năng cô đã đi vào Huế.", "Gia đình nạn nhân", "nhiều khả năng cô đã đi vào Huế")]
    [InlineData("Sau trận đấu, ban tổ chức cho biết giải sẽ diễn ra vào tháng sau.", "ban tổ chức", "giải sẽ diễn ra vào tháng sau")]
    [InlineData("Dư luận cho rằng mức phạt như vậy là quá nhẹ.", "Dư luận", "mức phạt như vậy là quá nhẹ")]
    // a recency word between a Theo form's noun and của (marker role recent)
    [InlineData("Theo báo cáo mới nhất của Ngân hàng Hoa Mai, kinh tế sẽ tăng trưởng 6,5% trong năm nay.", "Ngân hàng Hoa Mai", "kinh tế sẽ tăng trưởng 6,5% trong năm nay")]
    [InlineData("Theo thống kê mới đây của Sở Y tế, số ca sốt xuất huyết đã giảm mạnh.", "Sở Y tế", "số ca sốt xuất huyết đã giảm mạnh")]
    public void Process_GroupSource_GivesSourcePhraseAndContent(string text, string source, string content)
    {
        var q = Assert.Single(QuoteExtractorTests.Extract(text));
        Assert.Equal(source, q.Speaker?.Mention);
        Assert.Equal(content, q.Content);
    }

    [Theory]
    // left out: an emotion with a causer, and `xác định` (determine) of a person; since round 9 a body's or document's
    // `xác định` reports its finding (marker role bodycue, OrganisationSourceTests)
    [InlineData("Bức thư để lại khiến cha mẹ cô vô cùng lo lắng về sức khỏe của con.")]
    [InlineData("Anh Lê Văn Tâm đã xác định rằng nạn nhân tử vong do ngạt khí.")]
    // a recency word after a noun that is no Theo form
    [InlineData("Theo đà tăng mới nhất của giá vàng, nhiều người đã bán ra.")]
    public void Process_NoSpeechCue_GivesNoQuote(string text) => Assert.Empty(QuoteExtractorTests.Extract(text));
}
