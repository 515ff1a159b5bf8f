using NlpPipeline.Entities;
using NlpPipeline.Pipeline;
using NlpPipeline.Text.Segmentation;

namespace NlpPipeline.Quotes;

/// <summary>
/// The stages that quote evaluation runs: <see cref="DefaultStages"/>, with the word, entity and title stages inserted
/// before the quote stage when the default list does not carry them yet (each area registers its own line there).
/// </summary>
public static class QuotePipeline
{
    public static IReadOnlyList<IDocumentStage> Stages()
    {
        var stages = DefaultStages.Create().ToList();
        var at = stages.FindIndex(s => s is QuoteExtractor);
        if (at < 0)
        {
            stages.Add(new QuoteExtractor());
            at = stages.Count - 1;
        }
        var missing = new List<IDocumentStage>();
        if (!stages.Any(s => s is PerceptronWordSegmenter))
            missing.Add(new PerceptronWordSegmenter());
        if (!stages.Any(s => s is PerceptronEntityRecognizer))
            missing.Add(PerceptronEntityRecognizer.Default);
        if (!stages.Any(s => s is LexiconTitleSpotter))
            missing.Add(new LexiconTitleSpotter());
        if (!stages.Any(s => s is RuleMentionLinker))
            missing.Add(new RuleMentionLinker());
        stages.InsertRange(at, missing);
        return stages;
    }
}
