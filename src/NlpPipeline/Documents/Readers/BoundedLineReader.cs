using System.Buffers;

namespace NlpPipeline.Documents.Readers;

/// <summary>
/// Reads LF-terminated lines of bytes from a stream (a trailing CR is dropped) holding at most
/// <c>maxLineBytes</c> of a line in memory: a longer line is skipped and reported as too long.
/// The line returned is valid until the next call. Not thread-safe.
/// </summary>
public sealed class BoundedLineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _bufferOffset; // stream position of _buffer[0]

    public BoundedLineReader(Stream stream, int maxLineBytes, int initialBufferBytes = 64 * 1024)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(initialBufferBytes, maxLineBytes + 1));
    }

    public int MaxLineBytes => _maxLineBytes;

    /// <summary>Bytes of the stream consumed: through the end (and line feed) of the line last returned.</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>Whether the line last returned ended with a line feed (false for a last line cut short).</summary>
    public bool LastLineTerminated { get; private set; }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// Reads the next line into <paramref name="line"/>; false at the end of the stream.
    /// <paramref name="tooLong"/> is true (and <paramref name="line"/> empty) for a line over the limit.
    /// </summary>
    public bool ReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        tooLong = false;
        var scanned = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(scanned, _end - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = scanned + newline;
                line = TrimCr(_buffer.AsSpan(_start, lineEnd - _start));
                _start = lineEnd + 1;
                LineNumber++;
                LastLineTerminated = true;
                if (line.Length > _maxLineBytes)
                {
                    line = [];
                    tooLong = true;
                }
                return true;
            }
            scanned = _end;
            if (_end - _start > _maxLineBytes)
            {
                LastLineTerminated = SkipRestOfLine();
                line = [];
                tooLong = true;
                LineNumber++;
                return true;
            }
            if (_eof)
            {
                if (_start == _end)
                {
                    line = [];
                    return false;
                }
                line = TrimCr(_buffer.AsSpan(_start, _end - _start));
                _start = _end;
                LineNumber++;
                LastLineTerminated = false;
                if (line.Length > _maxLineBytes)
                {
                    line = [];
                    tooLong = true;
                }
                return true;
            }
            scanned -= _start;
            Fill();
        }
    }

    // Discards bytes through the next line feed; false when the stream ends first.
    private bool SkipRestOfLine()
    {
        _bufferOffset += _end;
        _start = _end = 0;
        while (!_eof)
        {
            Fill();
            var newline = _buffer.AsSpan(0, _end).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start = newline + 1;
                return true;
            }
            _bufferOffset += _end;
            _start = _end = 0;
        }
        return false;
    }

    // Moves unread bytes to the front, grows the buffer when full, and reads more.
    private void Fill()
    {
        if (_start > 0)
        {
            _bufferOffset += _start;
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, (long)_maxLineBytes + 1 + 4096));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _eof = true;
        _end += read;
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        line is [.., (byte)'\r'] ? line[..^1] : line;

    public void Dispose()
    {
        if (_buffer.Length == 0)
            return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
