using System.CommandLine;

namespace NlpPipeline.Cli;

/// <summary>Entry point of the <c>nlp</c> command.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("NlpPipeline: who said what in Vietnamese news.");
        return root.Parse(args).Invoke();
    }
}
