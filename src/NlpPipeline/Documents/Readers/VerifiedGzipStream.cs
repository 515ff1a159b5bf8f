using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace NlpPipeline.Documents.Readers;

/// <summary>
/// Decompresses gzip and, at the end, checks the output against the gzip trailer (CRC-32 and size),
/// throwing <see cref="InvalidDataException"/> for a truncated or corrupt stream, which
/// <see cref="GZipStream"/> alone reports as a clean end. A multi-member file (concatenated gzip) is
/// accepted when its last member's size fits; its CRC cannot be checked without member boundaries.
/// </summary>
public sealed class VerifiedGzipStream : Stream
{
    private readonly TailRecordingStream _compressed;
    private readonly GZipStream _gzip;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _verified;

    public VerifiedGzipStream(Stream compressed, bool leaveOpen = false)
    {
        _compressed = new TailRecordingStream(compressed, leaveOpen);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _gzip.Read(buffer);
        if (read > 0)
        {
            _crc.Append(buffer[..read]);
            _length += read;
        }
        else if (buffer.Length > 0 && !_verified)
        {
            _verified = true;
            Verify();
        }
        return read;
    }

    private void Verify()
    {
        if (_compressed.TailLength < 8 || _compressed.Total < 18)
            throw new InvalidDataException("truncated gzip: no complete header and trailer");
        Span<byte> tail = stackalloc byte[8];
        _compressed.CopyTail(tail);
        var expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        var expectedSize = BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]);
        if (expectedSize == (uint)_length)
        {
            if (expectedCrc != _crc.GetCurrentHashAsUInt32())
                throw new InvalidDataException("corrupt gzip: CRC-32 does not match");
            return;
        }
        if (expectedSize > _length)
            throw new InvalidDataException($"truncated gzip: {_length} bytes decompressed, the trailer announces {expectedSize}");
        // expectedSize < _length: the last member of a multi-member file.
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _gzip.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Passes reads through, remembering the last 8 bytes and the total read.</summary>
    private sealed class TailRecordingStream(Stream inner, bool leaveOpen) : Stream
    {
        private readonly byte[] _tail = new byte[8];

        public int TailLength { get; private set; }
        public long Total { get; private set; }

        public void CopyTail(Span<byte> destination) => _tail.AsSpan(0, TailLength).CopyTo(destination);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            if (read == 0)
                return 0;
            Total += read;
            var data = buffer[..read];
            if (data.Length >= 8)
            {
                data[^8..].CopyTo(_tail);
                TailLength = 8;
            }
            else
            {
                var keep = Math.Min(TailLength, 8 - data.Length);
                _tail.AsSpan(TailLength - keep, keep).CopyTo(_tail);
                data.CopyTo(_tail.AsSpan(keep));
                TailLength = keep + data.Length;
            }
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !leaveOpen)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
