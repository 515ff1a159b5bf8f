using NlpPipeline.Documents;
using NlpPipeline.Storage;

namespace NlpPipeline.Tests.Storage;

public class BatchWriterTests
{
    // Mentions as "type start end" separated by ';', and the packed doc_entities.mentions they give.
    [Theory]
    [InlineData("", "[]")]
    [InlineData("PER 5 10", "[[5,10]]")]
    [InlineData("PER 40 45;PER 5 10;PER 20 31", "[[5,10],[20,31],[40,45]]")]
    [InlineData("PER 5 10;PER 5 10;PER 5 12", "[[5,10],[5,12]]")]
    // The old mention rows were distinct by type too, so the count of spans keeps that.
    [InlineData("PER 5 10;ORG 5 10;PER 5 10", "[[5,10],[5,10]]")]
    [InlineData("LOC 2147483000 2147483647", "[[2147483000,2147483647]]")]
    public void MentionSpans_SortedDistinctPairs(string mentions, string expected)
    {
        var list = mentions.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(m => m.Split(' '))
            .Select(p => new Entity(p[0], int.Parse(p[1]), int.Parse(p[2]), "x"))
            .ToList();
        var buffer = new byte[1];
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(BatchWriter.MentionSpans(list, ref buffer)));
    }

    [Fact]
    public void MentionSpans_ManyMentions_GrowsTheBuffer()
    {
        var list = Enumerable.Range(0, 1000).Select(i => new Entity("PER", int.MaxValue - 2000 + i, int.MaxValue - 1000 + i, "x")).ToList();
        var buffer = new byte[4];
        var packed = System.Text.Encoding.UTF8.GetString(BatchWriter.MentionSpans(list, ref buffer));
        var pairs = System.Text.Json.JsonSerializer.Deserialize<int[][]>(packed)!;
        Assert.Equal(list.Select(m => new[] { m.Start, m.End }), pairs);
    }

    // The columns of a prepared document's rows, arrays spelt out.
    private static string[] Rows(PreparedDocument prepared) =>
    [
        .. prepared.Entities.Select(e => string.Join("|", e.Type, e.Name, e.NameKey, e.Aliases, System.Text.Encoding.UTF8.GetString(e.Mentions),
            string.Join(";", e.Titles.Select(t => $"{t.Title}@{t.Start}-{t.End}")))),
        string.Join(",", prepared.Speakers),
    ];

    [Fact]
    public void Prepare_AfterOtherDocuments_SameRowsAsFirst()
    {
        var seed = SeedArticleFixture.Load();
        var small = StoreDocs.Make("small.txt", "2022-03", ("Nguyễn Văn A", "Giám đốc Nguyễn Văn A", "Giám đốc", "Giám đốc Nguyễn Văn A nói mọi việc ổn."));
        var first = Rows(BatchWriter.Prepare(small, small.Text.Length));

        // The grouper reuses its entities and maps per thread: a larger document in between leaves nothing behind.
        var seedRows = Rows(BatchWriter.Prepare(seed, seed.Text.Length));
        var again = Rows(BatchWriter.Prepare(small, small.Text.Length));

        Assert.Equal(first, again);
        Assert.Equal(seedRows, Rows(BatchWriter.Prepare(seed, seed.Text.Length)));
        Assert.Contains(seedRows, r => r.StartsWith("PER|Oleg Syromolotov|", StringComparison.Ordinal));
        Assert.Contains(first, r => r.EndsWith("|Giám đốc@0-8", StringComparison.Ordinal));
    }
}
