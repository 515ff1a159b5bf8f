using System.Diagnostics;
using System.Globalization;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Cli.Commands;

/// <summary>Throughput figures of a run, as printed on standard error during and after it.</summary>
internal static class RunSummary
{
    private const double Megabyte = 1024 * 1024;

    /// <summary>One progress line: documents, MB, documents/s.</summary>
    public static string Progress(PipelineCounters counters, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Count(counters.Documents, "document")}, {counters.TextBytes / Megabyte:0.0} MB, {counters.Documents / seconds:0} documents/s, {Count(counters.Errors, "error")}");
    }

    private static string Count(long n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>The closing line: documents, errors, MB, elapsed, documents/s, MB/s, peak working set.</summary>
    public static string Final(PipelineCounters counters, TimeSpan elapsed, long skipped)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        using var process = Process.GetCurrentProcess();
        var mb = counters.TextBytes / Megabyte;
        var resumed = skipped > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({skipped:N0} already done, skipped)") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Count(counters.Documents, "document")}{resumed}, {Count(counters.Errors, "error")}, {mb:0.0} MB of text in {seconds:0.0} s: " +
            $"{counters.Documents / seconds:0.0} documents/s, {mb / seconds:0.00} MB/s, peak working set {process.PeakWorkingSet64 / Megabyte:0} MB");
    }
}
