using NlpPipeline.Documents;
using NlpPipeline.Documents.Readers;
using NlpPipeline.Pipeline;
using NlpPipeline.Quotes;
using NlpPipeline.Resources;

namespace NlpPipeline.Tests.Quotes;

/// <summary>The quote stage over the full pipeline on the shared dev quotes and the seed article (deterministic).</summary>
public class QuoteDevSetTests
{
    private static readonly IReadOnlyList<IDocumentStage> Stages = QuotePipeline.Stages();

    private static AnnotatedDocument Annotate(Document d)
    {
        var doc = new AnnotatedDocument(d);
        foreach (var s in Stages)
            doc = s.Process(doc);
        return doc;
    }

    [Fact]
    public void Score_DevQuotesAandB_StayAboveFloor()
    {
        var dir = SharedData.Require("quotes");
        var gold = GoldDocument.ReadAll(Path.Combine(dir, "dev-A.jsonl")).Concat(GoldDocument.ReadAll(Path.Combine(dir, "dev-B.jsonl"))).ToList();
        var (quotes, _) = QuoteEvaluation.Predict(gold, Path.Combine(dir, "texts"), Annotate);
        var r = new QuoteScorer().Score(gold, quotes);
        Assert.Equal(316, r.All.Quote.Gold);
        Assert.True(r.All.Quote.F1 >= QuoteFloor, $"quote F1 {r.All.Quote.F1:0.000}");
        Assert.True(r.All.EndToEnd.F1 >= EndToEndFloor, $"end-to-end F1 {r.All.EndToEnd.F1:0.000}");
        Assert.True(r.All.SpeakerAccuracy >= SpeakerFloor, $"speaker accuracy {r.All.SpeakerAccuracy:0.000}");
    }

    private const double QuoteFloor = 0.90;
    private const double EndToEndFloor = 0.87;
    private const double SpeakerFloor = 0.96;

    [Fact]
    public void Process_SeedArticle_AttributesEveryStatementByFullNameWithTitle()
    {
        var path = Path.Combine(FindRepoRoot(), "data", "samples", "seed-article.txt");
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(System.Text.NormalizationForm.FormC);
        var doc = Annotate(ArchiveRecordParser.CreateDocument("seed-article.txt", text));

        var eberhardt = doc.Quotes.Where(q => q.Speaker?.Name == "Jeffrey Eberhardt").ToList();
        var syromolotov = doc.Quotes.Where(q => q.Speaker?.Name == "Oleg Syromolotov").ToList();
        Assert.Equal(2, eberhardt.Count);
        Assert.Equal(4, syromolotov.Count);
        Assert.All(eberhardt, q => Assert.Equal("Đại diện đặc biệt của Tổng thống Mỹ về không phổ biến hạt nhân", q.Speaker!.Title));
        Assert.All(syromolotov, q => Assert.Equal("Thứ trưởng Ngoại giao Nga", q.Speaker!.Title));
        Assert.Contains(eberhardt, q => q.Content.StartsWith("việc Mỹ và Nga cùng dự thảo nghị quyết", StringComparison.Ordinal) && q.Cue == "cho rằng");
        Assert.Contains(syromolotov, q => q.Content.StartsWith("Nga luôn sẵn sàng cho một cuộc đối thoại", StringComparison.Ordinal) && q.Cue == "khẳng định");
        Assert.All(doc.Quotes, q => Assert.Equal(q.Content, doc.Text[q.Start..q.End]));
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NlpPipeline.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("repository root");
    }
}
