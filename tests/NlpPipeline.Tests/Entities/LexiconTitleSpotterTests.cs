using NlpPipeline.Documents;
using NlpPipeline.Entities;

namespace NlpPipeline.Tests.Entities;

public class LexiconTitleSpotterTests
{
    private static readonly LexiconTitleSpotter Spotter = new();
    private static readonly RuleMentionLinker Linker = new();

    /// <summary>text, entities (TYPE:text), expected "title => person" pairs (person empty when unlinked).</summary>
    public static TheoryData<string, string[], string[]> Cases => new()
    {
        {
            "Thứ trưởng Ngoại giao Nga Oleg Syromolotov cho rằng đây là một động thái quan trọng.",
            ["LOC:Nga", "PER:Oleg Syromolotov"],
            ["Thứ trưởng Ngoại giao Nga => Oleg Syromolotov"]
        },
        {
            "Ngoại trưởng Mỹ Rex Tillerson kêu gọi cộng đồng quốc tế ngăn chặn phổ biến vũ khí hạt nhân.",
            ["LOC:Mỹ", "PER:Rex Tillerson"],
            ["Ngoại trưởng Mỹ => Rex Tillerson"]
        },
        {
            "Phó Chủ tịch UBND TP Hà Nội Nguyễn Văn Sửu đã ký quyết định.",
            ["ORG:UBND TP Hà Nội", "PER:Nguyễn Văn Sửu"],
            ["Phó Chủ tịch UBND TP Hà Nội => Nguyễn Văn Sửu"]
        },
        {
            "Tổng thư ký Liên hợp quốc Antonio Guterres phát biểu tại phiên họp.",
            ["ORG:Liên hợp quốc", "PER:Antonio Guterres"],
            ["Tổng thư ký Liên hợp quốc => Antonio Guterres"]
        },
        {
            "Theo người phát ngôn Bộ Ngoại giao Trung Quốc Lục Khảng, Bắc Kinh phản đối.",
            ["ORG:Bộ Ngoại giao Trung Quốc", "PER:Lục Khảng", "LOC:Bắc Kinh"],
            ["người phát ngôn Bộ Ngoại giao Trung Quốc => Lục Khảng"]
        },
        {
            "Ông Nguyễn Văn A, Giám đốc Công an tỉnh Nghệ An, cho biết vụ việc đang được điều tra.",
            ["PER:Nguyễn Văn A", "ORG:Công an tỉnh Nghệ An"],
            ["Giám đốc Công an tỉnh Nghệ An => Nguyễn Văn A"]
        },
        {
            "Thượng tướng Tô Lâm, Bộ trưởng Công an, dự buổi lễ.",
            ["PER:Tô Lâm", "ORG:Công an"],
            ["Thượng tướng => Tô Lâm", "Bộ trưởng Công an => Tô Lâm"]
        },
        {
            "Phát biểu tại hội thảo, PGS. TS Trần Văn B nói rằng cần đổi mới.",
            ["PER:Trần Văn B"],
            ["PGS. TS => Trần Văn B"]
        },
        {
            "Bà Lê Thị C - Hiệu trưởng Trường THPT Chu Văn An (Hà Nội), nhấn mạnh vai trò của giáo viên.",
            ["PER:Lê Thị C", "ORG:Trường THPT Chu Văn An", "LOC:Hà Nội"],
            ["Hiệu trưởng Trường THPT Chu Văn An (Hà Nội) => Lê Thị C"]
        },
        {
            "Giám đốc Sở Y tế Hà Nội, ông Nguyễn Khắc D, khẳng định bệnh viện đủ thuốc.",
            ["ORG:Sở Y tế Hà Nội", "PER:Nguyễn Khắc D"],
            ["Giám đốc Sở Y tế Hà Nội => Nguyễn Khắc D"]
        },
        {
            // No name next to the title: nothing is emitted.
            "Thủ tướng yêu cầu các bộ khẩn trương hoàn thành báo cáo.",
            [],
            []
        },
        {
            // A verb between the head and the name breaks the title.
            "Bộ trưởng đã gặp Nguyễn Văn E tại Hà Nội.",
            ["PER:Nguyễn Văn E", "LOC:Hà Nội"],
            []
        },
        {
            // Honorifics and occupations are not titles.
            "Ông Phạm Văn F và ca sĩ Mỹ Tâm cùng dự.",
            ["PER:Phạm Văn F", "PER:Mỹ Tâm"],
            []
        },
        {
            // The appositive that runs into another name belongs to that name.
            "Bà G, Bộ trưởng Ngoại giao Nguyễn Thị H đã tiếp đoàn.",
            ["PER:G", "PER:Nguyễn Thị H"],
            ["Bộ trưởng Ngoại giao => Nguyễn Thị H"]
        },
        {
            // A clause-long appositive with a "về" complement (heads mined from VNTC appositives).
            "Phát biểu tại một cuộc họp báo, Đại diện đặc biệt của Tổng thống Mỹ về không phổ biến hạt nhân, ông Jeffrey Eberhardt cho rằng hai nước có thể phối hợp.",
            ["LOC:Mỹ", "PER:Jeffrey Eberhardt"],
            ["Đại diện đặc biệt của Tổng thống Mỹ về không phổ biến hạt nhân => Jeffrey Eberhardt"]
        },
        {
            // The clause's leading function word is not part of the title.
            "Theo Tổng Biên tập Báo Người Lao Động, ông Tô Đình Tuân, số báo Tết đã in xong.",
            ["ORG:Báo Người Lao Động", "PER:Tô Đình Tuân"],
            ["Tổng Biên tập Báo Người Lao Động => Tô Đình Tuân"]
        },
        {
            // A clause that does not open with a head is not a title.
            "Trao đổi với phóng viên về không gian xanh, ông Lê Văn K cho biết sẽ trồng thêm cây.",
            ["PER:Lê Văn K"],
            []
        },
        {
            // A mined prefix before a head.
            "Cựu Bộ trưởng Quốc phòng Mỹ Robert Gates phát biểu.",
            ["LOC:Mỹ", "PER:Robert Gates"],
            ["Cựu Bộ trưởng Quốc phòng Mỹ => Robert Gates"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Process_SentenceWithNamedEntities_FindsTitlesLinkedToTheirPerson(string text, string[] entities, string[] expected)
    {
        var doc = Linker.Process(Spotter.Process(EntityTestText.Document(text, entities)));

        var titles = doc.Entities.Where(e => e.Type == EntityTypes.Title).ToList();
        var actual = titles.Select(t => $"{t.Text} => {doc.Entities.FirstOrDefault(p => p.Type == EntityTypes.Person && p.Ref == t.PersonRef)?.Text}").ToArray();
        Assert.Equal(expected, actual);
        Assert.All(titles, t => Assert.Equal(t.Text, text[t.Start..t.End]));
    }

    [Fact]
    public void Process_NoEntities_ReturnsDocumentUnchanged()
    {
        var doc = EntityTestText.Document("Chủ tịch nước.");
        Assert.Same(doc, Spotter.Process(doc));
    }

    [Fact]
    public void Process_RunTwice_DoesNotDuplicateTitles()
    {
        var doc = EntityTestText.Document("Thủ tướng Nhật Bản Shinzo Abe đến Hà Nội.", "LOC:Nhật Bản", "PER:Shinzo Abe", "LOC:Hà Nội");
        var once = Spotter.Process(doc);
        var twice = Spotter.Process(once);
        Assert.Equal(once.Entities.ToArray(), twice.Entities.ToArray());
        Assert.Single(twice.Entities, e => e.Type == EntityTypes.Title);
    }
}
