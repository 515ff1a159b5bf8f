using NlpPipeline.Documents;
using NlpPipeline.Entities;

namespace NlpPipeline.Tests.Entities;

public class MentionGraphTests
{
    private const string Text =
        "Thứ trưởng Ngoại giao Nga Oleg Syromolotov cho biết Nga ủng hộ. Ông Syromolotov, Đặc phái viên của Tổng thống, nói thêm. " +
        "Bà Nguyễn Thị Hà cũng phát biểu.";

    private static MentionGraph Build()
    {
        var doc = EntityTestText.Document(Text, "LOC:Nga", "PER:Oleg Syromolotov", "LOC:Nga", "PER:Syromolotov", "PER:Nguyễn Thị Hà");
        return new MentionGraph(new RuleMentionLinker().Process(new LexiconTitleSpotter().Process(doc)));
    }

    [Fact]
    public void FullestName_ShortMention_ReturnsFullName()
    {
        var graph = Build();
        var short1 = graph.Entities.Single(e => e.Text == "Syromolotov");
        Assert.Equal("Oleg Syromolotov", graph.FullestName(short1.Ref!));
        Assert.Equal(["Syromolotov"], graph.Aliases(short1.Ref!));
        Assert.Equal(EntityTypes.Person, graph.TypeOf(short1.Ref!));
    }

    [Fact]
    public void BestTitle_PersonWithTitle_ReturnsLongestLinkedTitle()
    {
        var graph = Build();
        var oleg = graph.Entities.Single(e => e.Text == "Oleg Syromolotov");
        Assert.Equal("Thứ trưởng Ngoại giao Nga", graph.BestTitle(oleg.Ref!));
        var ha = graph.Entities.Single(e => e.Text == "Nguyễn Thị Hà");
        Assert.Null(graph.BestTitle(ha.Ref!));
    }

    [Fact]
    public void MostRecentPerson_WithFilter_SkipsRejectedPeople()
    {
        var graph = Build();
        var end = Text.Length;
        Assert.Equal("Nguyễn Thị Hà", graph.MostRecentPerson(end)?.Text);
        Assert.Equal("Syromolotov", graph.MostRecentPerson(end, p => p.Text != "Nguyễn Thị Hà")?.Text);
        Assert.Null(graph.MostRecentPerson(5));
    }

    [Fact]
    public void Mentions_UnknownRef_IsEmpty()
    {
        var graph = Build();
        Assert.Empty(graph.Mentions("e99"));
        Assert.Null(graph.FullestName("e99"));
        Assert.Equal(graph.Refs.Count(), graph.Refs.Distinct().Count());
    }

    [Fact]
    public void PersonWithTitle_TitleHeldByOnePerson_ReturnsThatPerson()
    {
        const string text = "Tổng thống Mỹ Donald Trump và Tổng thống Pháp Emmanuel Macron gặp nhau. Tổng thống Trump nói. Tổng thống Macron đáp.";
        var doc = EntityTestText.Document(text, "LOC:Mỹ", "PER:Donald Trump", "LOC:Pháp", "PER:Emmanuel Macron", "PER:Trump", "PER:Macron");
        var graph = new MentionGraph(new RuleMentionLinker().Process(new LexiconTitleSpotter().Process(doc)));

        var trump = graph.Entities.First(e => e.Text == "Donald Trump").Ref;
        Assert.Equal(trump, graph.PersonWithTitle("tổng thống Mỹ"));
        Assert.Null(graph.PersonWithTitle("Tổng thống"));
        Assert.Null(graph.PersonWithTitle("Thủ tướng"));
    }
}
