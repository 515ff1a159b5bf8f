using System.Formats.Tar;

namespace NlpPipeline.Documents.Readers;

/// <summary>
/// Reads the documents of a tar archive in place, entry by entry in archive order, never unpacking it
/// nor holding more than one entry. Text files (<c>.txt</c>) are one document each, JSON Lines files
/// (<c>.jsonl</c>, <c>.ndjson</c>) one a line, either possibly gzip-compressed; other entries are skipped.
/// An entry's id is <c>archiveId/entryPath</c>; the folder holding a text entry names its gold topic
/// (the layout of topic corpora such as VNTC). A damaged archive ends with one error record.
/// </summary>
public static class TarDocumentReader
{
    public static IEnumerable<ReadItem> Read(Stream stream, string archiveId, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        using var tar = new TarReader(stream, leaveOpen: true);
        while (true)
        {
            TarEntry? entry;
            string? failure = null;
            try
            {
                entry = tar.GetNextEntry(copyData: false);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException)
            {
                entry = null;
                failure = $"archive ends in error: {ex.Message}";
            }
            if (failure is not null)
            {
                yield return ReadItem.Fail(archiveId, failure);
                yield break;
            }
            if (entry is null)
                yield break;
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
                continue;
            var name = entry.Name.TrimStart('.', '/');
            var format = InputFormat.FromName(name, out var known);
            if (!known || format.Kind == InputKind.Tar)
                continue;
            var id = $"{archiveId}/{name}";
            var data = entry.DataStream ?? Stream.Null;
            // The entry's data stream belongs to the tar reader: only the decompressor on top of it is disposed.
            using var gzip = format.Gzip ? new VerifiedGzipStream(data, leaveOpen: true) : null;
            if (format.Kind == InputKind.JsonLines)
            {
                foreach (var item in JsonLinesDocumentReader.Read(gzip ?? data, id, options))
                    yield return item;
            }
            else
            {
                yield return TextDocumentReader.Read(gzip ?? data, id, ParentFolderName(name), gzip is null ? entry.Length : null, options);
            }
        }
    }

    /// <summary>The name of the folder holding <paramref name="path"/> (<c>a/b/c.txt</c> → <c>b</c>), or null at the root.</summary>
    internal static string? ParentFolderName(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash <= 0)
            return null;
        var parentStart = path.LastIndexOf('/', slash - 1) + 1;
        return path[parentStart..slash];
    }
}
