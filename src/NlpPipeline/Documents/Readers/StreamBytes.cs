using System.Buffers;

namespace NlpPipeline.Documents.Readers;

/// <summary>Reads a whole document from a stream into a pooled buffer, refusing more than a size limit.</summary>
internal static class StreamBytes
{
    /// <summary>
    /// The bytes of <paramref name="stream"/> (rented: return <c>Array</c> to <see cref="ArrayPool{T}.Shared"/>).
    /// Throws <see cref="DocumentReadException"/> past <paramref name="maxBytes"/>, reading at most one byte more.
    /// </summary>
    public static ArraySegment<byte> ReadAll(Stream stream, long? knownLength, int maxBytes)
    {
        if (knownLength > maxBytes)
            throw TooLarge(maxBytes);
        var limit = (int)Math.Min((long)maxBytes + 1, Array.MaxLength);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(knownLength ?? 64 * 1024, 1, maxBytes) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                var capacity = Math.Min(buffer.Length, limit);
                if (length == capacity)
                {
                    if (length >= limit)
                        throw TooLarge(maxBytes);
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }
                var read = stream.Read(buffer, length, capacity - length);
                if (read == 0)
                    break;
                length += read;
            }
            if (length > maxBytes)
                throw TooLarge(maxBytes);
            return new ArraySegment<byte>(buffer, 0, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public static DocumentReadException TooLarge(int maxBytes) =>
        new($"document larger than the limit of {FormatSize(maxBytes)}");

    public static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
