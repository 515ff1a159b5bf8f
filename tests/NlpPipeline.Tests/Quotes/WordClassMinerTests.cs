using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

public class WordClassMinerTests
{
    [Theory]
    [InlineData("NOUN", 'N')]
    [InlineData("VERB", 'V')]
    [InlineData("AUX", 'V')]
    [InlineData("ADV", 'R')]
    [InlineData("ADJ", 'O')]
    [InlineData("PROPN", 'O')]
    public void FromUpos_MapsToClass(string upos, char expected) => Assert.Equal(expected, WordClassMiner.FromUpos(upos));

    [Theory]
    [InlineData("N", 'N')]
    [InlineData("Nc", 'N')]
    [InlineData("Np", 'O')]
    [InlineData("V", 'V')]
    [InlineData("R", 'R')]
    [InlineData("A", 'O')]
    public void FromVlsp_MapsToClass(string tag, char expected) => Assert.Equal(expected, WordClassMiner.FromVlsp(tag));

    [Fact]
    public void Classes_MajorityClass_NounOnlyWhenThreeQuartersAgree()
    {
        var tokens = new List<(string, char)>
        {
            ("Hành_vi", 'N'), ("hành vi", 'N'), ("hành vi", 'N'), ("hành vi", 'V'),
            ("nỗ_lực", 'N'), ("nỗ lực", 'N'), ("nỗ lực", 'V'),
            ("phát_biểu", 'V'), ("phát biểu", 'V'), ("phát biểu", 'N'),
            ("đang", 'R'),
        };
        var classes = WordClassMiner.Classes(tokens);
        Assert.Equal('N', classes["hành vi"]);
        Assert.False(classes.ContainsKey("nỗ lực"));
        Assert.Equal('V', classes["phát biểu"]);
        Assert.Equal('R', classes["đang"]);
    }

    [Theory]
    [InlineData("hành vi", 'N')]
    [InlineData("khẳng định", 'V')]
    [InlineData("đang", 'R')]
    [InlineData("là", 'V')]
    public void DefaultLexicon_ShipsTreebankClasses(string word, char expected) =>
        Assert.Equal(expected, QuoteLexicon.Default.WordClasses[word]);
}
