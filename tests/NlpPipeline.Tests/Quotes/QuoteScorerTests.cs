using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

public class QuoteScorerTests
{
    private static readonly QuoteScorer Scorer = new();

    private static Quote Pred(string type, string content, string? speaker) =>
        new(type, 0, content.Length, content) { Speaker = speaker is null ? null : new Speaker(speaker, speaker, "PER") };

    private static GoldQuote Gold(string type, string content, string? speaker, params string[] aliases) =>
        new(type, speaker, speaker, "PER", aliases, null, content);

    public static TheoryData<string, string, double> Overlaps => new()
    {
        { "a b c d", "a b c d e", 0.8 },
        { "A, b.", "a b", 1.0 },
        { "x y z w", "x y", 0.5 },
        { "a a b", "a b b", 2.0 / 3 },
        { "", "a", 0.0 },
    };

    [Theory]
    [MemberData(nameof(Overlaps))]
    public void Overlap_Syllables_IsCommonOverLonger(string a, string b, double expected) =>
        Assert.Equal(expected, QuoteScorer.Overlap(a, b), 6);

    [Fact]
    public void Score_HandComputedDocument_GivesQuoteExactSpeakerAndEndToEnd()
    {
        var gold = new List<GoldDocument>
        {
            new("d", [
                Gold(QuoteTypes.Direct, "a b c d", "Oleg Syromolotov", "Syromolotov"),
                Gold(QuoteTypes.Indirect, "x y z w", "Bộ Ngoại giao"),
            ]),
        };
        var pred = new Dictionary<string, IReadOnlyList<Quote>>
        {
            ["d"] = [
                Pred(QuoteTypes.Direct, "a b c d e", "Thứ trưởng Syromolotov"), // overlap 0.8, alias after title stripping: right
                Pred(QuoteTypes.Indirect, "x y", null),                          // overlap 0.5: matched, null speaker: wrong
                Pred(QuoteTypes.Indirect, "q r s", "Bộ Ngoại giao"),              // no gold: false alarm
            ],
        };
        var r = Scorer.Score(gold, pred);

        Assert.Equal(2, r.Matches.Count);
        Assert.Empty(r.Misses);
        Assert.Single(r.FalseAlarms);
        Assert.Equal(2.0 / 3, r.All.Quote.Precision, 6);
        Assert.Equal(1.0, r.All.Quote.Recall, 6);
        Assert.Equal(0.8, r.All.Quote.F1, 6);
        Assert.Equal(0.0, r.All.Exact.F1, 6);
        Assert.Equal(0.5, r.All.SpeakerAccuracy, 6);
        Assert.Equal(1.0 / 3, r.All.EndToEnd.Precision, 6);
        Assert.Equal(0.5, r.All.EndToEnd.Recall, 6);
        Assert.Equal(0.4, r.All.EndToEnd.F1, 6);
        // direct: 1 predicted, 1 gold, matched; indirect: 2 predicted (1 matched), 1 gold (matched)
        Assert.Equal(1.0, r.Direct.Quote.F1, 6);
        Assert.Equal(0.5, r.Reported.Quote.Precision, 6);
        Assert.Equal(1.0, r.Reported.Quote.Recall, 6);
        Assert.Equal(0.0, r.Reported.EndToEnd.F1, 6);
    }

    [Fact]
    public void Score_PredictionOverlappingTwoGolds_MatchesTheBetterOneOnly()
    {
        var gold = new List<GoldDocument> { new("d", [Gold(QuoteTypes.Indirect, "a b c d", null), Gold(QuoteTypes.Indirect, "a b c", null)]) };
        var pred = new Dictionary<string, IReadOnlyList<Quote>> { ["d"] = [Pred(QuoteTypes.Indirect, "a b c", null)] };
        var r = Scorer.Score(gold, pred);
        var m = Assert.Single(r.Matches);
        Assert.Equal("a b c", m.Gold.Content);
        Assert.True(m.Exact);
        Assert.True(m.SpeakerRight); // gold null and predicted null
        Assert.Single(r.Misses);
    }

