using BenchmarkDotNet.Running;

namespace NlpPipeline.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (<c>--filter *</c> for all).</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
