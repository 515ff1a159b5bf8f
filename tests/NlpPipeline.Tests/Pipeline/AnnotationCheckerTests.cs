using NlpPipeline.Documents;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Tests.Pipeline;

public class AnnotationCheckerTests
{
    private const string Text = "Ông Eberhardt nói: “Hai nước có thể hợp tác.”";

    private static AnnotatedDocument Doc() => new(new Document("d", Text));

    public static TheoryData<string, AnnotatedDocument, string?> Cases => new()
    {
        { "sound", Doc() with
            {
                Sentences = [new Sentence(0, Text.Length)],
                Tokens = [new Token(0, 3), new Token(Text.Length, Text.Length)],
                Entities = [new Entity("PER", 4, 13, "Eberhardt")],
                Quotes = [new Quote("direct", 20, 44, "Hai nước có thể hợp tác.") { CueStart = 14, CueEnd = 17, Speaker = new Speaker("Eberhardt", "Ông Eberhardt", "PER") { MentionStart = 0, MentionEnd = 13 } }],
            }, null },
        { "sentence past the end", Doc() with { Sentences = [new Sentence(0, Text.Length + 1)] }, "sentence" },
        { "negative token", Doc() with { Tokens = [new Token(-1, 2)] }, "token" },
        { "reversed token", Doc() with { Tokens = [new Token(5, 4)] }, "token" },
        { "entity text differs", Doc() with { Entities = [new Entity("PER", 4, 13, "Eberhard")] }, "entity" },
        { "quote content differs", Doc() with { Quotes = [new Quote("direct", 20, 44, "Hai nước có thể hợp tác")] }, "quote [" },
        { "cue outside", Doc() with { Quotes = [new Quote("direct", 20, 44, "Hai nước có thể hợp tác.") { CueStart = 40, CueEnd = 99 }] }, "cue" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FindViolation_Document_FirstProblemOrNull(string name, AnnotatedDocument document, string? expected)
    {
        Assert.NotNull(name);
        var violation = AnnotationChecker.FindViolation(document);
        if (expected is null)
            Assert.Null(violation);
        else
            Assert.Contains(expected, violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_StageBreaksContract_ErrorRecordNamesStage()
    {
        var pipeline = new AnnotationPipeline([new BadEntities()]);
        var result = pipeline.Process(Doc());
        Assert.StartsWith("bad: InvalidOperationException: entity \"X\"", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Entities);
    }

    private sealed class BadEntities : IDocumentStage
    {
        public string Name => "bad";

        public AnnotatedDocument Process(AnnotatedDocument document) => document with { Entities = [new Entity("PER", 0, 1, "X")] };
    }
}
