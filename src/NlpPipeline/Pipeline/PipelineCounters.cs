using System.Text;
using NlpPipeline.Documents;

namespace NlpPipeline.Pipeline;

/// <summary>Running totals of a pipeline run, safe to read from another thread while it runs.</summary>
public sealed class PipelineCounters
{
    private long _documents;
    private long _errors;
    private long _textBytes;

    /// <summary>Records written (documents and error records).</summary>
    public long Documents => Interlocked.Read(ref _documents);

    /// <summary>Error records among them.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>UTF-8 bytes of document text written.</summary>
    public long TextBytes => Interlocked.Read(ref _textBytes);

    internal void Add(AnnotatedDocument document)
    {
        Interlocked.Increment(ref _documents);
        if (document.Error is not null)
            Interlocked.Increment(ref _errors);
        Interlocked.Add(ref _textBytes, Encoding.UTF8.GetByteCount(document.Text));
    }
}
