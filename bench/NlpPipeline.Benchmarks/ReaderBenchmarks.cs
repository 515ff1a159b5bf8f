using System.Text;
using BenchmarkDotNet.Attributes;
using NlpPipeline.Documents.Readers;

namespace NlpPipeline.Benchmarks;

/// <summary>Decoding one VNTC-style document (UTF-16LE, CRLF), against a plain GetString and Replace.</summary>
[MemoryDiagnoser]
public class TextDecoderBenchmarks
{
    private readonly byte[] _utf16 = BenchmarkData.Utf16Crlf;

    [Benchmark(Baseline = true, Description = "GetString + Replace")]
    public int Plain() => Encoding.Unicode.GetString(_utf16, 2, _utf16.Length - 2).Replace("\r\n", "\n", StringComparison.Ordinal).Length;

    [Benchmark(Description = "TextDecoder.Decode (detect, strict, LF, NFC)")]
    public int Decode() => TextDecoder.Decode(_utf16).Length;
}

/// <summary>Reading 1,000 documents from JSON Lines and from a tar.gz, in memory.</summary>
[MemoryDiagnoser]
public class ContainerReaderBenchmarks
{
    private const int Count = 1000;
    private readonly byte[] _jsonLines = BenchmarkData.JsonLines(Count);
    private readonly byte[] _tarGz = BenchmarkData.TarGz(Count);

    [Benchmark(Baseline = true, Description = "JSON Lines: split lines + JsonDocument.Parse")]
    public int JsonLinesBaseline()
    {
        var count = 0;
        using var reader = new StreamReader(new MemoryStream(_jsonLines));
        while (reader.ReadLine() is { } line)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            count += doc.RootElement.GetProperty("text").GetString()!.Length > 0 ? 1 : 0;
        }
        return count;
    }

    [Benchmark(Description = "JsonLinesDocumentReader")]
    public int JsonLines() => JsonLinesDocumentReader.Read(new MemoryStream(_jsonLines), "b.jsonl", ReaderOptions.Default).Count(i => i.Document is not null);

    [Benchmark(Description = "TarDocumentReader over tar.gz")]
    public int TarGz() => TarDocumentReader.Read(new VerifiedGzipStream(new MemoryStream(_tarGz)), "b.tar.gz", ReaderOptions.Default).Count(i => i.Document is not null);
}
