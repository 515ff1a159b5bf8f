using System.Buffers;

namespace NlpPipeline.Documents.Readers;

/// <summary>Reads one text document (plain, or the archive record layout) from a stream; never throws for bad content.</summary>
public static class TextDocumentReader
{
    /// <param name="knownLength">The stream's length when known (a file, a tar entry), to refuse a large document unread.</param>
    public static ReadItem Read(Stream stream, string id, string? goldTopic, long? knownLength, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        ArraySegment<byte> bytes = default;
        try
        {
            bytes = StreamBytes.ReadAll(stream, knownLength, options.MaxDocumentBytes);
            var text = TextDecoder.Decode(bytes);
            if (text.AsSpan().IsWhiteSpace())
                return ReadItem.Fail(id, "empty document");
            var document = ArchiveRecordParser.CreateDocument(id, text);
            return ReadItem.Ok(goldTopic is null ? document : document with { GoldTopic = goldTopic });
        }
        catch (DocumentReadException ex)
        {
            return ReadItem.Fail(id, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return ReadItem.Fail(id, $"cannot read: {ex.Message}");
        }
        finally
        {
            if (bytes.Array is { } array)
                ArrayPool<byte>.Shared.Return(array);
        }
    }
}
