using NlpPipeline.Entities;
using NlpPipeline.Resources;

namespace NlpPipeline.Tests.Entities;

public class AppositiveTitleMinerTests
{
    private static readonly string[] Function = ["của", "và", "với", "theo", "về", "tại"];

    private static List<string> Corpus()
    {
        var texts = new List<string>();
        string[] names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"];
        string[] orgs = ["Công ty Phú An", "Sở Y tế", "Bộ Công thương"];
        foreach (var n in names)
        {
            foreach (var o in orgs)
            {
                texts.Add($"Hôm qua, Đại diện {o}, ông {n} cho biết sẽ bồi thường.");
                texts.Add($"Bà {n}, đại diện {o}, khẳng định điều đó.");
                texts.Add($"Chiều nay, Cựu Giám đốc {o}, ông {n} đã đến.");
                texts.Add($"Hôm qua, Trao đổi với Báo Tuổi Trẻ, ông {n} nói.");
            }
            texts.Add($"Sáng nay, Cựu Thủ tướng Pháp, ông {n} đến. Cựu Bộ trưởng Y tế, bà {n} cũng dự.");
            texts.Add($"Sau đó, Đại diện thương mại Mỹ, ông {n} phát biểu. Ông {n}, đại diện thương mại Mỹ, cũng nói.");
        }
        return texts;
    }

    private static MinedAppositives Mine(string[] rejected) =>
        new AppositiveTitleMiner(Function, ["ông", "bà"], rejected, ["nguyễn"]).Mine(Corpus, ["giám đốc", "thủ tướng", "bộ trưởng"]);

    [Fact]
    public void Mine_SmallCorpus_FindsAppositiveHeadsPrefixesAndModifiersButNotVerbs()
    {
        var mined = Mine([]);

        var heads = mined.Heads.Select(h => h.Text).ToArray();
        var all = string.Join("|", heads) + " / " + string.Join("|", mined.Prefixes) + " / " + string.Join("|", mined.Modifiers);
        Assert.True(heads.Contains("đại diện"), all);
        Assert.DoesNotContain("trao đổi", heads);
        Assert.DoesNotContain("giám đốc", heads);
        Assert.DoesNotContain("cựu giám đốc", heads);
        Assert.Contains(mined.Prefixes, p => p.Text == "cựu");
        Assert.Contains(mined.Modifiers, m => m.Text == "thương mại");
        var head = mined.Heads.Single(h => h.Text == "đại diện");
        Assert.True(head.Appositive > 0 && head.AfterName > 0 && head.Occurrences >= head.Appositive + head.AfterName, head.ToString());
    }

    [Fact]
    public void Mine_ReviewedRejection_MovesCandidateToRejected()
    {
        var mined = Mine(["đại diện"]);

        Assert.DoesNotContain(mined.Heads, h => h.Text == "đại diện");
        Assert.Contains(mined.Rejected, h => h.Text == "đại diện");
    }

    [Fact]
    public void Mine_SameInput_SameOutput()
    {
        var (a, b) = (Mine([]), Mine([]));
        Assert.Equal(a.Heads, b.Heads);
        Assert.Equal(a.Prefixes, b.Prefixes);
        Assert.Equal(a.Modifiers, b.Modifiers);
    }

    [Fact]
    public void DefaultLexicon_IncludesAppositiveHeadsAndPrefixes()
    {
        var keys = new string?[] { "đại", "diện", "tổng", "biên", "tập" };
        Assert.Equal(2, TitleLexicon.Default.MatchHead(keys, 0));
        Assert.Equal(3, TitleLexicon.Default.MatchHead(keys, 2));
        Assert.Contains("cựu", TitleLexicon.Default.Prefixes);
    }

    [Fact]
    public void Mine_SharedCorpora_ReproducesTheShippedAppositiveFile()
    {
        static IEnumerable<string> Column(string path) => EmbeddedResources.ReadLines(path).Select(l => l.Split('\t')[0]);
        var stop = EmbeddedResources.ReadLines("data/vi/title-mining-stopwords.txt");
        var honorifics = EmbeddedResources.ReadLines("data/vi/honorifics.txt");
        var rejected = Column("data/vi/title-heads-rejected.txt").ToList();
        var surnames = TitleMiningSources.Surnames().ToList();
        var vlsp = new TitleLexiconMiner(stop, honorifics, rejected, surnames).Mine(TitleMiningSources.Read());

        var mined = new AppositiveTitleMiner(stop, honorifics, rejected, surnames)
            .Mine(TitleMiningSources.Vntc, vlsp.Heads.Select(h => h.Text).ToList(), vlsp.Modifiers.Select(m => m.Text).ToList());

        var expected = EmbeddedResources.ReadLines("data/vi/title-appositives.txt").Select(l => string.Join('\t', l.Split('\t')[..2])).ToArray();
        var actual = mined.Heads.Select(h => "head\t" + h.Text).Concat(mined.Prefixes.Select(p => "prefix\t" + p.Text))
            .Concat(mined.Modifiers.Select(m => "modifier\t" + m.Text)).ToArray();
        Assert.Equal(expected, actual);
    }
}
