using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

/// <summary>
/// Sources that are not persons (round 9): body, group and document heads of quote-sources.tsv counted in VNTC, the Theo
/// form <c>tin từ</c>, a cue inside a source word, a Theo source not cut inside a source word, and the finding verb
/// <c>xác định</c> (marker role bodycue) that speaks only for bodies and documents. Invented sentences, injected entities.
/// </summary>
public class OrganisationSourceTests
{
    private static readonly QuoteExtractor Extractor = new();

    /// <summary>Entities as <see cref="SpeakerNamingTests.Annotate"/> takes them (<c>TYPE|text</c>).</summary>
    private static AnnotatedDocument Annotate(string text, string[] entities) => SpeakerNamingTests.Annotate(text, entities);

    /// <summary>Case, text, entities, content, speaker, kind, cue.</summary>
    public static TheoryData<string, string, string[], string, string, string, string> Sources => new()
    {
        { "body head nhà trường",
            "Nhà trường cho biết học sinh này sẽ được thi lại vào tháng sau.", [],
            "học sinh này sẽ được thi lại vào tháng sau", "Nhà trường", "ORG", "cho biết" },
        { "body head chi cục",
            "Sau khi làm việc với ông Cường, Chi cục thuế thừa nhận đơn vị chưa có văn bản hướng dẫn.", ["PER|Cường"],
            "đơn vị chưa có văn bản hướng dẫn", "Chi cục thuế", "ORG", "thừa nhận" },
        { "body head tòa",
            "Tòa nhận định bị cáo đã thành khẩn khai báo và bồi thường cho gia đình nạn nhân.", [],
            "bị cáo đã thành khẩn khai báo và bồi thường cho gia đình nạn nhân", "Tòa", "ORG", "nhận định" },
        { "group head người nhà",
            "Người nhà nạn nhân cho biết anh Tâm đã rời nhà từ sáng sớm.", ["PER|Tâm"],
            "anh Tâm đã rời nhà từ sáng sớm", "Người nhà nạn nhân", "OTHER", "cho biết" },
        { "document head quan niệm",
            "Quan niệm truyền thống cho rằng con số lẻ là những con số đơn độc.", [],
            "con số lẻ là những con số đơn độc", "Quan niệm truyền thống", "OTHER", "cho rằng" },
        { "document head truyền thuyết after Theo",
            "Theo truyền thuyết, vua Hùng đã dựng nước ở vùng đất ven sông này.", [],
            "vua Hùng đã dựng nước ở vùng đất ven sông này", "truyền thuyết", "OTHER", "Theo" },
        { "document head sách before a title: the title names it",
            "Theo sách Đại Việt sử ký toàn thư, vua Lý Thái Tổ dời đô về Thăng Long năm 1010.", ["PER|Lý Thái Tổ", "LOC|Thăng Long"],
            "vua Lý Thái Tổ dời đô về Thăng Long năm 1010", "Đại Việt sử ký toàn thư", "OTHER", "Theo" },
        { "Theo form tin từ",
            "Theo tin từ Phòng Cảnh sát giao thông, hai xe tải đã va chạm trên cầu sáng nay.", ["ORG|Phòng Cảnh sát giao thông"],
            "hai xe tải đã va chạm trên cầu sáng nay", "Phòng Cảnh sát giao thông", "ORG", "Theo tin từ" },
        { "cue phân tích inside the source word nhà phân tích",
            "Một số nhà phân tích cho rằng giá dầu sẽ còn tăng trong quý tới.", [],
            "giá dầu sẽ còn tăng trong quý tới", "Một số nhà phân tích", "OTHER", "cho rằng" },
        { "Theo source not cut before the verb kiểm sát of Viện kiểm sát",
            "Theo Viện kiểm sát (VKS), việc chi lãi ngoài là vi phạm chế độ tài chính kế toán.", [],
            "việc chi lãi ngoài là vi phạm chế độ tài chính kế toán", "Viện kiểm sát", "ORG", "Theo" },
        { "xác định after a body head and a comma",
            "Cơ quan điều tra xác định, các giao dịch này là dân sự nên không thể xử lý hình sự.", [],
            "các giao dịch này là dân sự nên không thể xử lý hình sự", "Cơ quan điều tra", "ORG", "xác định" },
        { "xác định rằng after a body head and an adverb",
            "Cơ quan điều tra đã xác định rằng nạn nhân tử vong do ngạt khí.", [],
            "nạn nhân tử vong do ngạt khí", "Cơ quan điều tra", "ORG", "xác định" },
        { "xác định after an acronym of a body",
            "VKS xác định Nguyễn Văn Sơn đã lợi dụng chức vụ chiếm đoạt 49 tỉ đồng.", ["PER|Nguyễn Văn Sơn"],
            "Nguyễn Văn Sơn đã lợi dụng chức vụ chiếm đoạt 49 tỉ đồng", "VKS", "ORG", "xác định" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Process_NonPersonSource_GivesSpeakerKindCueAndOffsets(string pattern, string text, string[] entities, string content,
        string speaker, string kind, string cue)
    {
        var quotes = Extractor.Process(Annotate(text, entities)).Quotes;
        var q = quotes.SingleOrDefault(x => x.Content == content);
        Assert.True(q is not null, $"{pattern}: found {string.Join("; ", quotes.Select(x => x.Content))}");
        Assert.Equal(text.IndexOf(content, StringComparison.Ordinal), q.Start);
        Assert.Equal(q.Start + content.Length, q.End);
        Assert.True(speaker == q.Speaker?.Name && kind == q.Speaker?.Kind && cue == q.Cue,
            $"{pattern}: got '{q.Speaker?.Name}' ({q.Speaker?.Kind}), cue '{q.Cue}'");
    }

    /// <summary>Case, text, entities: no quote at all.</summary>
    public static TheoryData<string, string, string[]> NotQuotes => new()
    {
        { "xác định with a person source", "Anh Tuấn xác định gia đình sẽ chuyển vào Nam sinh sống.", ["PER|Tuấn"] },
        { "xác định được (found out)", "Cơ quan điều tra đã xác định được nghi phạm trong vụ trộm xe máy.", [] },
        { "xác định with a noun object", "Công an đang xác định nguyên nhân vụ cháy tại chợ Bến Thành.", ["LOC|Bến Thành"] },
        { "negated xác định", "Cơ quan chức năng không xác định được nguồn gốc lô hàng này.", [] },
        { "xác định with no source", "Để xác định nguyên nhân, đoàn kiểm tra đã lấy mẫu nước.", [] },
    };

    [Theory]
    [MemberData(nameof(NotQuotes))]
    public void Process_FindingWithoutBodyOrClause_IsNoQuote(string pattern, string text, string[] entities)
    {
        var quotes = Extractor.Process(Annotate(text, entities)).Quotes;
        Assert.True(quotes.Length == 0, $"{pattern}: found {string.Join("; ", quotes.Select(x => $"{x.Speaker?.Name}: {x.Content}"))}");
    }
}
