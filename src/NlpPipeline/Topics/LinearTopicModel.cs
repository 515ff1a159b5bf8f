using System.IO.Compression;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace NlpPipeline.Topics;

/// <summary>
/// A multiclass maximum-entropy model read out of an ML.NET model zip (the model of record), scored
/// directly on <see cref="HashedNgramFeaturizer"/> features: <c>softmax(W·x + b)</c>, the same numbers
/// ML.NET's own prediction gives, without its per-call overhead. Immutable and thread-safe.
/// </summary>
public sealed record LinearTopicModel
{
    private readonly float[] _weights; // feature-major: _weights[index * ClassCount + class]
    private readonly float[] _biases;

    /// <summary>Zip entry, beside ML.NET's own, holding the featuriser's per-slot IDF weights (float32, little-endian).</summary>
    public const string IdfEntry = "NlpPipeline/idf.bin";

    private LinearTopicModel(string[] labels, float[] weights, float[] biases, int dimension)
    {
        Labels = labels;
        _weights = weights;
        _biases = biases;
        Dimension = dimension;
    }

    /// <summary>Class labels in score order.</summary>
    public IReadOnlyList<string> Labels { get; }

    public int ClassCount => Labels.Count;

    /// <summary>Length of the feature vector the model was trained on (a power of two).</summary>
    public int Dimension { get; }

    /// <summary>The featuriser's IDF weights stored with the model, or null when it has none.</summary>
    public float[]? FeatureWeights { get; private init; }

    /// <summary>Loads an ML.NET model zip whose predictor is a <see cref="MaximumEntropyModelParameters"/> (throws for any other), with its IDF entry if present.</summary>
    public static LinearTopicModel Load(Stream zip)
    {
        using var buffer = new MemoryStream();
        zip.CopyTo(buffer);
        buffer.Position = 0;
        var ml = new MLContext(seed: 0);
        var model = ml.Model.Load(buffer, out var inputSchema);
        var loaded = FromTransformer(model, inputSchema);
        buffer.Position = 0;
        return loaded with { FeatureWeights = ReadWeights(buffer, loaded.Dimension) };
    }

    /// <summary>Adds <paramref name="weights"/> to a saved model zip as <see cref="IdfEntry"/>.</summary>
    public static void WriteWeights(string zipPath, float[] weights)
    {
        using var archive = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        archive.GetEntry(IdfEntry)?.Delete();
        using var entry = archive.CreateEntry(IdfEntry, CompressionLevel.SmallestSize).Open();
        entry.Write(MemoryMarshal.AsBytes(weights.AsSpan()));
    }

    private static float[]? ReadWeights(Stream zip, int dimension)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        if (archive.GetEntry(IdfEntry) is not { } entry)
            return null;
        var weights = new float[dimension];
        using var s = entry.Open();
        s.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));
        return weights;
    }

    /// <summary>Reads weights, biases and label names out of a trained ML.NET multiclass transformer chain.</summary>
    public static LinearTopicModel FromTransformer(ITransformer model, DataViewSchema inputSchema)
    {
        var predictor = FindPredictor<MaximumEntropyModelParameters>(model)
            ?? throw new InvalidDataException("The model holds no maximum-entropy multiclass predictor.");
        var dimension = inputSchema["Features"].Type is VectorDataViewType v ? v.Size : throw new InvalidDataException("Features is not a vector column.");

        VBuffer<float>[] rows = [];
        predictor.GetWeights(ref rows, out var classes);
        var biases = predictor.GetBiases().ToArray();
        var weights = new float[(long)dimension * classes];
        for (var c = 0; c < classes; c++)
        {
            var values = rows[c].GetValues();
            var indices = rows[c].GetIndices();
            for (var i = 0; i < values.Length; i++)
            {
                var index = rows[c].IsDense ? i : indices[i];
                weights[(long)index * classes + c] = values[i];
            }
        }

        var names = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(inputSchema)["Score"].GetSlotNames(ref names);
        var labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        if (labels.Length != classes)
            throw new InvalidDataException($"Model has {classes} classes but {labels.Length} label names.");
        return new LinearTopicModel(labels, weights, biases, dimension);
    }

    internal static T? FindPredictor<T>(ITransformer model) where T : class
    {
        if (model is ISingleFeaturePredictionTransformer<T> p)
            return p.Model;
        if (model is IEnumerable<ITransformer> chain)
        {
            foreach (var t in chain)
                if (FindPredictor<T>(t) is { } found)
                    return found;
        }
        return null;
    }

    /// <summary>Writes the class probabilities of <paramref name="features"/> into <paramref name="probabilities"/> (length <see cref="ClassCount"/>).</summary>
    public void Predict(SparseFeatures features, Span<float> probabilities)
    {
        var classes = _biases.Length;
        if (probabilities.Length != classes)
            throw new ArgumentException($"Expected {classes} slots.", nameof(probabilities));
        _biases.CopyTo(probabilities);
        var w = _weights.AsSpan();
        var indices = features.Indices;
        var values = features.Values;
        for (var i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)Dimension)
                continue;
            var row = w.Slice(indices[i] * classes, classes);
            var x = values[i];
            for (var c = 0; c < classes; c++)
                probabilities[c] += row[c] * x;
        }
        Softmax(probabilities);
    }

    private static void Softmax(Span<float> scores)
    {
        var max = float.NegativeInfinity;
        foreach (var s in scores)
            max = Math.Max(max, s);
        var sum = 0f;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = MathF.Exp(scores[i] - max);
            sum += scores[i];
        }
        for (var i = 0; i < scores.Length; i++)
            scores[i] /= sum;
    }
}
