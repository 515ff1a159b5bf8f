using NlpPipeline.Entities;
using NlpPipeline.Text;
using NlpPipeline.Text.Segmentation;
using NlpPipeline.Text.Sentences;
using NlpPipeline.Topics;

namespace NlpPipeline.Pipeline;

/// <summary>
/// The one place where the stages of <c>nlp annotate</c> are listed, in running order. Each area adds its
/// stage here with one line: words, entities, titles, quotes, topic.
/// </summary>
public static class DefaultStages
{
    public static IReadOnlyList<IDocumentStage> Create(StageOptions? options = null)
    {
        options ??= StageOptions.Default;
        var stages = new List<IDocumentStage>();
        if (options.Normalize)
            stages.Add(UnicodeTextNormalizer.Instance);
        stages.Add(RuleSentenceSplitter.Default);
        stages.Add(new PerceptronWordSegmenter());
        stages.Add(PerceptronEntityRecognizer.Default);
        stages.Add(new LexiconTitleSpotter());    // TITLE next to PER, after the entity stage
        stages.Add(new RuleMentionLinker());      // refs for all entities, PersonRef for titles
        // quotes: after words, entities and titles (it uses tokens, entity refs and title links when present)
        stages.Add(new Quotes.QuoteExtractor());
        // topic: after words; it classifies from the words (from syllables when a document has none).
        stages.Add(TopicClassifier.Default);
        return stages;
    }
}
