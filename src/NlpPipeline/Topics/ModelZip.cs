using System.IO.Compression;

namespace NlpPipeline.Topics;

/// <summary>Makes a saved model zip depend only on its contents, so retraining reproduces it byte for byte.</summary>
public static class ModelZip
{
    /// <summary>The time every entry is stamped with (zip times have no zone; this is a fixed local time).</summary>
    public static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Rewrites the zip at <paramref name="path"/> with the same entries, in the same order, each stamped <see cref="EntryTime"/> and compressed at <see cref="CompressionLevel.SmallestSize"/>.</summary>
    public static void Normalize(string path)
    {
        List<(string Name, byte[] Data)> entries;
        using (var read = ZipFile.OpenRead(path))
        {
            entries = [.. read.Entries.Select(e =>
            {
                using var s = e.Open();
                using var buffer = new MemoryStream();
                s.CopyTo(buffer);
                return (e.FullName, buffer.ToArray());
            })];
        }
        using var output = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create);
        foreach (var (name, data) in entries)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
            entry.LastWriteTime = new DateTimeOffset(EntryTime.DateTime, TimeZoneInfo.Local.GetUtcOffset(EntryTime.DateTime));
            using var s = entry.Open();
            s.Write(data);
        }
    }
}
