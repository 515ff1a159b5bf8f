using NlpPipeline.Documents;

namespace NlpPipeline.Quotes;

/// <summary>
/// Trains <see cref="SpeakerRanker"/>: runs the rules over gold documents recording every referent choice
/// (<see cref="AntecedentDecision"/>), labels a candidate right when its name names the gold speaker of the quote the choice
/// served (QUOTES.md speaker matching; no speaker is right for a gold <c>null</c>), and fits an averaged perceptron over the
/// choices that have a right candidate (fixed order and epochs, zero start: deterministic). Cross-validation folds by document.
/// </summary>
public static class SpeakerRankerTrainer
{
    /// <summary>One recorded choice of a found quote that matched a gold quote, with which candidates name the gold speaker.</summary>
    internal sealed record Example(string Doc, AntecedentDecision Decision, bool[] Right);

    /// <summary>A gold document with its text annotated by the stages before the quote stage.</summary>
    public sealed record Annotated(GoldDocument Gold, AnnotatedDocument Document);

    private static readonly QuoteConfidenceModel NoConfidence = new(new double[QuoteConfidenceModel.FeatureNames.Count]);

    /// <summary>The quotes found in each document with <paramref name="ranker"/> (null: the rules alone), keyed by gold path.</summary>
    private static (Dictionary<string, IReadOnlyList<Quote>> Quotes, Dictionary<string, List<QuoteCandidate>> Candidates) Run(
        IEnumerable<Annotated> docs, SpeakerRanker? ranker, bool record)
    {
        var extractor = new QuoteExtractor(QuoteLexicon.Default, NoConfidence, ranker) { RecordDecisions = record };
        var quotes = new Dictionary<string, IReadOnlyList<Quote>>(StringComparer.Ordinal);
        var candidates = new Dictionary<string, List<QuoteCandidate>>(StringComparer.Ordinal);
        foreach (var d in docs)
        {
            var found = extractor.Extract(d.Document);
            candidates[d.Gold.Doc] = found;
            quotes[d.Gold.Doc] = [.. found.Select(c => c.ToQuote(d.Document.Text, NoConfidence))];
        }
        return (quotes, candidates);
    }

    /// <summary>The recorded choices of the rules over <paramref name="docs"/> that served a matched quote and have a right candidate.</summary>
    internal static List<Example> Examples(IReadOnlyList<Annotated> docs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var (quotes, candidates) = Run(docs, null, record: true);
        var scorer = new QuoteScorer();
        var result = scorer.Score([.. docs.Select(d => d.Gold)], quotes);
        var examples = new List<Example>();
        foreach (var m in result.Matches)
        {
            var i = IndexOf(quotes[m.Doc], m.Predicted);
            if (candidates[m.Doc][i].Decision is not { } decision)
                continue;
            var right = decision.Candidates.Select(c => scorer.SpeakerMatches(m.Gold, c.Speaker?.Name)).ToArray();
            if (right.Any(r => r))
                examples.Add(new Example(m.Doc, decision, right));
        }
        // Matches come in scorer order; train in document and text order.
        return [.. examples.OrderBy(e => e.Doc, StringComparer.Ordinal)];
    }

    private static int IndexOf(IReadOnlyList<Quote> list, Quote q)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], q))
                return i;
        }
        throw new InvalidOperationException("matched quote not among the predictions");
    }

    /// <summary>Averaged perceptron over the choices: on a wrong top candidate, add the best-scoring right one's features and
    /// subtract the chosen one's. Weights rounded to 4 decimals.</summary>
    internal static SpeakerRanker Train(IReadOnlyList<Example> examples, int epochs)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var w = new Dictionary<string, double>(StringComparer.Ordinal);
        var u = new Dictionary<string, double>(StringComparer.Ordinal);
        var c = 1;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var e in examples)
            {
                var current = new SpeakerRanker(w);
                var cands = e.Decision.Candidates;
                var predicted = current.Choose(cands, e.Decision.RulePick);
                if (!e.Right[predicted])
                {
                    var gold = -1;
                    var top = double.NegativeInfinity;
                    for (var i = 0; i < cands.Count; i++)
                    {
                        if (e.Right[i] && current.Score(cands[i].Features) is var s && s > top)
                            (gold, top) = (i, s);
                    }
                    Update(w, u, cands[gold].Features, 1, c);
                    Update(w, u, cands[predicted].Features, -1, c);
                }
                c++;
            }
        }
        return new SpeakerRanker(w.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value - u.GetValueOrDefault(kv.Key) / c, 4), StringComparer.Ordinal));
    }

    private static void Update(Dictionary<string, double> w, Dictionary<string, double> u, string[] features, double delta, int c)
    {
        foreach (var f in features)
        {
            w[f] = w.GetValueOrDefault(f) + delta;
            u[f] = u.GetValueOrDefault(f) + delta * c;
        }
    }

    /// <summary>Trains on every document.</summary>
    public static SpeakerRanker Train(IReadOnlyList<Annotated> docs, int epochs = 10) => Train(Examples(docs), epochs);

    /// <summary>The number of training choices and how many of them the rules got right, over <paramref name="docs"/>.</summary>
    public static (int Choices, int RuleRight) Count(IReadOnlyList<Annotated> docs)
    {
        var ex = Examples(docs);
        return (ex.Count, ex.Count(e => e.Right[e.Decision.RulePick]));
    }

    /// <summary>Scores of <paramref name="docs"/> with <paramref name="ranker"/> (null: the rules alone).</summary>
    public static QuoteEvaluationResult Score(IReadOnlyList<Annotated> docs, SpeakerRanker? ranker)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var (quotes, _) = Run(docs, ranker, record: false);
        return new QuoteScorer().Score([.. docs.Select(d => d.Gold)], quotes);
    }

    /// <summary>
    /// Cross-validation by document: fold k holds the documents whose index in ordinal path order is k mod
    /// <paramref name="folds"/>; each is scored with a ranker trained on the others. Returns the pooled scores with the rules
    /// alone and with the held-out rankers.
    /// </summary>
    public static (QuoteEvaluationResult Rules, QuoteEvaluationResult Ranked) CrossValidate(IReadOnlyList<Annotated> docs, int folds, int epochs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var ordered = docs.OrderBy(d => d.Gold.Doc, StringComparer.Ordinal).ToList();
        var quotes = new Dictionary<string, IReadOnlyList<Quote>>(StringComparer.Ordinal);
        for (var k = 0; k < folds; k++)
        {
            var train = ordered.Where((_, i) => i % folds != k).ToList();
            var test = ordered.Where((_, i) => i % folds == k).ToList();
            var ranker = Train(train, epochs);
            foreach (var (doc, q) in Run(test, ranker, record: false).Quotes)
                quotes[doc] = q;
        }
        var gold = ordered.Select(d => d.Gold).ToList();
        return (Score(ordered, null), new QuoteScorer().Score(gold, quotes));
    }
}
