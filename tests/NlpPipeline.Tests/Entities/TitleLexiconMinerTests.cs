using NlpPipeline.Documents;
using NlpPipeline.Entities;
using NlpPipeline.Resources;

namespace NlpPipeline.Tests.Entities;

public class TitleLexiconMinerTests
{
    private static GoldEntityText Sentence(string text, params string[] specs) => new("t", text, EntityTestText.Entities(text, specs));

    private static List<GoldEntityText> Corpus()
    {
        var texts = new List<GoldEntityText>();
        string[] names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"];
        string[] contexts = ["Hôm qua", "Tại đây", "Trong khi", "Sau khi", "Ngày mai"];
        foreach (var n in names)
        {
            foreach (var c in contexts)
            {
                texts.Add(Sentence($"{c} Bộ trưởng {n} đến.", "PER:" + n));
                texts.Add(Sentence($"{c} Thứ trưởng {n} nói.", "PER:" + n));
                texts.Add(Sentence($"{c} Giám đốc {n} ký.", "PER:" + n));
                texts.Add(Sentence($"{c} ông {n} về.", "PER:" + n));
            }
            texts.Add(Sentence($"Bộ trưởng Ngoại giao Nga {n} đến thăm.", "LOC:Nga", "PER:" + n));
            texts.Add(Sentence($"Phó Thứ trưởng {n} cho biết.", "PER:" + n));
            texts.Add(Sentence($"Phó Giám đốc {n} cũng dự.", "PER:" + n));
            texts.Add(Sentence($"Phó Bộ trưởng {n} đã về.", "PER:" + n));
            texts.Add(Sentence($"Bộ trưởng và Thứ trưởng và Giám đốc cùng họp với của {n}.", "PER:" + n));
        }
        return texts;
    }

    [Fact]
    public void Mine_SmallCorpus_FindsHeadsPrefixesAndModifiersButNotHonorifics()
    {
        var miner = new TitleLexiconMiner(["của", "và"], ["ông"], []);

        var mined = miner.Mine(Corpus());

        var heads = mined.Heads.Select(h => h.Text).ToArray();
        var all = string.Join("|", heads) + " / " + string.Join("|", mined.Prefixes) + " / " + string.Join("|", mined.Modifiers);
        Assert.True(heads.Contains("bộ trưởng"), all);
        Assert.Contains("thứ trưởng", heads);
        Assert.Contains("giám đốc", heads);
        Assert.DoesNotContain("ông", heads);
        Assert.DoesNotContain("trưởng", heads);
        Assert.DoesNotContain("phó thứ trưởng", heads);
        Assert.DoesNotContain("bộ trưởng ngoại giao", heads);
        Assert.Contains(mined.Prefixes, p => p.Text == "phó");
        Assert.Contains(mined.Modifiers, m => m.Text == "ngoại giao");
    }

    [Fact]
    public void Mine_ReviewedRejection_MovesCandidateToRejected()
    {
        var miner = new TitleLexiconMiner(["của", "và"], ["ông"], ["giám đốc"]);

        var mined = miner.Mine(Corpus());

        Assert.DoesNotContain(mined.Heads, h => h.Text == "giám đốc");
        Assert.Contains(mined.Rejected, h => h.Text == "giám đốc");
    }

    [Fact]
    public void Mine_SameInput_SameOutput()
    {
        var miner = new TitleLexiconMiner(["của", "và"], ["ông"], []);
        var a = miner.Mine(Corpus());
        var b = miner.Mine(Corpus());
        Assert.Equal(a.Heads, b.Heads);
        Assert.Equal(a.Prefixes, b.Prefixes);
        Assert.Equal(a.Modifiers, b.Modifiers);
    }

    [Theory]
    [InlineData("data/vi/title-heads.txt")]
    [InlineData("data/vi/title-prefixes.txt")]
    [InlineData("data/vi/title-modifiers.txt")]
    [InlineData("data/vi/title-heads-rejected.txt")]
    [InlineData("data/vi/title-mining-stopwords.txt")]
    [InlineData("data/vi/honorifics.txt")]
    [InlineData("data/vi/vietnamese-surnames.txt")]
    public void EmbeddedDataFile_OpensWithSourceLine_AndIsNotEmpty(string path)
    {
        using var reader = new StreamReader(EmbeddedResources.Open(path));
        Assert.StartsWith("#", reader.ReadLine());
        Assert.NotEmpty(EmbeddedResources.ReadLines(path));
    }

    [Fact]
    public void DefaultLexicon_MinedHeads_IncludeCommonOffices()
    {
        var keys = new string?[] { "thứ", "trưởng", "ngoại", "giao" };
        Assert.Equal(2, TitleLexicon.Default.MatchHead(keys, 0));
        Assert.Equal(2, TitleLexicon.Default.MatchModifier(keys, 2));
        Assert.Contains("phó", TitleLexicon.Default.Prefixes);
    }

    [Fact]
    public void Mine_SharedCorpora_ReproducesTheShippedLexicon()
    {
        static IEnumerable<string> Column(string path) => EmbeddedResources.ReadLines(path).Select(l => l.Split('\t')[0]);
        var miner = new TitleLexiconMiner(
            EmbeddedResources.ReadLines("data/vi/title-mining-stopwords.txt"),
            EmbeddedResources.ReadLines("data/vi/honorifics.txt"),
            Column("data/vi/title-heads-rejected.txt"),
            TitleMiningSources.Surnames());

        var mined = miner.Mine(TitleMiningSources.Read());

        Assert.Equal(Column("data/vi/title-heads.txt").ToArray(), mined.Heads.Select(h => h.Text).ToArray());
        Assert.Equal(Column("data/vi/title-prefixes.txt").ToArray(), mined.Prefixes.Select(p => p.Text).ToArray());
        Assert.Equal(Column("data/vi/title-modifiers.txt").ToArray(), mined.Modifiers.Select(m => m.Text).ToArray());
    }
}
