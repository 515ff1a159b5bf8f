using NlpPipeline.Documents;

namespace NlpPipeline.Quotes;

/// <summary>
/// Fits <see cref="QuoteConfidenceModel"/>: runs the extractor over gold documents, labels each found quote 1 when it
/// matches a gold quote (QUOTES.md matching) with the right speaker, else 0, and fits logistic regression by full-batch
/// gradient descent with L2 (fixed iterations and step, zero start: deterministic).
/// </summary>
public static class QuoteConfidenceTrainer
{
    /// <summary>Feature rows and labels of the quotes found in <paramref name="gold"/>'s documents.</summary>
    public static (List<double[]> X, List<int> Y) Examples(
        IReadOnlyList<GoldDocument> gold, string textsDir, Func<Document, AnnotatedDocument> before, QuoteExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(extractor);
        var xs = new List<double[]>();
        var ys = new List<int>();
        var zero = new QuoteConfidenceModel(new double[QuoteConfidenceModel.FeatureNames.Count]);
        var scorer = new QuoteScorer();
        foreach (var g in gold)
        {
            var doc = before(QuoteEvaluation.ReadText(textsDir, g.Doc));
            var candidates = extractor.Extract(doc);
            var quotes = candidates.Select(c => c.ToQuote(doc.Text, zero)).ToList();
            var result = scorer.Score([g], new Dictionary<string, IReadOnlyList<Quote>> { [g.Doc] = quotes });
            var right = new HashSet<Quote>(result.Matches.Where(m => m.SpeakerRight).Select(m => m.Predicted), ReferenceEqualityComparer.Instance);
            for (var i = 0; i < candidates.Count; i++)
            {
                xs.Add(QuoteConfidenceModel.Features(candidates[i]));
                ys.Add(right.Contains(quotes[i]) ? 1 : 0);
            }
        }
        return (xs, ys);
    }

    /// <summary>Logistic regression weights for the rows; <paramref name="l2"/> does not apply to the bias.</summary>
    public static QuoteConfidenceModel Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int iterations = 3000, double step = 0.5, double l2 = 0.01)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var d = QuoteConfidenceModel.FeatureNames.Count;
        var w = new double[d];
        if (x.Count == 0)
            return new QuoteConfidenceModel(w);
        var grad = new double[d];
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            for (var i = 0; i < x.Count; i++)
            {
                var z = 0.0;
                for (var j = 0; j < d; j++)
                    z += w[j] * x[i][j];
                var err = 1.0 / (1.0 + Math.Exp(-z)) - y[i];
                for (var j = 0; j < d; j++)
                    grad[j] += err * x[i][j];
            }
            for (var j = 0; j < d; j++)
                w[j] -= step * (grad[j] / x.Count + (j == 0 ? 0 : l2 * w[j]));
        }
        return new QuoteConfidenceModel([.. w.Select(v => Math.Round(v, 4))]);
    }
}
