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
        var buffer = new char[1];
        Assert.Equal(expected, BatchWriter.MentionSpans(list, ref buffer).ToString());
    }

    [Fact]
    public void MentionSpans_ManyMentions_GrowsTheBuffer()
    {
        var list = Enumerable.Range(0, 1000).Select(i => new Entity("PER", int.MaxValue - 2000 + i, int.MaxValue - 1000 + i, "x")).ToList();
        var buffer = new char[4];
        var packed = BatchWriter.MentionSpans(list, ref buffer).ToString();
        var pairs = System.Text.Json.JsonSerializer.Deserialize<int[][]>(packed)!;
        Assert.Equal(list.Select(m => new[] { m.Start, m.End }), pairs);
    }
}
