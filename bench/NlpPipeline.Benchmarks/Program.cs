using BenchmarkDotNet.Running;

namespace NlpPipeline.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (<c>--filter *</c> for all); <c>store-figures</c> prints the store's wall and CPU medians; <c>store-index-figures OUT.jsonl [runs] [batch]</c> times indexing real annotation output; <c>store-stage-figures OUT.jsonl [passes]</c> times the parsing and preparing stages alone; <c>store-query-figures DB</c> times queries on an existing store.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["store-figures", ..])
            Storage.StoreFigures.Run(args);
        else if (args is ["store-index-figures", var input, ..])
            Storage.StoreFigures.RunIndex(input, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
                args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 500);
        else if (args is ["store-stage-figures", var lines, ..])
            Storage.StoreFigures.RunStages(lines, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
        else if (args is ["store-query-figures", var db, ..])
            Storage.StoreFigures.RunQueries(db);
        else
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
