using System.Collections.Concurrent;
using System.IO.Compression;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using NlpPipeline.Documents;

namespace NlpPipeline.Storage;

/// <summary>
/// Reads annotation JSON Lines (as written by <c>nlp annotate</c>; <c>.gz</c>, or <c>-</c> for standard input) for
/// the store: what <c>nlp index</c> and the store benchmarks index.
/// </summary>
public static class AnnotationLines
{
    /// <summary>
    /// The records of <paramref name="paths"/> in order, numbered from 0. Blank lines are skipped; a malformed line
    /// is reported to <paramref name="malformed"/> (path, 1-based line number, error) and skipped.
    /// </summary>
    public static IEnumerable<AnnotatedDocument> Read(IEnumerable<string> paths, Action<string, int, JsonException> malformed) =>
        Read(paths, malformed, (line, sequence) => AnnotatedDocumentJson.Read(line, sequence));

    /// <summary>
    /// As <see cref="Read(IEnumerable{string}, Action{string, int, JsonException})"/>, through
    /// <see cref="StoreRecordReader"/>: documents without their text, with the text's length.
    /// </summary>
    internal static IEnumerable<(AnnotatedDocument Document, int TextLength)> ReadForStore(IEnumerable<string> paths, Action<string, int, JsonException> malformed)
    {
        var reader = new StoreRecordReader();
        return Read(paths, malformed, reader.Read);
    }

    private delegate T LineParser<T>(ReadOnlySpan<byte> line, long sequence);

    private static IEnumerable<T> Read<T>(IEnumerable<string> paths, Action<string, int, JsonException> malformed, LineParser<T> parse)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(malformed);
        long sequence = 0;
        foreach (var path in paths)
        {
            using var stream = Open(path);
            var number = 0;
            // Lines stay UTF-8 bytes from file to JSON reader: no transcoding to UTF-16 and back.
            foreach (var line in Utf8Lines(stream))
            {
                number++;
                if (line.Span.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0)
                    continue;
                T record;
                try
                {
                    record = parse(line.Span, sequence++);
                }
                catch (JsonException ex)
                {
                    malformed(path, number, ex);
                    continue;
                }
                yield return record;
            }
        }
    }

    /// <summary>
    /// Enumerates <paramref name="source"/> on a background thread, at most <paramref name="capacity"/> items ahead,
    /// so reading and parsing overlap with writing. Items come in source order; an exception from the source is
    /// rethrown at the point of the sequence where it happened.
    /// </summary>
    public static IEnumerable<T> Prefetch<T>(IEnumerable<T> source, int capacity)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var queue = new BlockingCollection<T>(capacity);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var item in source)
                    queue.Add(item, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var item in queue.GetConsumingEnumerable())
                yield return item;
            producer.Wait();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            producer.Wait();
        }
    }

    private static Stream Open(string path)
    {
        if (path == "-")
            return Console.OpenStandardInput();
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            stream = new GZipStream(stream, CompressionMode.Decompress);
        return stream;
    }

    /// <summary>
    /// The lines of <paramref name="stream"/> as UTF-8 bytes without the line end (<c>\n</c>, or <c>\r\n</c>) and
    /// without a leading byte order mark. Each line is valid until the next one is requested.
    /// </summary>
    internal static IEnumerable<ReadOnlyMemory<byte>> Utf8Lines(Stream stream)
    {
        var buffer = new byte[1 << 20];
        int start = 0, end = 0;
        var first = true;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                // Move the partial line to the front (growing the buffer for a long line) and read more.
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end == buffer.Length)
                    Array.Resize(ref buffer, buffer.Length * 2);
                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read > 0)
                {
                    end += read;
                    continue;
                }
                if (end > start)
                    yield return Trim(buffer.AsMemory(start, end - start), ref first);
                yield break;
            }
            var line = buffer.AsMemory(start, newline);
            start += newline + 1;
            yield return Trim(line, ref first);
        }

        static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line, ref bool first)
        {
            if (first && line.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                line = line[3..];
            first = false;
            return line.Span.EndsWith((byte)'\r') ? line[..^1] : line;
        }
    }
}
