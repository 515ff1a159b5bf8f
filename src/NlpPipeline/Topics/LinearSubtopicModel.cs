using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace NlpPipeline.Topics;

/// <summary>
/// A binary logistic-regression subtopic model read out of an ML.NET model zip and scored directly on
/// <see cref="HashedNgramFeaturizer"/> features: <c>p = 1 / (1 + exp(slope·(w·x + b) + offset))</c>, ML.NET's
/// Platt form. Immutable and thread-safe.
/// </summary>
public sealed class LinearSubtopicModel
{
    private readonly float[] _weights;
    private readonly float _bias;
    private readonly double _slope;
    private readonly double _offset;

    private LinearSubtopicModel(float[] weights, float bias, double slope, double offset)
    {
        _weights = weights;
        _bias = bias;
        _slope = slope;
        _offset = offset;
    }

    public int Dimension => _weights.Length;

    /// <summary>Loads an ML.NET binary model zip with a calibrated linear predictor; throws for any other.</summary>
    public static LinearSubtopicModel Load(Stream zip)
    {
        var ml = new MLContext(seed: 0);
        var model = ml.Model.Load(zip, out var inputSchema);
        return FromTransformer(model, inputSchema);
    }

    public static LinearSubtopicModel FromTransformer(ITransformer model, DataViewSchema inputSchema)
    {
        var predictor = LinearTopicModel.FindPredictor<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>(model)
            ?? throw new InvalidDataException("The model holds no Platt-calibrated linear binary predictor.");
        var dimension = inputSchema["Features"].Type is VectorDataViewType v ? v.Size : throw new InvalidDataException("Features is not a vector column.");
        var weights = new float[dimension];
        var i = 0;
        foreach (var w in predictor.SubModel.Weights)
            weights[i++] = w;
        return new LinearSubtopicModel(weights, predictor.SubModel.Bias, predictor.Calibrator.Slope, predictor.Calibrator.Offset);
    }

    /// <summary>The calibrated probability that the document has this subtopic.</summary>
    public double Probability(SparseFeatures features)
    {
        var score = (double)_bias;
        var indices = features.Indices;
        var values = features.Values;
        for (var i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] < (uint)_weights.Length)
                score += _weights[indices[i]] * values[i];
        }
        return 1.0 / (1.0 + Math.Exp(_slope * score + _offset));
    }
}
