using System.CommandLine;

namespace NlpPipeline.Cli.Commands;

/// <summary>Validation of arguments that name input files or folders.</summary>
public static class PathArguments
{
    /// <summary>
    /// Makes every string argument of <paramref name="command"/> and its subcommands name an existing file or folder:
    /// a missing one is a parse error ("gold not found: …"), reported before the command runs, with the usage exit code.
    /// </summary>
    public static void MustExist(Command command)
    {
        foreach (var argument in command.Arguments)
        {
            argument.Validators.Add(result =>
            {
                foreach (var path in result.Tokens.Select(t => t.Value))
                    if (!File.Exists(path) && !Directory.Exists(path))
                        result.AddError($"{argument.Name} not found: {path}");
            });
        }
        foreach (var sub in command.Subcommands)
            MustExist(sub);
    }
}
