using System.Diagnostics;
using System.Text;

namespace NlpPipeline.Tests.Export;

/// <summary>
/// Runs a check script with Debian's <c>/usr/bin/python3</c> and its real parsers (python3-rdflib,
/// python3-networkx, the csv module). A missing interpreter or module fails the test with the install
/// command: exports are never reported as valid without being parsed.
/// </summary>
internal static class PythonParsers
{
    public const string Python = "/usr/bin/python3";

    public static string Run(string script, params string[] args)
    {
        if (!File.Exists(Python))
            Assert.Fail($"{Python} is missing: run `apt-get install -y python3 python3-rdflib python3-networkx` (see .ci/run).");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (stderr.Contains("ModuleNotFoundError", StringComparison.Ordinal))
            Assert.Fail("A Python parser is missing: run `apt-get install -y python3-rdflib python3-networkx` (see .ci/run).\n" + stderr);
        Assert.True(process.ExitCode == 0, $"python3 exited {process.ExitCode}:\n{stderr}");
        return stdout.Result.Trim();
    }
}
