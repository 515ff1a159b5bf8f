using NlpPipeline.Documents;
using NlpPipeline.Entities;

namespace NlpPipeline.Tests.Entities;

/// <summary>The entity stage's repairs of person spans, on invented sentences with the recogniser's tags injected.</summary>
public class PersonNameRepairTests
{
    /// <summary>Case, text, entities as tagged (<c>TYPE|text</c>, each the next occurrence), entities after the repair.</summary>
    public static TheoryData<string, string, string[], string[]> Cases => new()
    {
        { "name cut inside a hyphenated syllable", "Tổng thống Moon Jae-in cho biết.",
            ["PER|Moon Jae"], ["PER|Moon Jae-in"] },
        { "hyphenated given name at a spaced dash, both halves tagged", "Chủ tịch Park Jong - Min khẳng định.",
            ["PER|Park Jong", "PER|Min"], ["PER|Park Jong - Min"] },
        { "hyphenated given name, last half tagged", "Theo ông Kim Hack - Yong, giá sẽ tăng.",
            ["PER|Yong"], ["PER|Kim Hack - Yong"] },
        { "person after a dash continuing a place", "Vườn quốc gia (VQG) Phong Nha – Kẻ Bàng mở cửa.",
            ["LOC|Vườn quốc gia", "PER|Kẻ Bàng"], ["LOC|Vườn quốc gia (VQG) Phong Nha – Kẻ Bàng"] },
        { "two people joined by a dash stay apart", "Ông Nguyễn Minh Bàn - Tư Bàn mặt buồn.",
            ["PER|Nguyễn Minh Bàn", "PER|Tư Bàn"], ["PER|Nguyễn Minh Bàn", "PER|Tư Bàn"] },
        { "company name glued to the person", "Hãng bia Kirin lãi lớn. Chủ tịch hãng bia Kirin Sato Hiroshi cho biết.",
            ["ORG|Kirin", "PER|Kirin Sato Hiroshi"], ["ORG|Kirin", "ORG|Kirin", "PER|Sato Hiroshi"] },
        { "first word of a group's name glued to the person", "Tập đoàn Asahi Group Holdings mua cổ phần. CEO hãng bia Asahi Akiyoshi Koji nói.",
            ["ORG|Tập đoàn Asahi Group Holdings", "PER|Asahi Akiyoshi Koji"], ["ORG|Tập đoàn Asahi Group Holdings", "PER|Akiyoshi Koji"] },
        { "one word left after the cut, never used alone", "Đội bóng Napoleon giải tán. Sĩ quan pháo binh Napoleon Bounaparte nói.",
            ["ORG|Napoleon", "PER|Napoleon Bounaparte"], ["ORG|Napoleon", "PER|Napoleon Bounaparte"] },
        { "one word left, used alone as a person", "Luke học ở Harvard. Học giả Harvard Luke cho rằng.",
            ["PER|Luke", "ORG|Harvard", "PER|Harvard Luke"], ["PER|Luke", "ORG|Harvard", "ORG|Harvard", "PER|Luke"] },
        { "words after other capitalised ones in a body's name", "Văn phòng Luật sư Tan Lim đại diện. Luật sư Tan Hong Seng nói.",
            ["ORG|Văn phòng Luật sư Tan Lim", "PER|Tan Hong Seng"], ["ORG|Văn phòng Luật sư Tan Lim", "PER|Tan Hong Seng"] },
        { "country before the name", "Thủ tướng Slovenia Miro Cerar cho biết.",
            ["PER|Slovenia Miro Cerar"], ["PER|Miro Cerar"] },
        { "two-word country before a one-word name", "Thủ tướng Thái Lan Thaksin cho biết.",
            ["PER|Thái Lan Thaksin"], ["PER|Thaksin"] },
        { "one-word country before a one-word name never used alone", "Ca sĩ Mỹ Linh cho biết.",
            ["PER|Mỹ Linh"], ["PER|Mỹ Linh"] },
        { "acronym before the name", "Chủ tịch VFF Lê Hoài Anh cho biết.",
            ["PER|VFF Lê Hoài Anh"], ["PER|Lê Hoài Anh"] },
        { "country word after an address is the name's", "Chị Anh Đào là em gái anh Sơn.",
            ["PER|Anh Đào", "PER|Sơn"], ["PER|Anh Đào", "PER|Sơn"] },
        { "a name in capitals has no acronym", "Lời tựa của nhà thơ ĐẶNG VƯƠNG HƯNG.",
            ["PER|ĐẶNG VƯƠNG HƯNG"], ["PER|ĐẶNG VƯƠNG HƯNG"] },
        { "address tagged into the person", "- Bé Ánh Hoàng: Em thích đàn.",
            ["PER|Bé Ánh Hoàng"], ["PER|Ánh Hoàng"] },
        { "address and one word is a name", "Đền thờ Bà Triệu ở Thanh Hóa.",
            ["PER|Bà Triệu", "LOC|Thanh Hóa"], ["PER|Bà Triệu", "LOC|Thanh Hóa"] },
        { "person glued after a body the document names", "Điện Kremlin lên tiếng. Người phát ngôn Điện Kremlin Dmitry Peskov nói.",
            ["LOC|Điện Kremlin", "LOC|Điện Kremlin Dmitry Peskov"], ["LOC|Điện Kremlin", "LOC|Điện Kremlin", "PER|Dmitry Peskov"] },
        { "no title before: the longer body stays", "Điện Kremlin lên tiếng. Tại Điện Kremlin Dmitry Peskov nói.",
            ["LOC|Điện Kremlin", "LOC|Điện Kremlin Dmitry Peskov"], ["LOC|Điện Kremlin", "LOC|Điện Kremlin Dmitry Peskov"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_TaggedPersons_GivesRepairedEntities(string pattern, string text, string[] tagged, string[] expected)
    {
        var entities = new List<Entity>();
        var from = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var spec in tagged)
        {
            var (type, span) = (spec.Split('|')[0], spec.Split('|')[1]);
            var start = text.IndexOf(span, from.GetValueOrDefault(span), StringComparison.Ordinal);
            Assert.True(start >= 0, $"{pattern}: '{span}' not in the text");
            from[span] = start + span.Length;
            entities.Add(new Entity(type, start, start + span.Length, span));
        }
        var repaired = PersonNameRepair.Default.Apply(text, [.. entities.OrderBy(e => e.Start)]);
        Assert.All(repaired, e => Assert.Equal(text[e.Start..e.End], e.Text));
        Assert.True(expected.SequenceEqual(repaired.Select(e => $"{e.Type}|{e.Text}")),
            $"{pattern}: got {string.Join(", ", repaired.Select(e => $"{e.Type}|{e.Text}"))}");
    }

    [Theory]
    [InlineData("Kim Hack - Yong", "Kim Hack-Yong")]
    [InlineData("Park Jong – Min", "Park Jong-Min")]
    [InlineData("Moon Jae-in", "Moon Jae-in")]
    [InlineData("Nguyễn Văn A", "Nguyễn Văn A")]
    public void DisplayName_ClosesSpacedDashes(string entityText, string name) =>
        Assert.Equal(name, PersonNameRepair.DisplayName(entityText));
}
