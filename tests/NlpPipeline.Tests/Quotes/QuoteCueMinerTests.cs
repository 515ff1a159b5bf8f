using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

public class QuoteCueMinerTests
{
    [Fact]
    public void Count_TextWithoutEntities_UsesCapitalisedRunsAsMentions()
    {
        const string text = "Bộ trưởng Nguyễn Văn An bình luận rằng giá sẽ tăng. Hôm qua Trần Văn Bình cho rằng: thị trường ổn định.";
        var counts = QuoteCueMiner.Count([(text, Array.Empty<Entity>())], QuoteLexicon.Default);
        Assert.Equal(1, counts["bình luận"]);
        Assert.Equal(1, counts["cho rằng"]);
        // "Bộ" opens the sentence alone: no mention ends there, so "trưởng nguyễn văn" is never a candidate.
        Assert.DoesNotContain(counts.Keys, k => k.Contains("trưởng", StringComparison.Ordinal));
    }

    [Fact]
    public void Count_EntityTaggedText_CountsOnlyAfterPersonOrOrganisation()
    {
        const string text = "Hà Nội cho rằng giá tăng. Bộ Y tế khuyến cáo rằng dịch sẽ lan.";
        var entities = new[] { new Entity(EntityTypes.Location, 0, 6, "Hà Nội"), new Entity(EntityTypes.Organization, 26, 33, "Bộ Y tế") };
        var counts = QuoteCueMiner.Count([(text, entities)], QuoteLexicon.Default);
        Assert.Equal(1, counts["khuyến cáo"]);
        Assert.False(counts.ContainsKey("cho rằng"));
    }

    [Fact]
    public void CountUses_SeparatesSpeechObjectAndOtherUses()
    {
        const string text = "Ông An chia sẻ kinh nghiệm. Bà Hoa chia sẻ rằng giá tăng. Anh Nam chia sẻ: “Vui lắm”. Họ chia sẻ khi đã xong việc. Chị Lan chia sẻ kinh nghiệm nhiều năm, rồi về nhà.";
        var uses = QuoteCueMiner.CountUses([text], QuoteLexicon.Default);
        Assert.Equal(new QuoteCueMiner.CueUse(5, 2, 2, 0), uses["chia sẻ"]);
    }

    [Fact]
    public void CountUses_CueInsideALongerWord_IsNotCounted()
    {
        var uses = QuoteCueMiner.CountUses(["Lễ khai mạc diễn ra hôm qua. Bị cáo khai rằng không biết."], QuoteLexicon.Default);
        Assert.Equal(new QuoteCueMiner.CueUse(1, 1, 0, 0), uses["khai"]);
    }

    [Fact]
    public void CountUses_VerbOrDuocRightAfterTheCue_CountsAsVerbFirst()
    {
        const string text = "Ông An mong muốn hợp tác lâu dài. Em Mai mong muốn được đi học. Bà Hoa mong muốn hai nước sẽ hợp tác. Ông Nam mong muốn, các bên sẽ ký kết.";
        var uses = QuoteCueMiner.CountUses([text], QuoteLexicon.Default);
        Assert.Equal(4, uses["mong muốn"].Total);
        Assert.Equal(2, uses["mong muốn"].VerbFirst);
    }

    [Fact]
    public void CountSourced_SeparatesSpeechClauseObjectAndVerbPhraseAfterASource()
    {
        // After a source (capitalised run, honorific, pronoun; adverbs skipped): rằng, a bare clause with an adverb after its
        // subject, a plain noun phrase, a verb phrase; the first sentence's cue opens it, so it follows no source.
        const string text = "Bảo rằng trời mưa. Hôm qua Nguyễn Văn An bảo rằng trời mưa. Hôm qua Trần Văn Bình cũng bảo người dân đã về nhà. "
            + "Ông bảo chuyện cũ. Họ bảo đi ra sau nhà.";
        var uses = QuoteCueMiner.CountSourced([(text, Array.Empty<Entity>())], QuoteLexicon.Default);
        Assert.Equal(new QuoteCueMiner.SourcedUse(4, 1, 1, 1, 1), uses["bảo"]);
    }

    [Fact]
    public void CountSourced_VerbOutsideTheLexicon_IsACandidateButNotInsideALongerWord()
    {
        const string text = "Hôm qua Nguyễn Văn An cam đoan rằng không biết. Hôm qua Trần Văn Bình bảo lãnh cho con.";
        var uses = QuoteCueMiner.CountSourced([(text, Array.Empty<Entity>())], QuoteLexicon.Default);
        Assert.Equal(1, uses["cam đoan"].Speech);
        Assert.DoesNotContain("bảo", uses.Keys);
    }
}
