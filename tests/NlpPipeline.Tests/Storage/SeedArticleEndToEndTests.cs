using NlpPipeline.Documents;
using NlpPipeline.Documents.Readers;
using NlpPipeline.Pipeline;
using NlpPipeline.Storage;

namespace NlpPipeline.Tests.Storage;

/// <summary>The sample article through the real default stages into the store, then queried by speaker.</summary>
public sealed class SeedArticleEndToEndTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> SpeakerForms => new() { "Syromolotov", "Oleg Syromolotov", "oleg syromolotov" };

    [Theory]
    [MemberData(nameof(SpeakerForms))]
    public void FindQuotes_SeedArticleAnnotatedByDefaultStages_ReturnsSyromolotovsFourStatements(string speaker)
    {
        var doc = AnnotateSeedArticle();
        using var store = SqliteAnnotationStore.Open(_dir.File("seed.db"));
        store.Index([doc]);

        var hits = store.FindQuotes(new QuoteQuery { Speaker = speaker });

        Assert.Equal(4, hits.Count);
        Assert.All(hits, h => Assert.Equal("Oleg Syromolotov", h.Speaker));
        Assert.All(hits, h => Assert.Equal(h.Content, doc.Text[h.Start..h.End]));
        Assert.Equal(["đánh giá", "cho rằng", "nhấn mạnh", "khẳng định"], hits.Select(h => h.Cue));
    }

    private static AnnotatedDocument AnnotateSeedArticle()
    {
        var path = FindRepoFile(Path.Combine("data", "samples", "seed-article.txt"));
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(System.Text.NormalizationForm.FormC);
        var doc = new AnnotatedDocument(ArchiveRecordParser.CreateDocument("seed-article.txt", text));
        foreach (var stage in DefaultStages.Create())
            doc = stage.Process(doc);
        return doc;
    }

    private static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException(relative);
    }
}
