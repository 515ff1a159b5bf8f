using System.Text;
using NlpPipeline.Topics;

namespace NlpPipeline.Tests.Topics;

public class TopicCorpusTests
{
    [Fact]
    public void IsDev_ManyIds_AboutOneInTen()
    {
        var dev = Enumerable.Range(0, 20000).Count(i => TopicCorpus.IsDev($"data/vntc/raw/Train_Full/X/doc ({i}).txt"));
        Assert.InRange(dev, 1700, 2300);
    }

    [Fact]
    public void IsInnerValidation_ManyIds_AboutOneTrainDocumentInTenAndNeverDev()
    {
        var ids = Enumerable.Range(0, 20000).Select(i => $"data/vntc/raw/Train_Full/X/doc ({i}).txt").ToList();
        var inner = ids.Where(TopicCorpus.IsInnerValidation).ToList();
        Assert.DoesNotContain(inner, TopicCorpus.IsDev);
        Assert.InRange(inner.Count, 1500, 2100); // ~10 % of the ~18,000 train ids
    }

    [Fact]
    public void IsDev_SameId_SameAnswer() =>
        Assert.Equal(TopicCorpus.IsDev("a/b.txt"), TopicCorpus.IsDev("a/b.txt"));

    [Theory]
    [InlineData("VNTC_10Topics_Train_Full.utf16.tar.gz/data/vntc/raw/Train_Full/The gioi/a.txt", "data/vntc/raw/Train_Full/The gioi/a.txt")]
    [InlineData("renamed.tgz/x/y.txt", "x/y.txt")]
    [InlineData("the-gioi/1.txt", "the-gioi/1.txt")]
    public void Key_ReaderId_PathInsideArchive(string id, string expected) => Assert.Equal(expected, TopicCorpus.Key(id));

    [Fact]
    public void Read_FolderOfTopicFolders_GoldTopicIsParentFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), $"topics-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "The gioi"));
            Directory.CreateDirectory(Path.Combine(root, "the-thao"));
            File.WriteAllBytes(Path.Combine(root, "The gioi", "a.txt"), [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Thế giới\r\nHà Nội")]);
            File.WriteAllText(Path.Combine(root, "the-thao", "b.txt"), "Bóng đá");
            var read = TopicCorpus.Read(root).ToList();
            Assert.Equal(["The gioi/a.txt", "the-thao/b.txt"], read.Select(r => r.Id));
            Assert.Equal(["world", "sports"], read.Select(r => TopicLabels.Default.Resolve(r.GoldTopic)!.Slug));
            Assert.Contains("Hà Nội", read[0].Text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
