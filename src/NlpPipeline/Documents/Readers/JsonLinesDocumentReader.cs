using System.Text;

namespace NlpPipeline.Documents.Readers;

/// <summary>
/// Reads JSON Lines documents lazily, one a line; blank lines are skipped. A bad line (invalid JSON,
/// no text, over the size limit) becomes an error record and reading goes on; a stream that fails
/// (truncated gzip) ends with one error record for the rest of the input.
/// </summary>
public static class JsonLinesDocumentReader
{
    public static IEnumerable<ReadItem> Read(Stream stream, string inputId, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        Stream utf8 = stream;
        var first = PeekUtf16Bom(ref utf8);
        if (first is not null)
            utf8 = Encoding.CreateTranscodingStream(utf8, first, Encoding.UTF8, leaveOpen: true);
        using var lines = new BoundedLineReader(utf8, options.MaxDocumentBytes);
        var failed = false;
        while (!failed)
        {
            ReadItem item;
            try
            {
                if (!TryReadItem(lines, inputId, out item))
                    yield break;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or DecoderFallbackException)
            {
                item = ReadItem.Fail(inputId, $"input ends in error after line {lines.LineNumber}: {ex.Message}");
                failed = true;
            }
            yield return item;
        }
    }

    // Reads lines until a non-blank one and turns it into an item; false at the end of the input.
    private static bool TryReadItem(BoundedLineReader lines, string inputId, out ReadItem item)
    {
        while (lines.ReadLine(out var line, out var tooLong))
        {
            var fallbackId = $"{inputId}:{lines.LineNumber}";
            if (tooLong)
            {
                item = ReadItem.Fail(fallbackId, StreamBytes.TooLarge(lines.MaxLineBytes).Message);
                return true;
            }
            if (lines.LineNumber == 1 && line is [0xEF, 0xBB, 0xBF, ..])
                line = line[3..];
            if (line.Trim(" \t"u8).IsEmpty)
                continue;
            try
            {
                item = ReadItem.Ok(JsonLineParser.Parse(line, fallbackId));
            }
            catch (DocumentReadException ex)
            {
                item = ReadItem.Fail(JsonLineParser.TryReadId(line) ?? fallbackId, ex.Message);
            }
            return true;
        }
        item = default;
        return false;
    }

    // A UTF-16 BOM at the start selects transcoding; the stream is re-wrapped so no byte is lost.
    private static Encoding? PeekUtf16Bom(ref Stream stream)
    {
        var head = new byte[2];
        var read = 0;
        while (read < 2 && stream.Read(head, read, 2 - read) is var n and > 0)
            read += n;
        Encoding? encoding = head switch
        {
            [0xFF, 0xFE] when read == 2 => new UnicodeEncoding(false, false, true),
            [0xFE, 0xFF] when read == 2 => new UnicodeEncoding(true, false, true),
            _ => null,
        };
        stream = encoding is null ? new PrefixedStream(head.AsMemory(0, read), stream) : stream;
        return encoding;
    }
}
