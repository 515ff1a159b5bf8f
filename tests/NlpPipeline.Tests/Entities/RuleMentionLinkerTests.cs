using NlpPipeline.Documents;
using NlpPipeline.Entities;

namespace NlpPipeline.Tests.Entities;

public class RuleMentionLinkerTests
{
    private static readonly RuleMentionLinker Linker = new();

    /// <summary>text, entities (TYPE:text in order), expected ref of each entity in that order.</summary>
    public static TheoryData<string, string[], string[]> Cases => new()
    {
        {
            // Foreign name: the last word joins the full name, honorific or not.
            "Oleg Syromolotov cho biết. Ông Syromolotov nói thêm rằng Syromolotov sẽ đến.",
            ["PER:Oleg Syromolotov", "PER:Syromolotov", "PER:Syromolotov"],
            ["e1", "e1", "e1"]
        },
        {
            // Vietnamese name: the given name (last syllable) and the last two syllables.
            "Thủ tướng Nguyễn Xuân Phúc phát biểu. Ông Phúc nhấn mạnh; Xuân Phúc cũng nói.",
            ["PER:Nguyễn Xuân Phúc", "PER:Phúc", "PER:Xuân Phúc"],
            ["e1", "e1", "e1"]
        },
        {
            // A short name before the full one still joins it.
            "Ông Lavrov nói. Sergei Lavrov là Ngoại trưởng Nga.",
            ["PER:Lavrov", "PER:Sergei Lavrov", "LOC:Nga"],
            ["e1", "e1", "e2"]
        },
        {
            // A one-word prefix is a short form of a name not led by a family name; a two-word prefix is a name of its own.
            "Ánh Hoàng chơi đàn. Em gái Ánh Hoàng Anh vẽ tranh. Ông Ri Jong cười; ông Ri nói. Lisa Marie Presley đến; Lisa Marie hát.",
            ["PER:Ánh Hoàng", "PER:Ánh Hoàng Anh", "PER:Ri Jong", "PER:Ri", "PER:Lisa Marie Presley", "PER:Lisa Marie"],
            ["e1", "e2", "e3", "e3", "e4", "e4"]
        },
        {
            // Ambiguous: two different people end with the same name; the short mention stays apart.
            "Nguyễn Văn Hùng và Trần Quốc Hùng gặp nhau. Ông Hùng cho biết.",
            ["PER:Nguyễn Văn Hùng", "PER:Trần Quốc Hùng", "PER:Hùng"],
            ["e1", "e2", "e3"]
        },
        {
            // Two people sharing a family name never merge.
            "Nguyễn Văn An và Nguyễn Thị Bình dự họp.",
            ["PER:Nguyễn Văn An", "PER:Nguyễn Thị Bình"],
            ["e1", "e2"]
        },
        {
            // A name led by a non-Vietnamese family name is also cited by its first word.
            "Ngoại trưởng Triều Tiên Ri Yong-ho nói. Ông Ri cảnh báo.",
            ["LOC:Triều Tiên", "PER:Ri Yong-ho", "PER:Ri"],
            ["e1", "e2", "e2"]
        },
        {
            // Hyphenated and spaced spellings of one name.
            "Kim Jong-un cảnh báo. Nhà lãnh đạo Kim Jong Un nói.",
            ["PER:Kim Jong-un", "PER:Kim Jong Un"],
            ["e1", "e1"]
        },
        {
            // A two-syllable (Chinese) name cited by its family name.
            "Ngoại trưởng Vương Nghị phát biểu. Ông Vương kêu gọi đối thoại.",
            ["PER:Vương Nghị", "PER:Vương"],
            ["e1", "e1"]
        },
        {
            // Two candidates; "bà" picks the woman's name (middle name Thị), "ông" the man's.
            "Bà Nguyễn Thị Nghĩa và ông Nguyễn Đức Nghĩa dự họp. Theo bà Nghĩa, ông Nghĩa đồng ý.",
            ["PER:Nguyễn Thị Nghĩa", "PER:Nguyễn Đức Nghĩa", "PER:Nghĩa", "PER:Nghĩa"],
            ["e1", "e2", "e1", "e2"]
        },
        {
            // Initials of a person's name.
            "Sách của Hoàng Tuấn Công (HTC) ra mắt. HTC cho rằng từ điển sai.",
            ["PER:Hoàng Tuấn Công", "PER:HTC", "PER:HTC"],
            ["e1", "e1", "e1"]
        },
        {
            // Vietnamese full name: the family name alone does not refer to the person.
            "Ông Nguyễn Văn Bình phát biểu. Nguyễn là họ phổ biến.",
            ["PER:Nguyễn Văn Bình", "PER:Nguyễn"],
            ["e1", "e2"]
        },
        {
            // Acronyms and case-insensitive repeats of organisations.
            "Liên hợp quốc họp. LHQ kêu gọi; Liên Hợp Quốc nhất trí. Hội đồng Bảo an (HĐBA) họp.",
            ["ORG:Liên hợp quốc", "ORG:LHQ", "ORG:Liên Hợp Quốc", "ORG:Hội đồng Bảo an", "ORG:HĐBA"],
            ["e1", "e1", "e1", "e2", "e2"]
        },
        {
            // Different places stay apart.
            "Mỹ và Hoa Kỳ, Nga và Mỹ.",
            ["LOC:Mỹ", "LOC:Hoa Kỳ", "LOC:Nga", "LOC:Mỹ"],
            ["e1", "e2", "e3", "e1"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Link_Mentions_SharesRefsAsExpected(string text, string[] entities, string[] expectedRefs)
    {
        var linked = Linker.Link(text, EntityTestText.Entities(text, entities));
        Assert.Equal(expectedRefs, linked.Select(e => e.Ref ?? "").ToArray());
    }

    [Fact]
    public void Link_TitleBeforeName_SetsPersonRefToThePersonsRef()
    {
        const string text = "Oleg Syromolotov đến. Thứ trưởng Syromolotov cho rằng hai bên nên hợp tác.";
        var doc = new LexiconTitleSpotter().Process(EntityTestText.Document(text, "PER:Oleg Syromolotov", "PER:Syromolotov"));
        var linked = Linker.Process(doc).Entities;

        var title = Assert.Single(linked, e => e.Type == EntityTypes.Title);
        Assert.Equal("Thứ trưởng", title.Text);
        Assert.Equal("e1", title.PersonRef);
        Assert.All(linked, e => Assert.NotNull(e.Ref));
    }

    [Fact]
    public void Link_RefsNumberedInOrderOfFirstMention()
    {
        const string text = "Hà Nội, Mỹ, Hà Nội, Nga";
        var linked = Linker.Link(text, EntityTestText.Entities(text, "LOC:Nga", "LOC:Hà Nội", "LOC:Mỹ", "LOC:Hà Nội"));
        Assert.Equal(new string?[] { "e1", "e2", "e1", "e3" }, linked.Select(e => e.Ref).ToArray());
        Assert.Equal(["Hà Nội", "Mỹ", "Hà Nội", "Nga"], linked.Select(e => e.Text).ToArray());
    }
}
