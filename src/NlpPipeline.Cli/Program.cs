using System.CommandLine;

namespace NlpPipeline.Cli;

/// <summary>Entry point of the <c>nlp</c> command. Each area adds its commands from its own file under <c>Commands/</c>.</summary>
public static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    /// <summary>The whole command tree; tests parse against it.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("NlpPipeline: who said what in Vietnamese news.");

        // nlp train <model>
        var train = new Command("train", "Train a model from the shared corpora and write it under models/.");
        // (segmenter) (ner) (topic)
        train.Subcommands.Add(Commands.SegmenterCommands.Train());
        train.Subcommands.Add(Commands.NerCommands.Train());
        train.Subcommands.Add(Commands.QuoteCommands.Train());
        train.Subcommands.Add(Commands.QuoteCommands.MineCues());
        train.Subcommands.Add(Commands.TitlesCommands.Train());
        root.Subcommands.Add(train);

        // nlp eval <task> GOLD
        var eval = new Command("eval", "Score a task against gold data and print precision, recall, F1.");
        // (segmentation) (ner) (quotes) (topic)
        eval.Subcommands.Add(Commands.QuoteCommands.Eval());
        eval.Subcommands.Add(Commands.SegmenterCommands.Eval());
        eval.Subcommands.Add(Commands.NerCommands.Eval());
        eval.Subcommands.Add(Commands.TitlesCommands.Eval());
        root.Subcommands.Add(eval);

        // annotate, index, query, people, person, export
        return root;
    }
}
