using NlpPipeline.Documents;
using NlpPipeline.Text.Segmentation;

namespace NlpPipeline.Tests.Text.Segmentation;

public sealed class SegmentationCorpusTests : IDisposable
{
    private readonly List<string> _files = [];

    private string Write(string content, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"seg-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        _files.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var file in _files)
            File.Delete(file);
    }

    private static string[] Words(GoldSentence s) => s.Words.Select(w => s.Text[w.Start..w.End]).ToArray();

    [Fact]
    public void Read_JoinedFormat_SplitsWordsAndSyllables()
    {
        var path = Write("Chiến_sĩ Nguyễn_Văn_Thạc hy_sinh .\n\nHà_Nội\n", ".wt");
        var sentences = SegmentationCorpus.Read(path);
        Assert.Equal(2, sentences.Count);
        Assert.Equal("Chiến sĩ Nguyễn Văn Thạc hy sinh .", sentences[0].Text);
        Assert.Equal(["Chiến sĩ", "Nguyễn Văn Thạc", "hy sinh", "."], Words(sentences[0]));
    }

    [Fact]
    public void Read_Conllu_UsesFormWithSpaces()
    {
        var path = Write("# sent_id = 1\n1\tchủ tịch\tchủ tịch\tNOUN\tN\t_\t0\troot\t_\t_\n2\txã\txã\tNOUN\tN\t_\t1\tnmod\t_\t_\n\n", ".conllu");
        var sentence = Assert.Single(SegmentationCorpus.Read(path));
        Assert.Equal(["chủ tịch", "xã"], Words(sentence));
    }

    [Fact]
    public void ReadColumns_JoinPersonNames_FollowsVlsp2013Convention()
    {
        var path = Write("<title>t</title>\n-DOCSTART-\n<s>\t\t\t\t\nông\tNc\tB-NP\tO\tO\nNguyễn\tNp\tB-NP\tB-PER\tO\nVăn\tNp\tI-NP\tI-PER\tO\nThạc\tNp\tI-NP\tI-PER\tO\nnói\tV\tB-VP\tO\tO\n</s>\t\t\t\t\n", ".txt");
        Assert.Equal(["ông", "Nguyễn", "Văn", "Thạc", "nói"], Words(Assert.Single(SegmentationCorpus.Read(path))));
        Assert.Equal(["ông", "Nguyễn Văn Thạc", "nói"], Words(Assert.Single(SegmentationCorpus.ReadColumns(path, joinPersonNames: true))));
    }

    [Fact]
    public void CountMatches_OneBoundaryWrong_CountsOnlyExactWords()
    {
        var gold = new List<(int, int)> { (0, 7), (8, 12), (13, 16) };
        var predicted = new List<Token> { new(0, 7), new(8, 16) };
        Assert.Equal(1, SegmentationScorer.CountMatches(gold, predicted));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(899, false)]
    [InlineData(900, true)]
    [InlineData(999, true)]
    [InlineData(1000, false)]
    [InlineData(1900, true)]
    public void IsDevSentence_Index_EveryTenthBlock(int index, bool expected) =>
        Assert.Equal(expected, SegmentationCorpus.IsDevSentence(index));
}
