using System.Buffers;
using System.Text.Json;
using NlpPipeline.Documents;

namespace NlpPipeline.Pipeline;

/// <summary>
/// Writes the JSON Lines of <c>ANNOTATIONS.md</c> to a stream. Records are gathered whole in a buffer
/// and handed to the stream in batches of complete lines (about <c>batchBytes</c>), so the stream only
/// ever receives complete records; <see cref="Flush"/> pushes the batch and flushes the stream.
/// </summary>
public sealed class JsonLinesSink : IDocumentSink
{
    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly bool _includeTokens;
    private readonly int _batchBytes;
    private readonly ArrayBufferWriter<byte> _batch;
    private readonly Utf8JsonWriter _json;

    public JsonLinesSink(Stream output, bool includeTokens, bool leaveOpen = false, int batchBytes = 64 * 1024)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _leaveOpen = leaveOpen;
        _includeTokens = includeTokens;
        _batchBytes = batchBytes;
        _batch = new ArrayBufferWriter<byte>(batchBytes + 4096);
        _json = new Utf8JsonWriter(_batch, AnnotatedDocumentJson.WriterOptions);
    }

    /// <summary>Records written so far.</summary>
    public long Count { get; private set; }

    public void Write(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var before = _batch.WrittenCount;
        try
        {
            _json.Reset(_batch);
            AnnotatedDocumentJson.Write(_json, document, _includeTokens);
            _json.Flush();
        }
        catch
        {
            // Drop the partial record: rewrite the batch up to the last complete line.
            var complete = _batch.WrittenSpan[..before].ToArray();
            _batch.Clear();
            _batch.Write(complete);
            throw;
        }
        _batch.Write("\n"u8);
        Count++;
        if (_batch.WrittenCount >= _batchBytes)
            WriteBatch();
    }

    public void Flush()
    {
        WriteBatch();
        _output.Flush();
    }

    private void WriteBatch()
    {
        if (_batch.WrittenCount == 0)
            return;
        _output.Write(_batch.WrittenSpan);
        _batch.Clear();
    }

    public void Dispose()
    {
        try
        {
            Flush();
        }
        finally
        {
            _json.Dispose();
            if (!_leaveOpen)
                _output.Dispose();
        }
    }
}