    public static TheoryData<string?, string?, string[], bool> Speakers => new()
    {
        { "Oleg Syromolotov", "oleg syromolotov", [], true },
        { "Oleg Syromolotov", "ông Syromolotov", ["Syromolotov"], true },
        { "Oleg Syromolotov", "Thứ trưởng Oleg Syromolotov", [], true },
        { "Oleg Syromolotov", "Syromolotov", [], false },
        { "Trung Quốc", null, [], false },
        { null, "Trung Quốc", [], false },
        { null, null, [], true },
    };

    [Theory]
    [MemberData(nameof(Speakers))]
    public void SpeakerMatches_TitleStrippedAndAliases_FollowsQuotesMd(string? gold, string? predicted, string[] aliases, bool expected) =>
        Assert.Equal(expected, Scorer.SpeakerMatches(Gold(QuoteTypes.Direct, "a", gold, aliases), predicted));

    [Theory]
    [InlineData("“Hai nước nên hợp tác”.", "Hai nước nên hợp tác", true)]
    [InlineData("hai nước nên hợp tác", "Hai nước nên hợp tác", false)]
    public void ExactMatch_TrimsSpacesAndPunctuationOnly(string a, string b, bool expected) =>
        Assert.Equal(expected, QuoteScorer.ExactMatch(a, b));

    [Fact]
    public void ByKind_RecallByGoldKindPrecisionByPredictedKind()
    {
        static GoldQuote G(string content, string? speaker, string kind) => new(QuoteTypes.Indirect, speaker, speaker, kind, [], null, content);
        static Quote P(string content, string? speaker, string kind) =>
            new(QuoteTypes.Indirect, 0, content.Length, content) { Speaker = speaker is null ? null : new Speaker(speaker, speaker, kind) };
        var gold = new List<GoldDocument>
        {
            new("d", [G("a b c d", "Bộ Y tế", "ORG"), G("e f g h", "Bộ Tài chính", "ORG"), G("i j k l", "các chuyên gia", "OTHER"), G("m n o p", null, "PER")]),
        };
        var pred = new Dictionary<string, IReadOnlyList<Quote>>
        {
            ["d"] = [
                P("a b c d", "Bộ Y tế", "ORG"),        // ORG gold, ORG predicted, right
                P("i j k l", "Lê Văn A", "PER"),       // OTHER gold, PER predicted, wrong speaker
                P("q r s t", "Bộ Công an", "ORG"),     // false alarm, ORG predicted
                P("m n o p", null, "PER"),             // null gold (kind none), null predicted: right
            ],
        };
        var k = QuoteEvaluation.ByKind(Scorer.Score(gold, pred)).ToDictionary(x => x.Kind);

        Assert.Equal((2, 2), (k["ORG"].Quote.Gold, k["ORG"].Quote.Predicted));
        Assert.Equal(0.5, k["ORG"].Quote.Recall, 6);
        Assert.Equal(0.5, k["ORG"].EndToEnd.Precision, 6);
        Assert.Equal(1.0, k["ORG"].SpeakerAccuracy, 6);
        Assert.Equal((1, 0), (k["OTHER"].Quote.Gold, k["OTHER"].Quote.Predicted));
        Assert.Equal((1.0, 0.0, 0.0), (k["OTHER"].Quote.Recall, k["OTHER"].SpeakerAccuracy, k["OTHER"].EndToEnd.Recall));
        Assert.Equal((0, 1), (k["PER"].Quote.Gold, k["PER"].Quote.Predicted));
        Assert.Equal(0.0, k["PER"].EndToEnd.Precision, 6);
        Assert.Equal((1, 1, 1.0), (k["none"].Quote.Gold, k["none"].Quote.Predicted, k["none"].EndToEnd.F1));
    }
}
