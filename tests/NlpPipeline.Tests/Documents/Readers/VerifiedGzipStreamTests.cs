using System.IO.Compression;
using System.Text;
using NlpPipeline.Documents.Readers;

namespace NlpPipeline.Tests.Documents.Readers;

public class VerifiedGzipStreamTests
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 3000).Select(i => $"Văn bản {i * 7919 % 1000} dài. ")));

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(data);
        return output.ToArray();
    }

    private static byte[] Decompress(byte[] compressed)
    {
        using var gzip = new VerifiedGzipStream(new MemoryStream(compressed));
        using var output = new MemoryStream();
        gzip.CopyTo(output, 1000);
        return output.ToArray();
    }

    [Fact]
    public void Read_CompleteStream_SameBytes() => Assert.Equal(Data, Decompress(Gzip(Data)));

    [Fact]
    public void Read_ConcatenatedMembers_AllBytes()
    {
        var twice = Gzip(Data).Concat(Gzip(Data[..100])).ToArray();
        Assert.Equal(Data.Concat(Data[..100]), Decompress(twice));
    }

    public static TheoryData<int> CutCases => new() { 0, 5, 10, 30, 200, -9, -8, -4, -1 };

    [Theory]
    [MemberData(nameof(CutCases))]
    public void Read_TruncatedStream_Throws(int cut)
    {
        var compressed = Gzip(Data);
        var truncated = compressed[..(cut >= 0 ? cut : compressed.Length + cut)];
        Assert.Throws<InvalidDataException>(() => Decompress(truncated));
    }

    [Fact]
    public void Read_FlippedTrailerCrc_Throws()
    {
        var compressed = Gzip(Data);
        compressed[^8] ^= 0xFF;
        Assert.Throws<InvalidDataException>(() => Decompress(compressed));
    }
}
