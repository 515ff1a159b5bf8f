using NlpPipeline.Entities;

namespace NlpPipeline.Tests.Entities;

public class EntityConfidenceTests
{
    private const int L = PerceptronEntityModel.LabelCount;

    /// <summary>Random scores and transitions over <c>n</c> tokens (fixed seed).</summary>
    private static (EntityScratch S, float[] Transitions) Lattice(int n, int seed)
    {
        var rng = new Random(seed);
        var s = new EntityScratch();
        s.EnsureTokens(n);
        s.EnsureLabels(n, L);
        for (var i = 0; i < n * L; i++)
            s.Scores[i] = (float)(rng.NextDouble() * 40_000 - 20_000);
        var transitions = new float[(L + 1) * L];
        for (var i = 0; i < transitions.Length; i++)
            transitions[i] = (float)(rng.NextDouble() * 20_000 - 10_000);
        return (s, transitions);
    }

    /// <summary>Probability of the labels <paramref name="span"/> at tokens <paramref name="begin"/>.. by enumerating every allowed path.</summary>
    private static double BruteForce(EntityScratch s, float[] transitions, int n, double temperature, int begin, int[] span)
    {
        double z = 0, hit = 0;
        var labels = new int[n];
        void Walk(int t, int previous, double score)
        {
            if (t == n)
            {
                var w = Math.Exp(score / temperature);
                z += w;
                if (span.Select((y, k) => labels[begin + k] == y).All(b => b))
                    hit += w;
                return;
            }
            for (var l = 0; l < L; l++)
            {
                if (!PerceptronEntityModel.Allowed(previous, l))
                    continue;
                labels[t] = l;
                Walk(t + 1, l, score + transitions[previous * L + l] + s.Scores[t * L + l]);
            }
        }
        Walk(0, L, 0);
        return hit / z;
    }

    public static TheoryData<int, int, int[]> Spans => new()
    {
        // seed, first token, labels of the entity (U-PER alone; B-ORG L-ORG; B-LOC I-LOC L-LOC).
        { 1, 0, [PerceptronEntityModel.Label(0, 3)] },
        { 2, 1, [PerceptronEntityModel.Label(1, 0), PerceptronEntityModel.Label(1, 2)] },
        { 3, 0, [PerceptronEntityModel.Label(2, 0), PerceptronEntityModel.Label(2, 1), PerceptronEntityModel.Label(2, 2)] },
        { 4, 3, [PerceptronEntityModel.Label(3, 3)] },
    };

    [Theory]
    [MemberData(nameof(Spans))]
    public void Compute_DecodedSpan_EqualsBruteForceMarginal(int seed, int begin, int[] span)
    {
        const int n = 4;
        const float temperature = 20_000;
        var (s, transitions) = Lattice(n, seed);
        Array.Clear(s.Path);
        span.CopyTo(s.Path, begin);

        EntityConfidence.Compute(transitions, s, n, temperature);

        var expected = BruteForce(s, transitions, n, temperature, begin, span);
        Assert.InRange(expected, 1e-9, 1);
        Assert.Equal(expected, s.SpanProbability[begin], 4);
    }

    [Fact]
    public void Compute_HigherTemperature_MovesViterbiSpanTowardsUncertainty()
    {
        const int n = 4;
        var (s, transitions) = Lattice(n, 7);
        PerceptronEntityModel.Viterbi(transitions, s, n);
        var begin = Array.FindIndex(s.Path, 0, n, y => y != 0);
        Assert.True(begin >= 0, "the random lattice decodes to at least one entity");

        EntityConfidence.Compute(transitions, s, n, 1_000);
        var sharp = s.SpanProbability[begin];
        EntityConfidence.Compute(transitions, s, n, 1_000_000);
        var flat = s.SpanProbability[begin];

        Assert.True(sharp > flat, $"{sharp} <= {flat}");
        Assert.True(sharp > 0.5, $"the best path's span at low temperature: {sharp}");
    }
}
