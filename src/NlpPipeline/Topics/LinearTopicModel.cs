using System.IO.Compression;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace NlpPipeline.Topics;

/// <summary>
/// A multiclass linear model read out of an ML.NET model zip (the model of record), scored directly on
/// <see cref="HashedNgramFeaturizer"/> features with the same numbers ML.NET's own prediction gives, without its
/// per-call overhead: <c>softmax(W·x + b)</c> for a maximum-entropy model; for one-versus-all linear binary
/// models with Platt calibrators, each class's <c>1 / (1 + exp(slope·(w·x + b) + offset))</c> normalised to sum to one;
/// then, if the zip holds a <see cref="CalibrationEntry"/>, rescaled by <see cref="TopicCalibration.Apply"/>. Immutable and thread-safe.
/// </summary>
public sealed record LinearTopicModel
{
    private readonly float[] _weights; // feature-major: _weights[index * ClassCount + class]
    private readonly float[] _biases;

    /// <summary>Zip entry, beside ML.NET's own, holding the featuriser's per-slot IDF weights (float32, little-endian).</summary>
    public const string IdfEntry = "NlpPipeline/idf.bin";

    /// <summary>Zip entry holding the <see cref="TopicCalibration"/> exponent fitted on held-out documents (one float32).</summary>
    public const string CalibrationEntry = "NlpPipeline/calibration.bin";

    private readonly float[]? _slopes; // Platt slope and offset per class (one-versus-all), or null (softmax)
    private readonly float[]? _offsets;

    private LinearTopicModel(string[] labels, float[] weights, float[] biases, int dimension, float[]? slopes = null, float[]? offsets = null)
    {
        _slopes = slopes;
        _offsets = offsets;
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

    /// <summary>The <see cref="TopicCalibration"/> exponent applied to ML.NET's probabilities (1: none).</summary>
    public float CalibrationExponent { get; init; } = 1f;

    /// <summary>
    /// Loads an ML.NET model zip whose predictor is a <see cref="MaximumEntropyModelParameters"/> or a
    /// <see cref="OneVersusAllModelParameters"/> over Platt-calibrated linear binary models (throws for any other), with its IDF and calibration entries if present.
    /// </summary>
    public static LinearTopicModel Load(Stream zip)
    {
        using var buffer = new MemoryStream();
        zip.CopyTo(buffer);
        buffer.Position = 0;
        var ml = new MLContext(seed: 0);
        var model = ml.Model.Load(buffer, out var inputSchema);
        var loaded = FromTransformer(model, inputSchema);
        return loaded with
        {
            FeatureWeights = ReadFloats(buffer, IdfEntry, loaded.Dimension),
            CalibrationExponent = ReadFloats(buffer, CalibrationEntry, 1)?[0] ?? 1f,
        };
    }

    /// <summary>Adds <paramref name="weights"/> to a saved model zip as <see cref="IdfEntry"/>.</summary>
    public static void WriteWeights(string zipPath, float[] weights) => WriteFloats(zipPath, IdfEntry, weights);

    /// <summary>Adds the <see cref="TopicCalibration"/> <paramref name="exponent"/> to a saved model zip as <see cref="CalibrationEntry"/>.</summary>
    public static void WriteCalibration(string zipPath, float exponent) => WriteFloats(zipPath, CalibrationEntry, [exponent]);

    private static void WriteFloats(string zipPath, string name, float[] values)
    {
        using (var archive = ZipFile.Open(zipPath, ZipArchiveMode.Update))
        {
            archive.GetEntry(name)?.Delete();
            using var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            entry.Write(MemoryMarshal.AsBytes(values.AsSpan()));
        }
        ModelZip.Normalize(zipPath);
    }

    private static float[]? ReadFloats(Stream zip, string name, int count)
    {
        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        if (archive.GetEntry(name) is not { } entry)
            return null;
        var values = new float[count];
        using var s = entry.Open();
        s.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>Reads weights, biases and label names out of a trained ML.NET multiclass transformer chain.</summary>
    public static LinearTopicModel FromTransformer(ITransformer model, DataViewSchema inputSchema)
    {
        var dimension = inputSchema["Features"].Type is VectorDataViewType v ? v.Size : throw new InvalidDataException("Features is not a vector column.");
        VBuffer<float>[] rows = [];
        float[] biases;
        float[]? slopes = null, offsets = null;
        if (FindPredictor<MaximumEntropyModelParameters>(model) is { } maxent)
        {
            maxent.GetWeights(ref rows, out _);
            biases = maxent.GetBiases().ToArray();
        }
        else if (FindPredictor<OneVersusAllModelParameters>(model) is { } ova)
        {
            // ML.NET keeps the per-class models of OneVersusAll non-public; they are read by reflection and the
            // round-trip test checks the scores against ML.NET's own.
            var subModels = typeof(OneVersusAllModelParameters)
                .GetProperty("SubModelParameters", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)?
                .GetValue(ova) as IEnumerable<object>
                ?? throw new InvalidDataException("This ML.NET version does not expose the one-versus-all class models.");
            var binary = subModels
                .Select(p => p as CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>
                    ?? throw new InvalidDataException("A one-versus-all class model is not a Platt-calibrated linear model."))
                .ToArray();
            rows = [.. binary.Select(b => new VBuffer<float>(dimension, b.SubModel.Weights.Count, [.. b.SubModel.Weights], null))];
            biases = [.. binary.Select(b => b.SubModel.Bias)];
            slopes = [.. binary.Select(b => (float)b.Calibrator.Slope)];
            offsets = [.. binary.Select(b => (float)b.Calibrator.Offset)];
        }
        else
        {
            throw new InvalidDataException("The model holds neither a maximum-entropy nor a one-versus-all linear predictor.");
        }

        var classes = biases.Length;
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
        return new LinearTopicModel(labels, weights, biases, dimension, slopes, offsets);
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
        if (_slopes is null)
        {
            Softmax(probabilities);
        }
        else
        {
            var sum = 0f;
            for (var c = 0; c < classes; c++)
            {
                probabilities[c] = 1f / (1f + MathF.Exp(_slopes[c] * probabilities[c] + _offsets![c]));
                sum += probabilities[c];
            }
            for (var c = 0; c < classes; c++)
                probabilities[c] /= sum;
        }
        TopicCalibration.Apply(probabilities, CalibrationExponent);
    }

    /// <summary>Turns <paramref name="scores"/> into probabilities in place (max-shifted, so large scores do not overflow).</summary>
    internal static void Softmax(Span<float> scores)
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
