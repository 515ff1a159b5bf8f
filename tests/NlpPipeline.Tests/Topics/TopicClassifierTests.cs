using NlpPipeline.Documents;
using NlpPipeline.Documents.Readers;
using NlpPipeline.Resources;
using NlpPipeline.Text.Segmentation;
using NlpPipeline.Topics;

namespace NlpPipeline.Tests.Topics;

public class TopicClassifierTests
{
    /// <summary>Dev accuracy floor of the shipped model on every third dev document (measured: see models/README.md).</summary>
    private const double DevAccuracyFloor = 0.905;

    /// <summary>The words stage: the shipped model was trained on its words, as the pipeline runs it.</summary>
    private static readonly PerceptronWordSegmenter Words = new();

    private static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, relative);
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException(relative);
    }

    [Fact]
    public void Process_SeedArticle_WorldWithInternationalSecurity()
    {
        var seed = Words.Process(new DocumentReader().Read([RepoFile("data/samples/seed-article.txt")]).Single());
        var text = seed.Text;
        var doc = TopicClassifier.Default.Process(seed);
        Assert.NotNull(doc.Topic);
        Assert.Equal("world", doc.Topic.Label);
        Assert.Equal("Thế giới", doc.Topic.Name);
        var features = TopicClassifier.Default.Featurizer.Featurize(text, seed.Tokens.AsSpan());
        var probabilities = string.Join(", ", TopicClassifier.Default.Subtopics.Select(s => $"{s.Slug} {s.Model.Probability(features):F3}"));
        Assert.True(doc.Topic.Subtopics.Contains("international-security"), probabilities);
        Assert.InRange(doc.Topic.Score, 0.0, 1.0);
        Assert.Equal(TopicClassifier.AlternativeCount, doc.Topic.Alternatives.Length);
        Assert.All(doc.Topic.Alternatives, a => Assert.True(a.Score <= doc.Topic.Score));
    }

    [Fact]
    public void Classify_EmptyText_StillGivesALabelWithoutSubtopicsOutsideParents()
    {
        var t = TopicClassifier.Default.Classify(string.Empty, []);
        Assert.Contains(t.Label, TopicLabels.Default.All.Select(l => l.Slug));
        var probabilities = t.Alternatives.Sum(a => a.Score) + t.Score;
        Assert.InRange(probabilities, 0.0, 1.0001);
    }

    [Fact]
    public void Classify_DevSubsample_AccuracyAboveFloor()
    {
        var archive = SharedData.Require(TopicCorpus.VntcTrainArchive);
        var metrics = new TopicMetrics();
        var n = 0;
        foreach (var text in TopicCorpus.Read(archive))
        {
            if (!TopicCorpus.IsDev(text.Id) || n++ % 3 != 0)
                continue;
            var words = Words.Segment(text.Text).ToArray();
            metrics.Add(TopicLabels.Default.Resolve(text.GoldTopic)!.Slug, TopicClassifier.Default.Classify(text.Text, words).Label);
        }
        Assert.True(metrics.Total > 1000, $"only {metrics.Total} dev documents");
        Assert.True(metrics.Accuracy >= DevAccuracyFloor, $"dev accuracy {metrics.Accuracy:P2} < {DevAccuracyFloor:P0}");
    }
}
