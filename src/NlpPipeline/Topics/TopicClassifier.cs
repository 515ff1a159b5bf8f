using System.Collections.Immutable;
using System.Numerics;
using NlpPipeline.Documents;
using NlpPipeline.Pipeline;
using NlpPipeline.Resources;

namespace NlpPipeline.Topics;

/// <summary>A subtopic: its slug, the topics whose articles may carry it, and its model.</summary>
public sealed record Subtopic(string Slug, string Name, IReadOnlySet<string> Parents, LinearSubtopicModel Model);

/// <summary>
/// The <c>topic</c> stage: classifies an article into one of the VNTC topics from its words
/// (<see cref="AnnotatedDocument.Tokens"/>; syllables when the words stage has not run) with a
/// maximum-entropy model trained by ML.NET, and adds the subtopics whose binary model says
/// p ≥ <see cref="SubtopicThreshold"/> for articles of their parent topics. Thread-safe; models load once.
/// </summary>
public sealed class TopicClassifier : IDocumentStage
{
    public const string TopicModelPath = "models/topic-vntc.zip";
    public const string SubtopicsPath = "data/vi/topic-subtopics.tsv";

    /// <summary>Embedded model path of a subtopic's binary model.</summary>
    public static string SubtopicModelPath(string slug) => $"models/subtopic-{slug}.zip";

    public const double SubtopicThreshold = 0.5;

    /// <summary>How many runner-up labels <see cref="TopicAssignment.Alternatives"/> holds.</summary>
    public const int AlternativeCount = 3;

    private static readonly Lazy<TopicClassifier> LazyDefault = new(LoadDefault);

    private readonly LinearTopicModel _model;
    private readonly HashedNgramFeaturizer _featurizer;
    private readonly TopicLabels _labels;

    public TopicClassifier(LinearTopicModel model, IReadOnlyList<Subtopic> subtopics, TopicLabels labels)
    {
        if (!BitOperations.IsPow2(model.Dimension))
            throw new ArgumentException("Model dimension must be a power of two.", nameof(model));
        foreach (var s in subtopics)
            if (s.Model.Dimension != model.Dimension)
                throw new ArgumentException($"Subtopic {s.Slug} was trained on another feature size.", nameof(subtopics));
        _model = model;
        _featurizer = new HashedNgramFeaturizer(BitOperations.Log2((uint)model.Dimension), model.FeatureWeights);
        _labels = labels;
        Subtopics = subtopics;
    }

    /// <summary>The classifier with the embedded models, loaded on first use.</summary>
    public static TopicClassifier Default => LazyDefault.Value;

    public string Name => "topic";

    public IReadOnlyList<Subtopic> Subtopics { get; }

    public HashedNgramFeaturizer Featurizer => _featurizer;

    public LinearTopicModel Model => _model;

    /// <summary>Loads the embedded topic model and every subtopic of <c>data/vi/topic-subtopics.tsv</c>.</summary>
    public static TopicClassifier LoadDefault()
    {
        using var topicZip = EmbeddedResources.Open(TopicModelPath);
        var model = LinearTopicModel.Load(topicZip);
        return new TopicClassifier(model, LoadSubtopics(EmbeddedResources.ReadLines(SubtopicsPath), slug =>
        {
            using var zip = EmbeddedResources.Open(SubtopicModelPath(slug));
            return LinearSubtopicModel.Load(zip);
        }), TopicLabels.Default);
    }

    /// <summary>Subtopics from data lines (<c>slug TAB name TAB parents</c>), each with the model <paramref name="load"/> gives.</summary>
    public static IReadOnlyList<Subtopic> LoadSubtopics(IEnumerable<string> lines, Func<string, LinearSubtopicModel> load) =>
        lines.Select(line => line.Split('\t'))
            .Select(p => new Subtopic(p[0], p[1], p[2].Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal), load(p[0])))
            .ToList();

    public AnnotatedDocument Process(AnnotatedDocument document) =>
        document with { Topic = Classify(document.Text, document.Tokens.AsSpan()) };

    /// <summary>The topic of <paramref name="text"/> given its words (or none, to use syllables).</summary>
    public TopicAssignment Classify(string text, ReadOnlySpan<Token> tokens) =>
        Classify(_featurizer.FeaturizeUnordered(text, tokens));

    /// <summary>The topic of a featurised document; never throws for empty features (the priors decide).</summary>
    public TopicAssignment Classify(SparseFeatures features)
    {
        Span<float> probabilities = stackalloc float[_model.ClassCount];
        _model.Predict(features, probabilities);
        Span<int> order = stackalloc int[probabilities.Length];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        // Stable top-k by probability, ties broken by label order.
        for (var i = 1; i < order.Length; i++)
        {
            var x = order[i];
            var j = i - 1;
            while (j >= 0 && probabilities[order[j]] < probabilities[x])
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
        var best = _model.Labels[order[0]];
        var alternatives = ImmutableArray.CreateBuilder<TopicScore>(AlternativeCount);
        for (var k = 1; k <= AlternativeCount && k < order.Length; k++)
            alternatives.Add(new TopicScore(_model.Labels[order[k]], Math.Round(probabilities[order[k]], 4)));

        var subtopics = ImmutableArray<string>.Empty;
        foreach (var s in Subtopics)
        {
            if (s.Parents.Contains(best) && s.Model.Probability(features) >= SubtopicThreshold)
                subtopics = subtopics.Add(s.Slug);
        }
        return new TopicAssignment(best, Math.Round(probabilities[order[0]], 4))
        {
            Name = _labels.Resolve(best)?.Name,
            Alternatives = alternatives.ToImmutable(),
            Subtopics = subtopics,
        };
    }
}
