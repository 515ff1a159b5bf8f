using NlpPipeline.Documents;
using NlpPipeline.Documents.Readers;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Text;

/// <summary>
/// Stage <c>normalise</c>: makes sure a document's text is NFC with LF line ends before anything points
/// into it. Readers already deliver such text, so for them this only checks; documents built in code get
/// it fixed. Throws when the text would change under existing annotations, since their offsets would break.
/// </summary>
public sealed class UnicodeTextNormalizer : IDocumentStage
{
    public static UnicodeTextNormalizer Instance { get; } = new();

    public string Name => "normalise";

    public AnnotatedDocument Process(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var clean = TextDecoder.Clean(text);
        if (ReferenceEquals(clean, text) || clean == text)
            return document;
        if (!document.Sentences.IsEmpty || !document.Tokens.IsEmpty || !document.Entities.IsEmpty || !document.Quotes.IsEmpty)
            throw new InvalidOperationException("The text is not NFC with LF line ends, and annotations already point into it.");
        return document with { Document = document.Document with { Text = clean } };
    }
}
