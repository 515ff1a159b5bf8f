using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using Microsoft.ML.Data;
using NlpPipeline.Documents;
using NlpPipeline.Resources;
using NlpPipeline.Text.Segmentation;
using NlpPipeline.Topics;

namespace NlpPipeline.Benchmarks.Topics;

/// <summary>
/// Documents per second of the topic stage on one core, over 400 VNTC dev-split articles already segmented
/// into words: featurising alone
/// (baseline), the stage as shipped (features + linear scorer read out of the ML.NET zip + subtopics), and
/// the same features scored by ML.NET's own PredictionEngine. Each operation is one document.
/// </summary>
[MemoryDiagnoser]
public class TopicClassifierBenchmarks
{
    private const int Documents = 400;

    private AnnotatedDocument[] _docs = [];
    private TopicClassifier _classifier = null!;
    private PredictionEngine<FeatureRow, ScoreRow> _engine = null!;
    private int _dimension;

    [GlobalSetup]
    public void Setup()
    {
        var archive = SharedData.Require(TopicCorpus.VntcTrainArchive);
        // Words filled in beforehand by the words stage, as in the pipeline: only the topic stage is timed.
        var words = new PerceptronWordSegmenter();
        _docs = [.. TopicCorpus.Read(archive).Where(t => TopicCorpus.IsDev(t.Id)).Take(Documents)
            .Select(t => words.Process(new AnnotatedDocument(t.Document)))];
        _classifier = TopicClassifier.Default;
        _dimension = _classifier.Model.Dimension;
        var ml = new MLContext(seed: 1);
        using var zip = EmbeddedResources.Open(TopicClassifier.TopicModelPath);
        var model = ml.Model.Load(zip, out _);
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _dimension);
        _engine = ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(model, inputSchemaDefinition: schema);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Documents)]
    public int FeaturizeOnly()
    {
        var n = 0;
        foreach (var d in _docs)
            n += _classifier.Featurizer.Featurize(d.Text, d.Tokens.AsSpan()).Count;
        return n;
    }

    [Benchmark(OperationsPerInvoke = Documents)]
    public int TopicStage()
    {
        var n = 0;
        foreach (var d in _docs)
            n += _classifier.Process(d).Topic!.Subtopics.Length;
        return n;
    }

    [Benchmark(OperationsPerInvoke = Documents)]
    public float MlNetPredictionEngine()
    {
        var sum = 0f;
        var row = new FeatureRow();
        foreach (var d in _docs)
        {
            var f = _classifier.Featurizer.Featurize(d.Text, d.Tokens.AsSpan());
            row.Features = new VBuffer<float>(_dimension, f.Count, f.Values, f.Indices);
            sum += _engine.Predict(row).Score[0];
        }
        return sum;
    }

    public sealed class FeatureRow
    {
        public VBuffer<float> Features { get; set; }

        /// <summary>Unused at prediction; the model's label mapping asks for the column.</summary>
        public string Label { get; set; } = string.Empty;
    }

    public sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }
}
