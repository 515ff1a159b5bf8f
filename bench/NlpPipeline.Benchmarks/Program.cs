using BenchmarkDotNet.Running;

namespace NlpPipeline.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (<c>--filter *</c> for all); <c>store-figures</c> prints the store's wall and CPU medians.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["store-figures", ..])
            Storage.StoreFigures.Run(args);
        else
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
