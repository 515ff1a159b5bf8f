using NlpPipeline.Documents;

namespace NlpPipeline.Pipeline;

/// <summary>
/// Where annotated documents go (JSON Lines, a SQLite store). The pipeline calls it from one task, in
/// input order; it is not called concurrently. After <see cref="Flush"/> returns, every record written
/// so far is complete and durable in the sink; a record is never left half written by a flush.
/// </summary>
public interface IDocumentSink : IDisposable
{
    void Write(AnnotatedDocument document);

    void Flush();
}
