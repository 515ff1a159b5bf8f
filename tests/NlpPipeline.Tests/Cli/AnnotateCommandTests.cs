using System.Text;
using NlpPipeline.Cli;
using NlpPipeline.Cli.Commands;
using NlpPipeline.Documents;

namespace NlpPipeline.Tests.Cli;

public sealed class AnnotateCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Corpus(int count)
    {
        var lines = Enumerable.Range(0, count).Select(i => $$"""{"id":"doc{{i:00000}}","text":"Văn bản số {{i}}. Ông A nói: “Tôi đồng ý. Bắt đầu.” Hết."}""");
        return _temp.File("corpus.jsonl", string.Join('\n', lines) + "\n");
    }

    private static Task<int> Run(AnnotateCommand.AnnotateSettings settings, StringWriter log, CancellationToken ct = default) =>
        AnnotateCommand.RunAsync(settings, log, TimeProvider.System, ct);

    private static List<AnnotatedDocument> ReadOutput(string path) =>
        [.. File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0).Select(l => AnnotatedDocumentJson.Read(l))];

    [Fact]
    public async Task RunAsync_SeedArticle_OneRecordWithSentencesAndSummary()
    {
        var output = Path.Combine(_temp.Path, "out.jsonl");
        var log = new StringWriter();
        var code = await Run(new([RepositoryFiles.SeedArticle], output, Tokens: false, Resume: false, Workers: 2, MaxDocumentMb: 20), log);
        Assert.Equal(0, code);
        var doc = Assert.Single(ReadOutput(output));
        Assert.Equal("seed-article.txt", doc.Document.Id);
        Assert.NotEmpty(doc.Sentences);
        Assert.All(doc.Sentences, s => Assert.InRange(s.End, s.Start + 1, doc.Text.Length));
        Assert.Matches(@"^1 document, 0 errors, .* MB of text in .* s: .* documents/s, .* MB/s, peak working set \d+ MB", log.ToString());
    }

    public static TheoryData<string[], string?, int, bool, string> UsageCases => new()
    {
        { ["missing.txt"], null, 2, false, "input not found: missing.txt" },
        { ["{seed}"], null, 0, false, "--workers must be at least 1." },
        { ["{seed}"], null, 2, true, "--resume needs an output file (-o)." },
        { ["{seed}"], "/no/such/folder/out.jsonl", 2, false, "output folder not found" },
    };

    [Theory]
    [MemberData(nameof(UsageCases))]
    public async Task RunAsync_BadArguments_OneLineExitTwo(string[] inputs, string? output, int workers, bool resume, string message)
    {
        var log = new StringWriter();
        var resolved = inputs.Select(i => i == "{seed}" ? RepositoryFiles.SeedArticle : i).ToArray();
        var code = await Run(new(resolved, output, false, resume, workers, 20), log);
        Assert.Equal(2, code);
        var line = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("annotate")]
    [InlineData("annotate --workers")]
    [InlineData("annotate --workers many x.txt")]
    public void Main_ParseErrors_ExitTwo(string args)
    {
        Assert.NotEmpty(Program.BuildRoot().Parse(args).Errors);
        Assert.Equal(2, Program.Main(args.Split(' ')));
    }

    [Fact]
    public async Task RunAsync_ResumeAfterTruncatedLastLine_ExactlyOneRecordPerDocument()
    {
        var input = Corpus(300);
        var output = Path.Combine(_temp.Path, "out.jsonl");
        Assert.Equal(0, await Run(new([input], output, false, false, 2, 20), new StringWriter()));
        // Simulate a run killed mid-write: keep 120 records and half of the next one.
        var lines = File.ReadAllLines(output);
        File.WriteAllText(output, string.Join('\n', lines.Take(120)) + "\n" + lines[120][..(lines[120].Length / 2)]);

        var log = new StringWriter();
        Assert.Equal(0, await Run(new([input], output, false, true, 2, 20), log));
        var ids = ReadOutput(output).Select(d => d.Document.Id).ToList();
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"doc{i:00000}"), ids);
        Assert.Contains("120 already done, skipped", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CancelledThenResumed_ExactlyOneRecordPerDocument()
    {
        var input = Corpus(20_000);
        var output = Path.Combine(_temp.Path, "out.jsonl");
        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150)))
        {
            var code = await Run(new([input], output, false, false, 2, 20), new StringWriter(), cts.Token);
            Assert.True(code is 0 or AnnotateCommand.ExitInterrupted);
        }
        var partial = File.ReadAllText(output);
        Assert.True(partial.Length == 0 || partial.EndsWith('\n'));
        Assert.Equal(0, await Run(new([input], output, false, true, 2, 20), new StringWriter()));
        var ids = ReadOutput(output).Select(d => d.Document.Id).ToList();
        Assert.Equal(20_000, ids.Count);
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => $"doc{i:00000}"), ids);
    }

    [Fact]
    public async Task RunAsync_Tokens_WrittenOnlyWhenAsked()
    {
        var output = Path.Combine(_temp.Path, "out.jsonl");
        await Run(new([RepositoryFiles.SeedArticle], output, true, false, 1, 20), new StringWriter());
        Assert.Contains("\"tokens\":", File.ReadAllText(output), StringComparison.Ordinal);
        await Run(new([RepositoryFiles.SeedArticle], output, false, false, 1, 20), new StringWriter());
        Assert.DoesNotContain("\"tokens\":", File.ReadAllText(output), StringComparison.Ordinal);
    }
}
