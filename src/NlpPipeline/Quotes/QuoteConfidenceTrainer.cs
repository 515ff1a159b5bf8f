using NlpPipeline.Documents;

namespace NlpPipeline.Quotes;

/// <summary>Which found quotes of a gold set can be labelled: the gold annotates all quotes, only direct ones, or only some.</summary>
public enum GoldScope
{
    /// <summary>Every quote is annotated: each found quote is an example.</summary>
    All,
    /// <summary>Only direct quotes are annotated: found direct quotes are examples.</summary>
    Direct,
    /// <summary>Only some quotes are annotated (one pattern, interview answers): found quotes that match a gold quote are
    /// examples, labelled by their speaker.</summary>
    Matched,
}

/// <summary>A found quote as a training example: its document (the fold group), features and end-to-end label.</summary>
public sealed record ConfidenceExample(string Doc, double[] X, int Y);

/// <summary>
/// Fits <see cref="QuoteConfidenceModel"/>: runs the extractor over gold documents, labels each found quote 1 when it
/// matches a gold quote (QUOTES.md matching) with the right speaker, else 0, and fits logistic regression by full-batch
/// gradient descent with L2 (fixed iterations and step, zero start: deterministic). Cross-validation folds are by
/// document, so no document's quotes are scored by a model that saw them.
/// </summary>
public static class QuoteConfidenceTrainer
{
    /// <summary>
    /// The examples of the quotes found in each set's documents that its scope can label, and the number of gold quotes
    /// those sets hold (all quotes of a full set, direct ones of a direct set, matched ones of a partial set). A document is
    /// named <c>set index:path</c>, so the same path in two sets stays two documents.
    /// </summary>
    public static (List<ConfidenceExample> Examples, int Gold) Examples(
        IReadOnlyList<(IReadOnlyList<GoldDocument> Gold, string TextsDir, GoldScope Scope)> sets, Func<Document, AnnotatedDocument> before, QuoteExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(extractor);
        var examples = new List<ConfidenceExample>();
        var goldCount = 0;
        var zero = new QuoteConfidenceModel(new double[QuoteConfidenceModel.FeatureNames.Count]);
        var scorer = new QuoteScorer();
        for (var s = 0; s < sets.Count; s++)
        {
            foreach (var g in sets[s].Gold)
            {
                var doc = before(QuoteEvaluation.ReadText(sets[s].TextsDir, g.Doc));
                var candidates = extractor.Extract(doc);
                var quotes = candidates.Select(c => c.ToQuote(doc, zero)).ToList();
                var result = scorer.Score([g], new Dictionary<string, IReadOnlyList<Quote>> { [g.Doc] = quotes });
                var scope = sets[s].Scope;
                goldCount += scope switch
                {
                    GoldScope.All => result.All.Quote.Gold,
                    GoldScope.Direct => g.Quotes.Count(q => q.Type == QuoteTypes.Direct),
                    _ => result.Matches.Count,
                };
                var matched = new HashSet<Quote>(result.Matches.Select(m => m.Predicted), ReferenceEqualityComparer.Instance);
                var right = result.RightEndToEnd();
                for (var i = 0; i < candidates.Count; i++)
                {
                    var q = quotes[i];
                    if (scope == GoldScope.All || (scope == GoldScope.Direct && q.Type == QuoteTypes.Direct) || (scope == GoldScope.Matched && matched.Contains(q)))
                        examples.Add(new ConfidenceExample($"{s}:{g.Doc}", QuoteConfidenceModel.Features(candidates[i], doc), right.Contains(q) ? 1 : 0));
                }
            }
        }
        return (examples, goldCount);
    }

    /// <summary>The model fitted on <paramref name="examples"/>.</summary>
    public static QuoteConfidenceModel Fit(IReadOnlyList<ConfidenceExample> examples, double l2 = DefaultL2)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return Fit([.. examples.Select(e => e.X)], [.. examples.Select(e => e.Y)], l2: l2);
    }

    /// <summary>The L2 weight of <see cref="Fit(IReadOnlyList{ConfidenceExample}, double)"/>.</summary>
    public const double DefaultL2 = 0.01;

    /// <summary>Logistic regression weights for the rows; <paramref name="l2"/> does not apply to the bias.</summary>
    public static QuoteConfidenceModel Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int iterations = 3000, double step = 0.5, double l2 = DefaultL2)
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

    /// <summary>
    /// Out-of-fold confidences, in the order of <paramref name="examples"/>: documents go to folds round-robin in order of
    /// first appearance, and each fold's quotes are scored by the model fitted on the other folds.
    /// </summary>
    public static double[] CrossValidate(IReadOnlyList<ConfidenceExample> examples, int folds, double l2 = DefaultL2)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var fold = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in examples)
            fold.TryAdd(e.Doc, fold.Count % folds);
        var scores = new double[examples.Count];
        for (var k = 0; k < folds; k++)
        {
            var model = Fit([.. examples.Where(e => fold[e.Doc] != k)], l2);
            for (var i = 0; i < examples.Count; i++)
            {
                if (fold[examples[i].Doc] == k)
                    scores[i] = model.Score(examples[i].X);
            }
        }
        return scores;
    }
}
