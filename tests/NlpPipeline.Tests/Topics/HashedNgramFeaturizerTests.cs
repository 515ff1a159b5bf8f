using NlpPipeline.Documents;
using NlpPipeline.Topics;

namespace NlpPipeline.Tests.Topics;

public class HashedNgramFeaturizerTests
{
    private static readonly HashedNgramFeaturizer Featurizer = new(16);

    public static TheoryData<string, string> SameFeatures => new()
    {
        { "Liên hợp quốc họp", "liên HỢP quốc, họp!" },
        { "năm 2021", "năm 1999" },
        { "a  b", "a b" },
    };

    [Theory]
    [MemberData(nameof(SameFeatures))]
    public void Featurize_CaseDigitsAndPunctuation_Ignored(string a, string b)
    {
        var fa = Featurizer.Featurize(a, []);
        var fb = Featurizer.Featurize(b, []);
        Assert.Equal(fa.Indices, fb.Indices);
        Assert.Equal(fa.Values, fb.Values);
    }

    [Fact]
    public void Featurize_Text_UnitLengthAscendingIndices()
    {
        var f = Featurizer.Featurize("Hà Nội mùa thu, Hà Nội mùa đông.", []);
        Assert.Equal(1.0, Math.Sqrt(f.Values.Sum(v => (double)v * v)), 5);
        Assert.True(f.Indices.SequenceEqual(f.Indices.Order().Distinct()));
        Assert.All(f.Indices, i => Assert.InRange(i, 0, Featurizer.Dimension - 1));
    }

    [Fact]
    public void Featurize_WordTokens_AddWordNgramsToSyllableNgrams()
    {
        const string text = "Liên hợp quốc họp";
        Token[] words = [new(0, 13), new(14, 17)];
        var both = Featurizer.Featurize(text, words).Indices;
        var syllables = Featurizer.Featurize(text, []).Indices;
        var wordsOnly = Featurizer.FeaturizeWords(["liên hợp quốc", "họp"]).Indices;
        Assert.Equal(syllables.Union(wordsOnly).Order(), both);
        Assert.Equal(10, both.Length); // 4 + 3 syllable n-grams and 2 + 1 word n-grams ("họp" both as syllable and as word)
    }

    public static TheoryData<string, int> TitleCases => new()
    {
        { "Bão số 5\nBão số 5 đổ bộ", 3 + 2 }, // headline: its 3 + 2 syllable n-grams again, as title features
        { "Bão số 5 đổ bộ", 0 },              // one line: no headline
        { "\nBão số 5 đổ bộ", 0 },            // empty first line
        { new string('x', HashedNgramFeaturizer.MaxTitleLength + 1) + "\nbão", 0 }, // too long for a headline
    };

    [Theory]
    [MemberData(nameof(TitleCases))]
    public void Featurize_FirstLine_AddsTitleFeatures(string text, int extra)
    {
        var withTitle = Featurizer.Featurize(text, []).Count;
        var without = new HashedNgramFeaturizer(16, titleFeatures: false).Featurize(text, []).Count;
        Assert.Equal(extra, withTitle - without);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ... !!! ")]
    public void Featurize_NoWords_Empty(string text) => Assert.Equal(0, Featurizer.Featurize(text, []).Count);
}
