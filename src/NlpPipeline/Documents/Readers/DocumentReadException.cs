namespace NlpPipeline.Documents.Readers;

/// <summary>A document's bytes cannot be turned into text (bad encoding, binary content, too large, empty).</summary>
public sealed class DocumentReadException : Exception
{
    public DocumentReadException() { }

    public DocumentReadException(string message) : base(message) { }

    public DocumentReadException(string message, Exception inner) : base(message, inner) { }
}
