using System.Collections.Frozen;
using System.Globalization;
using NlpPipeline.Resources;

namespace NlpPipeline.Quotes;

/// <summary>One possible referent of a pronoun or of a quotation without a source: a speaker (null: no source) and its features.</summary>
internal sealed record AntecedentCandidate(SpeakerInfo? Speaker, string[] Features);

/// <summary>
/// A choice among the people a reference may point to: the kind of reference (<c>pro</c> a personal pronoun or address,
/// <c>dem</c> a demonstrative such as <c>người này</c>, <c>near</c> a quotation introduced by a source phrase not understood,
/// <c>free</c> a quotation with no source, <c>cont</c> a quotation continuing an earlier speaker's), the candidates, the
/// index of the rules' own pick and the index chosen.
/// </summary>
internal sealed record AntecedentDecision(string Kind, IReadOnlyList<AntecedentCandidate> Candidates, int RulePick, int Chosen)
{
    public SpeakerInfo? ChosenSpeaker => Candidates[Chosen].Speaker;
}

/// <summary>
/// A linear ranker over <see cref="AntecedentDecision"/> candidates (averaged perceptron, sparse string features): the
/// candidate with the highest score is chosen, the rules' pick on ties. Weights live in <c>models/speaker-ranker.tsv</c>
/// and are trained by <c>nlp train speaker-ranker</c> (<see cref="SpeakerRankerTrainer"/>).
/// </summary>
public sealed class SpeakerRanker
{
    private const string ModelResource = "models/speaker-ranker.tsv";

    private static readonly Lazy<SpeakerRanker?> DefaultInstance = new(() =>
        EmbeddedResources.Exists(ModelResource) ? FromLines(EmbeddedResources.ReadLines(ModelResource)) : null);

    private readonly FrozenDictionary<string, double> _weights;

    public SpeakerRanker(IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _weights = weights.Where(kv => kv.Value != 0).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The shipped model, or null when none is embedded (the rules decide alone).</summary>
    public static SpeakerRanker? Default => DefaultInstance.Value;

    public IReadOnlyDictionary<string, double> Weights => _weights;

    public double Score(IEnumerable<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var s = 0.0;
        foreach (var f in features)
            s += _weights.GetValueOrDefault(f);
        return s;
    }

    /// <summary>The index of the best-scoring candidate; <paramref name="rulePick"/> unless another scores strictly higher.</summary>
    internal int Choose(IReadOnlyList<AntecedentCandidate> candidates, int rulePick)
    {
        var best = rulePick;
        var top = Score(candidates[rulePick].Features);
        for (var i = 0; i < candidates.Count; i++)
        {
            var s = Score(candidates[i].Features);
            if (s > top)
                (best, top) = (i, s);
        }
        return best;
    }

    /// <summary>Reads <c>feature&lt;TAB&gt;weight</c> lines (lines opening with <c>#</c> are comments).</summary>
    public static SpeakerRanker FromLines(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var w = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var parts = line.Split('\t');
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new InvalidDataException($"speaker-ranker: bad line '{line}'");
            w[parts[0]] = v;
        }
        return new SpeakerRanker(w);
    }

    /// <summary>The non-zero weights as <c>feature&lt;TAB&gt;weight</c> lines, ordered by feature (ordinal).</summary>
    public IEnumerable<string> ToLines() =>
        _weights.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "\t" + kv.Value.ToString("0.####", CultureInfo.InvariantCulture));
}
