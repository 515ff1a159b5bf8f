using System.CommandLine;
using NlpPipeline.Documents;
using NlpPipeline.Pipeline;
using NlpPipeline.Quotes;

namespace NlpPipeline.Cli.Commands;

/// <summary><c>nlp eval quotes GOLD.jsonl TEXTS_DIR</c>: the quote scoring of QUOTES.md over the default pipeline.</summary>
public static class QuoteCommands
{
    /// <summary>The stages run before scoring: the default pipeline.</summary>
    internal static IReadOnlyList<IDocumentStage> Stages() => Environment.GetEnvironmentVariable("NLP_QUOTES_TEXT_ONLY") == "1"
        ? [new QuoteExtractor()]
        : [new NlpPipeline.Text.Segmentation.PerceptronWordSegmenter(), NlpPipeline.Entities.PerceptronEntityRecognizer.Default, new QuoteExtractor()];

    public static Command Eval()
    {
        var gold = new Argument<string[]>("gold") { Description = "Gold JSON Lines files (QUOTES.md), then the folder of texts.", Arity = ArgumentArity.OneOrMore };
        var details = new Option<bool>("--details") { Description = "List misses, false alarms, wrong speakers and inexact contents." };
        var cmd = new Command("quotes", "Score quote extraction against gold quotes (QUOTES.md): quote F1, exact F1, speaker accuracy, end-to-end F1.");
        cmd.Arguments.Add(gold);
        var only = new Option<string?>("--doc") { Description = "Score only the gold document whose path contains this text." };
        cmd.Options.Add(details);
        cmd.Options.Add(only);
        cmd.SetAction(parseResult =>
        {
            var args = parseResult.GetValue(gold) ?? [];
            if (args.Length < 2)
            {
                Console.Error.WriteLine("usage: nlp eval quotes GOLD.jsonl [GOLD2.jsonl ...] TEXTS_DIR");
                return 2;
            }
            var textsDir = args[^1];
            var records = args[..^1].SelectMany(GoldDocument.ReadAll).ToList();
            if (parseResult.GetValue(only) is { Length: > 0 } filter)
                records = [.. records.Where(r => r.Doc.Contains(filter, StringComparison.Ordinal))];
            var stages = Stages();
            var (quotes, texts) = QuoteEvaluation.Predict(records, textsDir, d => Annotate(d, stages));
            var result = new QuoteScorer().Score(records, quotes);
            Console.Write(QuoteEvaluation.Report(result, texts, parseResult.GetValue(details)));
            return 0;
        });
        return cmd;
    }

    private static AnnotatedDocument Annotate(Document document, IReadOnlyList<IDocumentStage> stages)
    {
        var doc = new AnnotatedDocument(document);
        foreach (var stage in stages)
            doc = stage.Process(doc);
        return doc;
    }
}
