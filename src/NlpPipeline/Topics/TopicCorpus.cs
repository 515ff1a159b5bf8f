using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NlpPipeline.Topics;

/// <summary>A gold-labelled text: its id (path in the archive or folder), the gold folder or topic field, and its text.</summary>
public sealed record LabelledText(string Id, string GoldTopic, string Text);

/// <summary>
/// Reads topic gold data: a folder or a <c>.tar.gz</c> laid out as <c>&lt;topic&gt;/&lt;file&gt;</c> (like VNTC;
/// the topic is the file's parent folder), or JSON Lines with <c>text</c> and <c>topic</c> fields.
/// Files are UTF-8 or UTF-16 (by BOM); text comes out NFC with LF line ends. Entries stream in
/// archive order (folders in ordinal path order), so memory stays flat.
/// </summary>
public static partial class TopicCorpus
{
    /// <summary>The VNTC training archive under the shared corpora folder.</summary>
    public const string VntcTrainArchive = "corpora/vntc/VNTC_10Topics_Train_Full.utf16.tar.gz";

    public static IEnumerable<LabelledText> Read(string path)
    {
        if (Directory.Exists(path))
            return ReadFolder(path);
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
            return ReadJsonLines(path);
        if (path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
            return ReadTarGz(path);
        throw new ArgumentException($"Gold topic data must be a folder, a .tar.gz or a .jsonl file: {path}", nameof(path));
    }

    /// <summary>Dev split membership: a stable hash of the document id puts about one document in ten in dev.</summary>
    public static bool IsDev(string id)
    {
        var h = 2166136261u;
        foreach (var c in id)
            h = (h ^ c) * 16777619u;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return h % 10 == 0;
    }

    private static IEnumerable<LabelledText> ReadTarGz(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                continue;
            var name = entry.Name.Replace('\\', '/');
            var folder = Path.GetFileName(Path.GetDirectoryName(name) ?? string.Empty);
            if (string.IsNullOrEmpty(folder))
                continue;
            using var ms = new MemoryStream();
            entry.DataStream.CopyTo(ms);
            yield return new LabelledText(name, folder, Decode(ms.GetBuffer().AsSpan(0, (int)ms.Length)));
        }
    }

    private static IEnumerable<LabelledText> ReadFolder(string root)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => f.Contains('/', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var rel in files)
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(rel)!);
            yield return new LabelledText(rel, folder, ReadFile(Path.Combine(root, rel)));
        }
    }

    private static IEnumerable<LabelledText> ReadJsonLines(string path)
    {
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var id = root.TryGetProperty("id", out var i) ? i.ToString() : $"{Path.GetFileName(path)}:{n}";
            var topic = root.TryGetProperty("topic", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
            var title = root.TryGetProperty("title", out var ti) && ti.ValueKind == JsonValueKind.String ? ti.GetString() + "\n" : string.Empty;
            var text = root.TryGetProperty("text", out var tx) ? tx.GetString() ?? string.Empty : string.Empty;
            yield return new LabelledText(id, topic, Clean(title + text));
        }
    }

    /// <summary>The text of one file; inline tags of VLSP <c>.muc</c> files (<c>&lt;ENAMEX ...&gt;</c>) are removed.</summary>
    public static string ReadFile(string path)
    {
        var text = Decode(File.ReadAllBytes(path));
        return path.EndsWith(".muc", StringComparison.OrdinalIgnoreCase) ? InlineTag().Replace(text, string.Empty) : text;
    }

    [GeneratedRegex("</?ENAMEX[^>]*>")]
    private static partial Regex InlineTag();

    internal static string Decode(ReadOnlySpan<byte> bytes)
    {
        string text;
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            text = Encoding.Unicode.GetString(bytes[2..]);
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
        else if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            text = Encoding.UTF8.GetString(bytes[3..]);
        else
            text = Encoding.UTF8.GetString(bytes);
        return Clean(text);
    }

    private static string Clean(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Normalize(NormalizationForm.FormC);
}
