using NlpPipeline.Documents;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Tests.Pipeline;

public sealed class ResumeStateTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string[], string> FileCases => new()
    {
        { "", [], "" },
        { "{\"id\":\"a\",\"text\":\"x\"}\n", ["a"], "{\"id\":\"a\",\"text\":\"x\"}\n" },
        { "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"te", ["a"], "{\"id\":\"a\",\"text\":\"x\"}\n" },
        { "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"}", ["a", "b"], "{\"id\":\"a\"}\n{\"id\":\"b\"}\n" },
        { "{\"id\":\"a\"}\ngarbage\n{\"id\":\"c\"}\n", ["a"], "{\"id\":\"a\"}\n" },
        { "{\"id\":\"a\"}\n{\"id\":\"a\"}\n", ["a", "a"], "{\"id\":\"a\"}\n{\"id\":\"a\"}\n" },
    };

    [Theory]
    [MemberData(nameof(FileCases))]
    public void FromJsonLinesFile_Output_IdsAndIncompleteTailCut(string content, string[] ids, string kept)
    {
        var path = _temp.File("out.jsonl", content);
        var state = ResumeState.FromJsonLinesFile(path);
        Assert.Equal(ids.Length, state.Written);
        Assert.Equal(kept, File.ReadAllText(path));
        var input = new[] { "a", "a", "b", "c" }.Select(id => new AnnotatedDocument(new Document(id, "x")));
        var expectedLeft = new List<string> { "a", "a", "b", "c" };
        foreach (var id in ids)
            expectedLeft.Remove(id);
        Assert.Equal(expectedLeft, state.Filter(input).Select(d => d.Document.Id));
    }

    [Fact]
    public void FromJsonLinesFile_Missing_NothingWritten() =>
        Assert.Equal(0, ResumeState.FromJsonLinesFile(Path.Combine(_temp.Path, "none.jsonl")).Written);
}
