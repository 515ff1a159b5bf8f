namespace NlpPipeline.Documents.Readers;

/// <summary>One result of a reader: a document, or the id of a document that could not be read and why.</summary>
public readonly record struct ReadItem(string Id, Document? Document, string? Error)
{
    public static ReadItem Ok(Document document) => new(document.Id, document, null);

    public static ReadItem Fail(string id, string error) => new(id, null, error);

    public AnnotatedDocument ToAnnotated(long sequence) =>
        Document is { } document
            ? new AnnotatedDocument(document) { Sequence = sequence }
            : AnnotatedDocument.Failed(Id, Error ?? "unreadable", sequence);
}
