using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

/// <summary>Detection rules generalised from the unseen-article audits (invented sentences, one quote each).</summary>
public class QuoteDetectionTests
{
    private static readonly QuoteExtractor Extractor = new();

    private static IReadOnlyList<Quote> Extract(string text) =>
        Extractor.Process(new AnnotatedDocument(new Document("t", text))).Quotes;

    /// <summary>Text, expected cue, expected content.</summary>
    public static TheoryData<string, string, string> OneQuote => new()
    {
        // a cue inside a subordinate clause of the content (after vì) does not take the Theo quote away
        { "Theo bà Lan, cuộc họp đã bị hoãn vì Sở Tài chính có công văn đề nghị dời sang tuần sau.", "Theo",
          "cuộc họp đã bị hoãn vì Sở Tài chính có công văn đề nghị dời sang tuần sau" },
    };

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
