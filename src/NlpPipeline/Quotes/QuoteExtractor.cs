using System.Collections.Immutable;
using NlpPipeline.Documents;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Quotes;

/// <summary>
/// Finds quotes by cue-frame rules: direct quotes in any quotation marks with the speaker before, after or in a
/// neighbouring sentence; reported speech (source + cue + content, <c>Theo X, ...</c>, content before the cue,
/// headlines <c>X: ...</c>); mixed quotes. Speakers are resolved to the fullest name in the document by
/// <see cref="SpeakerResolver"/>. Works from the text alone and uses sentences and entities when earlier stages gave
/// them. Thread-safe; never throws on well-formed documents; output is in text order.
/// </summary>
public sealed class QuoteExtractor : IDocumentStage
{
    private readonly QuoteLexicon _lexicon;
    /// <summary>Null: <see cref="QuoteConfidenceModel.Default"/>, read on first use (so building a pipeline that leaves
    /// this stage out, as <c>nlp train quote-confidence</c> does, never reads the shipped weights).</summary>
    private readonly QuoteConfidenceModel? _confidence;

    public QuoteExtractor()
    {
        _lexicon = QuoteLexicon.Default;
    }

    public QuoteExtractor(QuoteLexicon lexicon, QuoteConfidenceModel confidence)
    {
        _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        _confidence = confidence ?? throw new ArgumentNullException(nameof(confidence));
    }

    public string Name => "quotes";

    public AnnotatedDocument Process(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Error is not null || document.Text.Length == 0)
            return document;
        var found = Extract(document);
        return document with { Quotes = [.. found.Select(c => c.ToQuote(document, _confidence ?? QuoteConfidenceModel.Default))] };
    }

    /// <summary>The candidate quotes of a document with the features the confidence model scores.</summary>
    internal List<QuoteCandidate> Extract(AnnotatedDocument document)
    {
        var run = new ExtractionRun(document, _lexicon);
        return run.Run();
    }
}
