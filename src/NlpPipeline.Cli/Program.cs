using System.CommandLine;

namespace NlpPipeline.Cli;

/// <summary>Entry point of the <c>nlp</c> command. Each area adds its commands from its own file under <c>Commands/</c>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Every command uses each SQLite connection from one thread at a time.
        Storage.SqliteProcess.Configure();
        var parseResult = BuildRoot().Parse(args);
        if (parseResult.Errors is [var error, ..])
        {
            // Argument errors: one clear line and exit code 2.
            var names = new List<string>();
            for (var c = parseResult.CommandResult; c is not null && c.Command is not RootCommand; c = c.Parent as System.CommandLine.Parsing.CommandResult)
                names.Insert(0, c.Command.Name);
            var command = string.Join(' ', ["nlp", .. names]);
            Console.Error.WriteLine($"{command}: {error.Message} (see {command} --help)");
            return Commands.AnnotateCommand.ExitUsage;
        }
        // Ctrl-C cancels the running command, which stops cleanly on its own (flushing complete records).
        return parseResult.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
    }

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
        train.Subcommands.Add(Commands.QuoteCommands.MineWordClasses());
        train.Subcommands.Add(Commands.TitlesCommands.Train());
        train.Subcommands.Add(Commands.TopicCommands.Train());
        root.Subcommands.Add(train);

        // nlp eval <task> GOLD
        var eval = new Command("eval", "Score a task against gold data and print precision, recall, F1.");
        // (segmentation) (ner) (quotes) (topic)
        eval.Subcommands.Add(Commands.QuoteCommands.Eval());
        eval.Subcommands.Add(Commands.SegmenterCommands.Eval());
        eval.Subcommands.Add(Commands.NerCommands.Eval());
        eval.Subcommands.Add(Commands.TitlesCommands.Eval());
        eval.Subcommands.Add(Commands.TitlesCommands.Agreement());
        eval.Subcommands.Add(Commands.TitlesCommands.Refs());
        eval.Subcommands.Add(Commands.TopicCommands.Eval());
        Commands.PathArguments.MustExist(eval);
        root.Subcommands.Add(eval);

        root.Subcommands.Add(Commands.AnnotateCommand.Create());
        // index, query, people, person, export
        root.Subcommands.Add(Commands.StoreCommands.Index());
        root.Subcommands.Add(Commands.StoreCommands.Query());
        root.Subcommands.Add(Commands.StoreCommands.People());
        root.Subcommands.Add(Commands.StoreCommands.Person());
        root.Subcommands.Add(Commands.StoreCommands.Export());
        return root;
    }
}
