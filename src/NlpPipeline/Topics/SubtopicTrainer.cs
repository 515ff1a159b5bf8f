using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace NlpPipeline.Topics;

/// <summary>Hand labels of one article: its archive id and the subtopics it has.</summary>
public sealed record SubtopicLabel(string Id, IReadOnlySet<string> Subtopics);

/// <summary>Cross-validated figures of one subtopic model (positive class, threshold 0.5).</summary>
public sealed record SubtopicReport(string Subtopic, int Examples, int Positives, double Precision, double Recall, double F1, double Auc)
{
    public float L2 { get; init; }
}

/// <summary>
/// Trains one ML.NET binary logistic-regression model per subtopic on hand-labelled articles, featurised
/// like the topic model and class-balanced by example weights, and cross-validates it (<c>CrossValidate</c>, fixed seed). Single-threaded, so runs repeat exactly.
/// </summary>
public sealed class SubtopicTrainer
{
    public const string LabelsPath = "data/topics/subtopic-labels.tsv";

    public const float DefaultL2 = 1e-3f;

    private readonly MLContext _ml;
    private readonly int _dimension;

    public SubtopicTrainer(int dimension, int seed = TopicModelTrainer.DefaultSeed)
    {
        _ml = new MLContext(seed: seed);
        _dimension = dimension;
    }

    /// <summary>Reads the labels file: <c>id TAB group TAB 0/1 per subtopic</c>, subtopic names from the <c># Columns</c> header line.</summary>
    public static (IReadOnlyList<string> Subtopics, IReadOnlyList<SubtopicLabel> Labels) ReadLabels(string path)
    {
        string[]? names = null;
        var labels = new List<SubtopicLabel>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("# Columns", StringComparison.Ordinal))
            {
                names = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split('\t')[2..];
                continue;
            }
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (names is null)
                throw new FormatException($"{path}: the '# Columns' header must come before the data.");
            var parts = line.Split('\t');
            if (parts.Length != names.Length + 2)
                throw new FormatException($"{path}: expected {names.Length + 2} columns: '{line}'");
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
                if (parts[i + 2] == "1")
                    set.Add(names[i]);
            labels.Add(new SubtopicLabel(parts[0], set));
        }
        return (names ?? [], labels);
    }

    /// <summary>Cross-validates (<paramref name="folds"/> folds) and fits on all examples a binary model for <paramref name="subtopic"/>.</summary>
    public (ITransformer Model, DataViewSchema Schema, SubtopicReport Report) Train(string subtopic, IReadOnlyList<(SparseFeatures Features, bool Label)> examples, int folds = 5, float l2 = DefaultL2)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _dimension);
        // Positives weigh negatives/positives, so the rarer class counts as much as the other at threshold 0.5.
        var positives = Math.Max(1, examples.Count(e => e.Label));
        var positiveWeight = (float)(examples.Count - positives) / positives;
        var data = _ml.Data.Cache(_ml.Data.LoadFromEnumerable(examples.Select(e => new Row
        {
            Features = new VBuffer<float>(_dimension, e.Features.Count, e.Features.Values, e.Features.Indices),
            Label = e.Label,
            Weight = e.Label ? positiveWeight : 1f,
        }), schema));
        var trainer = _ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            NumberOfThreads = 1,
            ExampleWeightColumnName = nameof(Row.Weight),
            L2Regularization = l2,
            L1Regularization = 0f,
            MaximumNumberOfIterations = 200,
        });
        var cv = _ml.BinaryClassification.CrossValidate(data, trainer, numberOfFolds: folds);
        var report = new SubtopicReport(subtopic, examples.Count, examples.Count(e => e.Label),
            cv.Average(r => r.Metrics.PositivePrecision), cv.Average(r => r.Metrics.PositiveRecall),
            cv.Average(r => r.Metrics.F1Score), cv.Average(r => r.Metrics.AreaUnderRocCurve)) { L2 = l2 };
        return (trainer.Fit(data), data.Schema, report);
    }

    public void Save(ITransformer model, DataViewSchema schema, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _ml.Model.Save(model, schema, path);
        ModelZip.Normalize(path);
    }

    private sealed class Row
    {
        public VBuffer<float> Features { get; set; }
        public bool Label { get; set; }
        public float Weight { get; set; }
    }
}
