using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NlpPipeline.Cli;
using NlpPipeline.Documents;
using NlpPipeline.Storage;
using NlpPipeline.Tests.Storage;

namespace NlpPipeline.Tests.Cli;

public sealed class StoreCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _db;

    public StoreCommandsTests()
    {
        _db = _dir.File("store.db");
        using var store = SqliteAnnotationStore.Open(_db);
        store.Index([
            SeedArticleFixture.Load(),
            StoreDocs.Make("later.txt", "2022-03", ("Syromolotov", "Thứ trưởng Syromolotov", "Thứ trưởng", "Thứ trưởng Syromolotov nói Nga, Mỹ cần đối thoại.")),
        ]);
    }

    public void Dispose() => _dir.Dispose();

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Index_AnnotationJsonLines_StoresRecordsAndReportsMalformedLines()
    {
        var jsonl = _dir.File("out.jsonl");
        var seed = SeedArticleFixture.Load("fresh/seed.txt");
        File.WriteAllText(jsonl, System.Text.Encoding.UTF8.GetString(AnnotatedDocumentJson.ToUtf8Line(seed, includeTokens: false)) + "{not json\n\n");
        var db = _dir.File("indexed.db");

        var (code, output, error) = Run("index", jsonl, "--db", db);
        var again = Run("index", jsonl, "--db", db);

        Assert.Equal(1, code);
        Assert.Contains("out.jsonl:2: skipped", error, StringComparison.Ordinal);
        Assert.StartsWith("indexed 1 documents, 7 quotes", output, StringComparison.Ordinal);
        Assert.Equal(1, again.Code);
        using var store = SqliteAnnotationStore.Open(db, readOnly: true);
        Assert.Equal((1L, 7L), (store.Counts().Documents, store.Counts().Quotes));
        Assert.Equal(4, store.FindQuotes(new QuoteQuery { Speaker = "Syromolotov" }).Count);
    }

    [Fact]
    public void Annotate_WithDb_StoresEveryDocumentAndWritesJsonOnlyWhenAsked()
    {
        var db = _dir.File("annotated.db");
        var jsonl = _dir.File("annotated.jsonl");
        var input = Path.Combine(SeedArticleFixture.RepositoryRoot, "data", "samples", "seed-article.txt");

        var (code, _, error) = Run("annotate", input, "--db", db, "-o", jsonl, "--workers", "1");

        Assert.True(code == 0, error);
        using var store = SqliteAnnotationStore.Open(db, readOnly: true);
        Assert.Equal(1L, store.Counts().Documents);
        Assert.Single(File.ReadAllLines(jsonl));
    }

    [Fact]
    public void Query_SpeakerAsJson_ListsEveryStatementWithFullContent()
    {
        var (code, output, error) = Run("query", "--db", _db, "--speaker", "syromolotov", "--format", "json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var hits = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(5, hits.Count);
        Assert.All(hits, h => Assert.Equal("Oleg Syromolotov", h.GetProperty("speaker").GetString()));
        Assert.Equal("later.txt", hits[^1].GetProperty("document_id").GetString());
    }

    [Fact]
    public void Query_AboutWithoutDiacriticsAsCsv_WritesQuotedRows()
    {
        var (code, output, _) = Run("query", "--db", _db, "--about", "an ninh mang", "--format", "csv");

        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(0, code);
        Assert.StartsWith("document,date,speaker,", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length); // header + three quotes on "an ninh mạng"
        Assert.All(lines.Skip(1), l => Assert.Contains("\"", l, StringComparison.Ordinal)); // contents hold commas
    }

    [Fact]
    public void Query_TableWithLimit_PrintsCountLine()
    {
        var (code, output, _) = Run("query", "--db", _db, "--topic", "the-gioi", "--limit", "3");

        Assert.Equal(0, code);
        Assert.EndsWith("3 quote(s)", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Query_MinConfidence_KeepsOnlyQuotesAtOrAboveIt()
    {
        var (_, all, _) = Run("query", "--db", _db, "--speaker", "syromolotov", "--format", "json");
        var confidences = JsonDocument.Parse(all).RootElement.EnumerateArray().Select(h => h.GetProperty("confidence").GetDouble()).ToList();
        var cut = confidences.Max();

        var (code, output, error) = Run("query", "--db", _db, "--speaker", "syromolotov", "--min-confidence", cut.ToString("R", CultureInfo.InvariantCulture), "--format", "json");

        Assert.True(code == 0, error);
        var kept = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(h => h.GetProperty("confidence").GetDouble()).ToList();
        Assert.Equal(confidences.Count(c => c >= cut), kept.Count);
        Assert.True(kept.Count < confidences.Count, "the seed quotes' confidences should differ");
        Assert.All(kept, c => Assert.True(c >= cut));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public void Query_MinConfidenceOutsideZeroToOne_FailsWithMessage(string value)
    {
        var (code, _, error) = Run("query", "--db", _db, "--min-confidence", value);

        Assert.NotEqual(0, code);
        Assert.Contains("--min-confidence", error, StringComparison.Ordinal);
    }

    [Fact]
    public void People_Table_ShowsMergedSpeakerWithCountAndLatestTitleFirst()
    {
        var (code, output, _) = Run("people", "--db", _db);

        var line = output.Split('\n').Single(l => l.Contains("Syromolotov", StringComparison.Ordinal));
        Assert.Equal(0, code);
        Assert.StartsWith("5 ", line, StringComparison.Ordinal);
        Assert.Contains("Thứ trưởng; Thứ trưởng Ngoại giao Nga", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Person_ShortName_PrintsAliasesTitlesOverTimeQuotesAndEntities()
    {
        var (code, output, error) = Run("person", "Syromolotov", "--db", _db);

        Assert.True(code == 0, error);
        Assert.StartsWith("Oleg Syromolotov (PER, 5 quote(s))", output, StringComparison.Ordinal);
        Assert.Contains("2021-11 .. 2022-03  Thứ trưởng  (2 doc)", output, StringComparison.Ordinal);
        Assert.Contains("Moskva (1)", output, StringComparison.Ordinal);
        Assert.Contains("the-gioi (1)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Person_Unknown_FailsWithMessage()
    {
        var (code, _, error) = Run("person", "Nobody Here", "--db", _db);

        Assert.Equal(1, code);
        Assert.Contains("No entity named", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_MissingStore_FailsWithHint()
    {
        var (code, _, error) = Run("query", "--db", _dir.File("none.db"), "--speaker", "x");

        Assert.Equal(1, code);
        Assert.Contains("nlp index", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jsonld", "graph.jsonld")]
    [InlineData("turtle", "graph.ttl")]
    [InlineData("graphml", "graph.graphml")]
    [InlineData("neo4j", "nodes_entity.csv")]
    public void Export_Format_WritesFilesIntoOutputFolder(string format, string file)
    {
        var folder = _dir.File("out-" + format);

        var (code, output, error) = Run("export", "--db", _db, "--format", format, "-o", folder);

        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(folder, file)));
        Assert.Contains(file, output, StringComparison.Ordinal);
    }
}
