using NlpPipeline.Documents;

namespace NlpPipeline.Pipeline;

/// <summary>
/// One CPU stage of the pipeline (normalise, sentences, words, entities, quotes, topic).
/// Implementations are thread-safe: one instance serves several workers at once. A stage may throw
/// for a bad document; the pipeline turns that into an <c>error</c> record for that document only.
/// Documents with <see cref="AnnotatedDocument.Error"/> set are never passed to a stage.
/// </summary>
public interface IDocumentStage
{
    /// <summary>Short name used in errors and benchmarks (<c>words</c>, <c>entities</c>).</summary>
    string Name { get; }

    AnnotatedDocument Process(AnnotatedDocument document);
}
