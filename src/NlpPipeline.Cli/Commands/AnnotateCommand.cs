using System.CommandLine;
using System.Diagnostics;
using NlpPipeline.Documents.Readers;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Cli.Commands;

/// <summary>
/// <c>nlp annotate INPUT... [-o OUT.jsonl] [--tokens] [--resume] [--workers N] [--max-doc-mb N]</c>:
/// reads documents, runs the default stages and writes the JSON Lines of <c>ANNOTATIONS.md</c>.
/// Exit codes: 0 done (documents that failed have error records), 1 the run failed, 2 bad arguments
/// or unreadable inputs, 130 interrupted.
/// </summary>
public static class AnnotateCommand
{
    public const int ExitFailed = 1;
    public const int ExitUsage = 2;
    public const int ExitInterrupted = 130;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, folders (read recursively) or - for standard input: .txt, .jsonl/.ndjson, .tar, any of them .gz.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the JSON Lines here instead of standard output.",
        };
        var tokens = new Option<bool>("--tokens")
        {
            Description = "Also write the words (tokens) of each document.",
        };
        var resume = new Option<bool>("--resume")
        {
            Description = "Skip the documents already in the output file and append the others (after an interrupted run). Needs -o.",
        };
        var workers = new Option<int>("--workers")
        {
            Description = "Documents annotated at once (default: the number of processors).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var maxDocumentMb = new Option<int>("--max-doc-mb")
        {
            Description = "Largest document read, in MB; a larger one gets an error record.",
            DefaultValueFactory = _ => ReaderOptions.DefaultMaxDocumentBytes / (1024 * 1024),
        };

        var command = new Command("annotate", "Annotate documents and write one JSON record per document, in input order.");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.Options.Add(tokens);
        command.Options.Add(resume);
        command.Options.Add(workers);
        command.Options.Add(maxDocumentMb);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new AnnotateSettings(
                parseResult.GetValue(inputs) ?? [],
                parseResult.GetValue(output),
                parseResult.GetValue(tokens),
                parseResult.GetValue(resume),
                parseResult.GetValue(workers),
                parseResult.GetValue(maxDocumentMb)),
            Console.Error,
            TimeProvider.System,
            cancellationToken));
        return command;
    }

    /// <summary>The parsed arguments of one run.</summary>
    internal sealed record AnnotateSettings(
        IReadOnlyList<string> Inputs, string? Output, bool Tokens, bool Resume, int Workers, int MaxDocumentMb);

    /// <summary>Runs <c>annotate</c>; returns the exit code. Progress and the summary go to <paramref name="log"/>.</summary>
    internal static async Task<int> RunAsync(AnnotateSettings settings, TextWriter log, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Validate(settings) is { } usage)
        {
            await log.WriteLineAsync($"nlp annotate: {usage} (see nlp annotate --help)").ConfigureAwait(false);
            return ExitUsage;
        }
        if (DocumentReader.FindUnreadableInputs(settings.Inputs) is [var problem, ..])
        {
            await log.WriteLineAsync($"nlp annotate: {problem}").ConfigureAwait(false);
            return ExitUsage;
        }
        if (settings.Output is { } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
        {
            await log.WriteLineAsync($"nlp annotate: output folder not found: {folder}").ConfigureAwait(false);
            return ExitUsage;
        }

        ResumeState? resume = null;
        Stream stream;
        try
        {
            if (settings.Resume && settings.Output is { } resumePath)
                resume = ResumeState.FromJsonLinesFile(resumePath);
            stream = settings.Output is { } outputPath
                ? new FileStream(outputPath, resume is null ? FileMode.Create : FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1)
                : Console.OpenStandardOutput();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await log.WriteLineAsync($"nlp annotate: cannot write the output: {ex.Message}").ConfigureAwait(false);
            return ExitUsage;
        }

        var reader = new DocumentReader(new ReaderOptions { MaxDocumentBytes = settings.MaxDocumentMb * 1024 * 1024 });
        var documents = reader.Read(settings.Inputs);
        if (resume is not null)
            documents = resume.Filter(documents);
        var pipeline = new AnnotationPipeline(DefaultStages.Create(), new PipelineOptions { Workers = settings.Workers });
        var counters = new PipelineCounters();
        var started = time.GetTimestamp();
        using var progress = ProgressLine.StartIfTerminal(log, counters, time, started);
        var exitCode = 0;
        try
        {
            using var sink = new JsonLinesSink(stream, settings.Tokens);
            await pipeline.RunAsync(documents, sink, counters, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            exitCode = ExitInterrupted;
        }
        catch (PipelineException ex)
        {
            exitCode = ExitFailed;
            progress?.Dispose();
            await log.WriteLineAsync($"nlp annotate: {ex.Message}").ConfigureAwait(false);
        }
        progress?.Dispose();
        var elapsed = time.GetElapsedTime(started);
        if (exitCode == ExitInterrupted)
            await log.WriteLineAsync("nlp annotate: interrupted; every record written is complete (--resume finishes the work).").ConfigureAwait(false);
        await log.WriteLineAsync(RunSummary.Final(counters, elapsed, resume?.Skipped ?? 0)).ConfigureAwait(false);
        return exitCode;
    }

    private static string? Validate(AnnotateSettings settings) =>
        settings.Inputs.Count == 0 ? "no input given."
        : settings.Workers < 1 ? "--workers must be at least 1."
        : settings.MaxDocumentMb is < 1 or > 1024 ? "--max-doc-mb must be between 1 and 1024."
        : settings.Resume && string.IsNullOrEmpty(settings.Output) ? "--resume needs an output file (-o)."
        : null;

    /// <summary>A progress line on standard error, redrawn twice a second, only when it is a terminal.</summary>
    private sealed class ProgressLine : IDisposable
    {
        private readonly TextWriter _log;
        private readonly ITimer _timer;
        private readonly Lock _lock = new();
        private bool _disposed;

        private ProgressLine(TextWriter log, PipelineCounters counters, TimeProvider time, long started)
        {
            _log = log;
            _timer = time.CreateTimer(_ => Draw(RunSummary.Progress(counters, time.GetElapsedTime(started))), null, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));
        }

        public static ProgressLine? StartIfTerminal(TextWriter log, PipelineCounters counters, TimeProvider time, long started) =>
            ReferenceEquals(log, Console.Error) && !Console.IsErrorRedirected ? new ProgressLine(log, counters, time, started) : null;

        private void Draw(string line)
        {
            lock (_lock)
            {
                if (!_disposed)
                    _log.Write($"\r{line}\u001b[K");
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                if (_disposed)
                    return;
                _disposed = true;
                _timer.Dispose();
                _log.Write("\r\u001b[K");
            }
        }
    }
}
