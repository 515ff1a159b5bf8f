using NlpPipeline.Documents;
using NlpPipeline.Entities;

namespace NlpPipeline.Tests.Entities;

public class EntityScorerTests
{
    [Fact]
    public void Add_MixedMatches_CountsExactSpanAndType()
    {
        var scorer = new EntityScorer();
        Entity[] gold = [new("PER", 0, 5, "aaaaa"), new("LOC", 10, 15, "bbbbb"), new("ORG", 20, 30, "cccccccccc"), new("PER", 40, 45, "ddddd")];
        Entity[] predicted = [new("PER", 0, 5, "aaaaa"), new("PER", 10, 15, "bbbbb"), new("ORG", 20, 25, "ccccc"), new("PER", 40, 45, "ddddd"), new("LOC", 50, 55, "eeeee")];

        scorer.Add(gold, predicted);

        Assert.Equal(new EntityCounts(2, 1, 0), scorer.ByType["PER"]);
        Assert.Equal(new EntityCounts(0, 1, 1), scorer.ByType["LOC"]);
        Assert.Equal(new EntityCounts(0, 1, 1), scorer.ByType["ORG"]);
        var micro = scorer.MicroPerOrgLoc;
        Assert.Equal(new EntityCounts(2, 3, 2), micro);
        Assert.Equal(0.4, micro.Precision, 10);
        Assert.Equal(0.5, micro.Recall, 10);
        Assert.Equal(2 * 0.4 * 0.5 / 0.9, micro.F1, 10);
    }

    [Fact]
    public void Micro_NoEntities_IsZeroNotNaN()
    {
        var c = new EntityScorer().MicroPerOrgLoc;

        Assert.Equal(0, c.Precision);
        Assert.Equal(0, c.Recall);
        Assert.Equal(0, c.F1);
    }

    [Fact]
    public void Add_TwoDocuments_Accumulates()
    {
        var scorer = new EntityScorer();
        scorer.Add([new Entity("LOC", 0, 2, "ab")], [new Entity("LOC", 0, 2, "ab")]);
        scorer.Add([new Entity("LOC", 0, 2, "ab")], []);

        Assert.Equal(new EntityCounts(1, 0, 1), scorer.ByType["LOC"]);
        Assert.Equal(1.0, scorer.ByType["LOC"].Precision);
        Assert.Equal(0.5, scorer.ByType["LOC"].Recall);
        Assert.Contains("micro-PER/ORG/LOC", scorer.Report(), StringComparison.Ordinal);
    }
}
