using NlpPipeline.Cli;

namespace NlpPipeline.Tests.Cli;

public sealed class EvalCommandsTests
{
    private const string Missing = "/no/such/gold/path";

    [Theory]
    [InlineData("eval topic {missing}", "gold not found: " + Missing)]
    [InlineData("eval topic {missing} --dev-only", "gold not found: " + Missing)]
    [InlineData("eval ner {missing}", "gold not found: " + Missing)]
    [InlineData("eval quotes {missing} {here}", "gold not found: " + Missing)]
    [InlineData("eval quotes {here} {missing}", "gold not found: " + Missing)]
    [InlineData("eval segmentation {missing}", "gold not found: " + Missing)]
    public void Main_MissingGoldPath_ParseErrorExitTwo(string args, string message)
    {
        var argv = args.Replace("{missing}", Missing).Replace("{here}", RepositoryFiles.SeedArticle).Split(' ');
        var error = Assert.Single(Program.BuildRoot().Parse(argv).Errors);
        Assert.Equal(message, error.Message);
        Assert.Equal(2, Program.Main(argv));
    }

    [Fact]
    public void Parse_ExistingGoldPath_NoError() =>
        Assert.Empty(Program.BuildRoot().Parse(["eval", "topic", RepositoryFiles.SeedArticle]).Errors);
}
