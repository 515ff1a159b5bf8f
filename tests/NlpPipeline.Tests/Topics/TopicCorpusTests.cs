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
    public void IsDev_SameId_SameAnswer() =>
        Assert.Equal(TopicCorpus.IsDev("a/b.txt"), TopicCorpus.IsDev("a/b.txt"));

    public static TheoryData<byte[], string> Encoded => new()
    {
        { [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Thế giới\r\nHà Nội")], "Thế giới\nHà Nội" },
        { [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Thế giới")], "Thế giới" },
        { Encoding.UTF8.GetBytes("The\u0301 gio\u031Bi"), "Thé giơi" },
    };

    [Theory]
    [MemberData(nameof(Encoded))]
    public void Decode_BomOrUtf8_NfcWithLf(byte[] bytes, string expected) =>
        Assert.Equal(expected, TopicCorpus.Decode(bytes));
}
