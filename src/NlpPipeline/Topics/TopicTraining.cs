using System.Collections.Immutable;
using NlpPipeline.Documents;

namespace NlpPipeline.Topics;

/// <summary>Featurised gold data split by document into train and dev (<see cref="TopicCorpus.IsDev"/>).</summary>
public sealed record TopicSplit(IReadOnlyList<TopicExample> Train, IReadOnlyList<TopicExample> Dev, int Unmapped);

/// <summary>Turns gold texts into featurised, split examples, the same way the classifier featurises documents.</summary>
public static class TopicTraining
{
    /// <summary>
    /// Featurises every text whose gold folder maps to a label; <paramref name="tokenize"/> gives its words
    /// (null: syllables). Runs on <paramref name="parallelism"/> threads and keeps input order.
    /// </summary>
    public static TopicSplit Build(IEnumerable<LabelledText> texts, TopicLabels labels, HashedNgramFeaturizer featurizer,
        Func<string, ImmutableArray<Token>>? tokenize, int parallelism)
    {
        var unmapped = 0;
        var mapped = texts.Select(t =>
        {
            var label = labels.Resolve(t.GoldTopic);
            if (label is null)
                Interlocked.Increment(ref unmapped);
            return (Text: t, Label: label);
        }).Where(x => x.Label is not null);
        var examples = mapped.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, parallelism))
            .Select(x =>
            {
                var tokens = tokenize is null ? ImmutableArray<Token>.Empty : tokenize(x.Text.Text);
                return new TopicExample(x.Text.Id, featurizer.Featurize(x.Text.Text, tokens.AsSpan()), x.Label!.Slug);
            })
            .ToList();
        var train = examples.Where(e => !TopicCorpus.IsDev(e.Id)).ToList();
        var dev = examples.Where(e => TopicCorpus.IsDev(e.Id)).ToList();
        return new TopicSplit(train, dev, unmapped);
    }
}
