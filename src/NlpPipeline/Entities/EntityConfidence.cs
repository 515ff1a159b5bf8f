namespace NlpPipeline.Entities;

/// <summary>
/// Marginal probability of each decoded entity: forward-backward over the same lattice as Viterbi (allowed BILOU
/// transitions), with the perceptron's scores divided by a temperature, gives the probability that the tokens of
/// the span carry exactly the decoded labels. Scaled (per-token normalised) sums in double: no overflow, no logs.
/// </summary>
internal static class EntityConfidence
{
    private const int L = PerceptronEntityModel.LabelCount;

    /// <summary>Temperatures tried by <see cref="FitTemperature"/>, in the fixed-point unit of the weights.</summary>
    public static readonly float[] Grid = [.. Enumerable.Range(0, 17).Select(k => MathF.Pow(2, 10 + k / 2f))];

    /// <summary>
    /// For each entity of <c>s.Path</c> over tokens 0..n-1 (U alone, or B I* L), writes its probability to
    /// <c>s.SpanProbability[begin]</c>; uses the scores and transitions Viterbi used.
    /// </summary>
    public static void Compute(float[] transitions, EntityScratch s, int n, float temperature)
    {
        s.EnsureMarginals(n);
        var scores = s.Scores;
        var alpha = s.Alpha;
        var beta = s.Beta;
        var psi = s.Psi;
        var scale = s.ScaleFactors;
        var path = s.Path;
        var inv = 1.0 / temperature;
        // Transition factors relative to the largest: a common factor cancels in the normalised sums.
        var maxTransition = transitions.Max();
        Span<double> e = stackalloc double[(L + 1) * L];
        for (var i = 0; i < e.Length; i++)
            e[i] = PerceptronEntityModel.Allowed(i / L, i % L) ? Math.Exp((transitions[i] - maxTransition) * inv) : 0;
        for (var t = 0; t < n; t++)
        {
            var o = t * L;
            var max = float.NegativeInfinity;
            for (var l = 0; l < L; l++)
                max = Math.Max(max, scores[o + l]);
            for (var l = 0; l < L; l++)
                psi[o + l] = Math.Exp((scores[o + l] - max) * inv);
        }
        double c = 0;
        for (var l = 0; l < L; l++)
            c += alpha[l] = e[L * L + l] * psi[l];
        scale[0] = c = Math.Max(c, double.Epsilon);
        for (var l = 0; l < L; l++)
            alpha[l] /= c;
        for (var t = 1; t < n; t++)
        {
            var o = t * L;
            c = 0;
            for (var l = 0; l < L; l++)
            {
                double sum = 0;
                for (var p = 0; p < L; p++)
                    sum += alpha[o - L + p] * e[p * L + l];
                c += alpha[o + l] = sum * psi[o + l];
            }
            scale[t] = c = Math.Max(c, double.Epsilon);
            for (var l = 0; l < L; l++)
                alpha[o + l] /= c;
        }
        for (var l = 0; l < L; l++)
            beta[(n - 1) * L + l] = 1;
        for (var t = n - 2; t >= 0; t--)
        {
            var o = t * L;
            for (var l = 0; l < L; l++)
            {
                double sum = 0;
                for (var next = 0; next < L; next++)
                    sum += e[l * L + next] * psi[o + L + next] * beta[o + L + next];
                beta[o + l] = sum / scale[t + 1];
            }
        }
        var begin = -1;
        double p0 = 0;
        for (var t = 0; t < n; t++)
        {
            var y = path[t];
            if (y == 0)
                continue;
            var part = PerceptronEntityModel.Part(y);
            if (part is 0 or 3 || begin < 0)
            {
                begin = t;
                if (t == 0)
                {
                    p0 = e[L * L + y];
                }
                else
                {
                    p0 = 0;
                    for (var p = 0; p < L; p++)
                        p0 += alpha[(t - 1) * L + p] * e[p * L + y];
                }
                p0 *= psi[t * L + y] / scale[t];
            }
            else
            {
                p0 *= e[path[t - 1] * L + y] * psi[t * L + y] / scale[t];
            }
            if (part is 2 or 3 || t == n - 1 || path[t + 1] == 0 || PerceptronEntityModel.Part(path[t + 1]) is 0 or 3)
            {
                var probability = p0 * beta[t * L + y];
                s.SpanProbability[begin] = double.IsFinite(probability) ? (float)Math.Clamp(probability, 0, 1) : 0;
                begin = -1;
            }
        }
    }

    /// <summary>
    /// Log loss of the probabilities <see cref="Compute"/> gave the entities of <c>s.Path</c> (tokens 0..n-1), an
    /// entity counting as right when <paramref name="gold"/> has exactly its labels over its span.
    /// </summary>
    public static double LogLoss(EntityScratch s, int n, ReadOnlySpan<byte> gold)
    {
        double loss = 0;
        var t = 0;
        while (t < n)
        {
            if (s.Path[t] == 0)
            {
                t++;
                continue;
            }
            var begin = t;
            var right = true;
            do
            {
                right &= gold[t] == s.Path[t];
                t++;
            }
            while (t < n && s.Path[t] != 0 && PerceptronEntityModel.Part(s.Path[t]) is 1 or 2 && PerceptronEntityModel.Part(s.Path[t - 1]) is 0 or 1);
            var p = Math.Clamp(s.SpanProbability[begin], 1e-6, 1 - 1e-6);
            loss -= Math.Log(right ? p : 1 - p);
        }
        return loss;
    }
}
