using NlpPipeline.Entities;

namespace NlpPipeline.Tests.Entities;

public class EntityStackingTests
{
    private const int Bits = 18;
    private const int S = EntityStacking.FeatureCount;
    private static readonly int UOrg = PerceptronEntityModel.Label(1, 3);

    /// <summary>Tokens of <paramref name="text"/> with first-pass label <see cref="UOrg"/> on the tokens <paramref name="tagged"/>, stacked.</summary>
    private static DocumentTokens Stack(string text, params string[] tagged)
    {
        var d = new DocumentTokens();
        new EntityFeatureExtractor(Bits, Gazetteer.Empty, new Dictionary<ulong, int>()).ExtractDocument(text, new EntityScratch(), d);
        for (var i = 0; i < d.Count; i++)
            d.First[i] = tagged.Contains($"{text[d.Starts[i]..d.Ends[i]]}@{d.Starts[i]}") ? UOrg : 0;
        EntityStacking.Compute(d, Bits);
        return d;
    }

    private static int Index(DocumentTokens d, string text, int start)
    {
        var i = Array.IndexOf(d.Starts, start, 0, d.Count);
        Assert.True(i >= 0, $"no token at {start} in {text}");
        return i;
    }

    private static int Feature(DocumentTokens d, int token, int k) => d.Stack[token * S + k];

    [Fact]
    public void Compute_SameStringTaggedElsewhere_GivesUntaggedMentionTheDocumentType()
    {
        const string text = "Tôi thích giày Puma.\nHọ mua Puma hôm qua.";
        var second = text.LastIndexOf("Puma", StringComparison.Ordinal);
        var first = text.IndexOf("Puma", StringComparison.Ordinal);

        var taggedOnce = Stack(text, $"Puma@{first}");
        var untagged = Stack(text);

        // Feature 3 (the run's majority type in the document): the untagged mention now sees ORG, like the tagged one.
        Assert.Equal(Feature(taggedOnce, Index(taggedOnce, text, first), 3), Feature(taggedOnce, Index(taggedOnce, text, second), 3));
        Assert.NotEqual(Feature(untagged, Index(untagged, text, second), 3), Feature(taggedOnce, Index(taggedOnce, text, second), 3));
    }

    [Fact]
    public void Compute_ListNeighbourTagged_ChangesListFeatureOnly()
    {
        const string text = "Các hãng Nike, Puma đều bán.";
        var nike = text.IndexOf("Nike", StringComparison.Ordinal);
        var puma = text.IndexOf("Puma", StringComparison.Ordinal);

        var withNike = Stack(text, $"Nike@{nike}");
        var without = Stack(text);
        var i = Index(withNike, text, puma);

        Assert.NotEqual(Feature(without, i, 4), Feature(withNike, i, 4));
        // Puma's own label and its neighbours' labels (features 0, 1) are the same in both.
        Assert.Equal(Feature(without, i, 0), Feature(withNike, i, 0));
        Assert.Equal(Feature(without, i, 1), Feature(withNike, i, 1));
    }
}
