using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace NlpPipeline.Benchmarks;

/// <summary>Inputs built in memory from the sample article, so benchmarks measure parsing, not the disk.</summary>
internal static class BenchmarkData
{
    public static string SeedArticle { get; } = File.ReadAllText(Path.Combine(FindRoot(), "data", "samples", "seed-article.txt"));

    /// <summary>The article body as the text of a document (LF line ends).</summary>
    public static string ArticleText { get; } = SeedArticle.ReplaceLineEndings("\n")[SeedArticle.IndexOf("{title}", StringComparison.Ordinal)..];

    /// <summary>The article as VNTC stores it: UTF-16LE with a BOM and CRLF.</summary>
    public static byte[] Utf16Crlf { get; } = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(ArticleText.ReplaceLineEndings("\r\n"))];

    /// <summary><paramref name="count"/> documents as JSON Lines.</summary>
    public static byte[] JsonLines(int count)
    {
        var builder = new StringBuilder();
        var escaped = System.Text.Json.JsonSerializer.Serialize(ArticleText);
        for (var i = 0; i < count; i++)
            builder.Append("{\"id\":\"d").Append(i).Append("\",\"title\":\"Tin\",\"text\":").Append(escaped).Append("}\n");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary><paramref name="count"/> UTF-16 CRLF text files in topic folders, as a tar.gz.</summary>
    public static byte[] TarGz(int count)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            for (var i = 0; i < count; i++)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"data/Topic {i % 10}/doc ({i}).txt") { DataStream = new MemoryStream(Utf16Crlf) });
        }
        return output.ToArray();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NlpPipeline.sln")))
                return dir.FullName;
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NlpPipeline.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("Run the benchmarks from inside the repository.");
    }
}
