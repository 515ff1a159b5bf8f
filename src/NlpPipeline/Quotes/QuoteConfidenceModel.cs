using System.Globalization;
using NlpPipeline.Resources;

namespace NlpPipeline.Quotes;

/// <summary>
/// A logistic model over the features of a found quote (type, rule, cue frame, how the speaker was resolved,
/// distance, length): <c>confidence = σ(w·x)</c>, the estimated probability that the quote and its speaker are right.
/// The weights live in <c>data/vi/quote-confidence.tsv</c> and are fitted by <c>nlp train quote-confidence</c>.
/// </summary>
public sealed class QuoteConfidenceModel
{
    /// <summary>Feature names, in the order of <see cref="Features"/>.</summary>
    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "bias", "direct", "mixed",
        "pattern:after", "pattern:theo", "pattern:headline", "pattern:continuation", "pattern:unattributed",
        "cue:bare", "introduced",
        "speaker:name", "speaker:alias", "speaker:pronoun", "speaker:title", "speaker:group", "speaker:none",
        "distance", "log-length",
    ];

    private static readonly Lazy<QuoteConfidenceModel> DefaultInstance = new(() =>
        EmbeddedResources.Exists("data/vi/quote-confidence.tsv")
            ? FromLines(EmbeddedResources.ReadLines("data/vi/quote-confidence.tsv"))
            : new QuoteConfidenceModel(new double[FeatureNames.Count]));

    private readonly double[] _weights;

    public QuoteConfidenceModel(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != FeatureNames.Count)
            throw new ArgumentException($"Expected {FeatureNames.Count} weights.", nameof(weights));
        _weights = [.. weights];
    }

    public static QuoteConfidenceModel Default => DefaultInstance.Value;

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Reads <c>feature&lt;TAB&gt;weight</c> lines; unknown features are an error, missing ones weigh 0.</summary>
    public static QuoteConfidenceModel FromLines(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var weights = new double[FeatureNames.Count];
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            var index = FeatureNames.ToList().IndexOf(parts[0]);
            if (index < 0 || parts.Length < 2)
                throw new InvalidDataException($"quote-confidence: bad line '{line}'");
            weights[index] = double.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return new QuoteConfidenceModel(weights);
    }

    /// <summary>The weights as <c>feature&lt;TAB&gt;weight</c> lines.</summary>
    public IEnumerable<string> ToLines() =>
        FeatureNames.Select((name, i) => name + "\t" + _weights[i].ToString("0.####", CultureInfo.InvariantCulture));

    internal double Score(QuoteCandidate candidate, Documents.AnnotatedDocument document) => Score(Features(candidate, document));

    public double Score(double[] x)
    {
        var z = 0.0;
        for (var i = 0; i < x.Length; i++)
            z += _weights[i] * x[i];
        return Math.Round(1.0 / (1.0 + Math.Exp(-z)), 4);
    }

    internal static double[] Features(QuoteCandidate c, Documents.AnnotatedDocument document)
    {
        var x = new double[FeatureNames.Count];
        x[0] = 1;
        x[1] = c.Type == Documents.QuoteTypes.Direct ? 1 : 0;
        x[2] = c.Type == Documents.QuoteTypes.Mixed ? 1 : 0;
        x[3] = c.Pattern == QuotePattern.CueAfter ? 1 : 0;
        x[4] = c.Pattern == QuotePattern.Theo ? 1 : 0;
        x[5] = c.Pattern == QuotePattern.Headline ? 1 : 0;
        x[6] = c.Pattern == QuotePattern.Continuation ? 1 : 0;
        x[7] = c.Pattern == QuotePattern.Unattributed ? 1 : 0;
        x[8] = (c.CueFrame & CueFrame.Bare) != 0 ? 1 : 0;
        x[9] = c.Introduced ? 1 : 0;
        var r = c.Speaker?.Resolution ?? SpeakerResolution.None;
        x[10] = r == SpeakerResolution.Name ? 1 : 0;
        x[11] = r == SpeakerResolution.Alias ? 1 : 0;
        x[12] = r == SpeakerResolution.Pronoun ? 1 : 0;
        x[13] = r == SpeakerResolution.Title ? 1 : 0;
        x[14] = r == SpeakerResolution.Group ? 1 : 0;
        x[15] = r == SpeakerResolution.None ? 1 : 0;
        x[16] = Math.Min(c.Distance, 5);
        x[17] = Math.Log(1 + Math.Max(0, c.End - c.Start)) / 5.0;
        return x;
    }
}
