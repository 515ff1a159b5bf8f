namespace NlpPipeline.Topics;

/// <summary>
/// Temperature calibration of a class-probability vector: <c>q_c = p_c^a / Σ_j p_j^a</c>, one exponent <c>a</c> for all
/// classes (a &lt; 1 softens over-confident probabilities). It never changes the ranking of the classes, so accuracy is
/// unchanged. The exponent is fitted on held-out predictions by minimising their negative log-likelihood.
/// </summary>
public static class TopicCalibration
{
    /// <summary>Probabilities below this are treated as this (keeps the logarithm finite).</summary>
    public const float Floor = 1e-12f;

    /// <summary>Rescales <paramref name="probabilities"/> (summing to one) in place by the exponent <paramref name="exponent"/>; 1 leaves them as they are.</summary>
    public static void Apply(Span<float> probabilities, float exponent)
    {
        if (exponent == 1f)
            return;
        for (var c = 0; c < probabilities.Length; c++)
            probabilities[c] = exponent * MathF.Log(Math.Max(probabilities[c], Floor));
        LinearTopicModel.Softmax(probabilities);
    }

    /// <summary>
    /// The exponent in [1/64, 64] minimising the mean negative log-likelihood of <paramref name="gold"/> under the
    /// rescaled <paramref name="probabilities"/> (one row per held-out document). The likelihood is log-concave in the
    /// exponent, so a golden-section search over its logarithm finds the optimum; deterministic.
    /// </summary>
    public static float Fit(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> gold)
    {
        if (probabilities.Count != gold.Count)
            throw new ArgumentException("One gold class per probability row is needed.", nameof(gold));
        if (probabilities.Count == 0)
            return 1f;
        var logs = probabilities.Select(p => p.Select(v => Math.Log(Math.Max(v, Floor))).ToArray()).ToArray();
        double Loss(double a)
        {
            var total = 0.0;
            for (var i = 0; i < logs.Length; i++)
            {
                var max = logs[i].Max() * a;
                var sum = logs[i].Sum(l => Math.Exp(a * l - max));
                total += max + Math.Log(sum) - a * logs[i][gold[i]];
            }
            return total / logs.Length;
        }
        double lo = Math.Log(1.0 / 64), hi = Math.Log(64);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var step = 0; step < 60; step++)
        {
            var m1 = hi - ratio * (hi - lo);
            var m2 = lo + ratio * (hi - lo);
            if (Loss(Math.Exp(m1)) <= Loss(Math.Exp(m2)))
                hi = m2;
            else
                lo = m1;
        }
        return (float)Math.Exp((lo + hi) / 2);
    }
}
