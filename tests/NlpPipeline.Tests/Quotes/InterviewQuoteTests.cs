using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

/// <summary>
/// Interviews on invented articles: a paragraph opening with the interviewee's label in a question-answer article is that
/// person's direct quote; interviewer turns, questions, captions, lists and labels outside an interview are not.
/// </summary>
public class InterviewQuoteTests
{
    private static readonly QuoteExtractor Extractor = new();

    private static IReadOnlyList<Quote> Quotes(string text, string[] persons)
    {
        // every occurrence of each name is a person entity, as the entity stage would tag it
        var entities = persons.SelectMany(n => Occurrences(text, n).Select(i => new Entity(EntityTypes.Person, i, i + n.Length, n))).ToArray();
        return Extractor.Process(new AnnotatedDocument(new Document("t", text)) { Entities = [.. entities] }).Quotes;
    }

    private static IEnumerable<int> Occurrences(string text, string name)
    {
        var i = text.IndexOf(name, StringComparison.Ordinal);
        if (i < 0)
            throw new ArgumentException(name);
        for (; i >= 0; i = text.IndexOf(name, i + 1, StringComparison.Ordinal))
            yield return i;
    }

    /// <summary>Pattern, article, person names the entity stage would tag, an answer's exact content and its speaker.</summary>
    public static TheoryData<string, string, string[], string, string> Answers => new()
    {
        { "PV turns, dashed answers labelled with honorific and name",
            "Giá điện tăng từ tháng sau.\nPV: Vì sao giá điện tăng vào lúc này, thưa ông?\n- Ông Nguyễn Văn An: Chi phí sản xuất đã tăng nhiều năm nay. Chúng tôi không thể bù lỗ mãi.\nPV: Người dân sẽ được hỗ trợ ra sao?\n- Ông Nguyễn Văn An: Hộ nghèo vẫn được miễn phí 50 số điện đầu tiên.",
            [], "Chi phí sản xuất đã tăng nhiều năm nay. Chúng tôi không thể bù lỗ mãi", "Nguyễn Văn An" },
        { "second answer of the same interview",
            "Giá điện tăng từ tháng sau.\nPV: Vì sao giá điện tăng vào lúc này, thưa ông?\n- Ông Nguyễn Văn An: Chi phí sản xuất đã tăng nhiều năm nay. Chúng tôi không thể bù lỗ mãi.\nPV: Người dân sẽ được hỗ trợ ra sao?\n- Ông Nguyễn Văn An: Hộ nghèo vẫn được miễn phí 50 số điện đầu tiên.",
            [], "Hộ nghèo vẫn được miễn phí 50 số điện đầu tiên", "Nguyễn Văn An" },
        { "unlabelled question, title with a lower-case ministry before the name",
            "Bộ Y tế vừa công bố chiến lược mới.\nChiến lược này có gì khác so với trước đây?\nBộ trưởng Y tế Trần Thị Lan: Lần này chúng tôi đặt y tế cơ sở lên hàng đầu, nhất là ở vùng sâu.",
            [], "Lần này chúng tôi đặt y tế cơ sở lên hàng đầu, nhất là ở vùng sâu", "Trần Thị Lan" },
        { "bare name label that the entity stage tags",
            "Nhiếp ảnh gia trẻ Trung Đinh vừa mở triển lãm đầu tay.\n- Anh bắt đầu chụp ảnh từ khi nào?\n- Trung Đinh: Tôi cầm máy từ năm mười lăm tuổi, khi bố tặng chiếc máy cũ.",
            ["Trung Đinh"], "Tôi cầm máy từ năm mười lăm tuổi, khi bố tặng chiếc máy cũ", "Trung Đinh" },
        { "reader question with signature, bracketed apposition after the name",
            "Tôi bị đau đầu kéo dài, có nên đi chụp phim không? (Bạn đọc Thu Hà, Hà Nội)\n- BS Hoàng Minh Tuấn (Bệnh viện Bạch Mai): Bạn nên đi khám chuyên khoa thần kinh trước khi chụp phim.",
            [], "Bạn nên đi khám chuyên khoa thần kinh trước khi chụp phim", "Hoàng Minh Tuấn" },
        { "an address of the labelhead marker before a person entity",
            "PV: Đồng chí đánh giá thế nào về phong trào thi đua năm nay?\n- Đồng chí Võ Văn Kiệt: Phong trào đã có nhiều tiến bộ, nhưng còn phải cố gắng nhiều.",
            ["Võ Văn Kiệt"], "Phong trào đã có nhiều tiến bộ, nhưng còn phải cố gắng nhiều", "Võ Văn Kiệt" },
        { "answer wholly inside quotation marks",
            "PV: Bà nghĩ gì về giải thưởng này?\n- Bà Lê Thu Hằng: “Đây là phần thưởng cho cả tập thể, không của riêng tôi”.",
            [], "Đây là phần thưởng cho cả tập thể, không của riêng tôi", "Lê Thu Hằng" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void Process_InterviewAnswer_IsDirectQuoteOfTheLabelledPerson(string pattern, string text, string[] persons, string content, string speaker)
    {
        var quotes = Quotes(text, persons);
        var q = quotes.SingleOrDefault(x => x.Content == content);
        Assert.True(q is not null, $"{pattern}: found {string.Join("; ", quotes.Select(x => $"{x.Type} {x.Content}"))}");
        Assert.Equal(QuoteTypes.Direct, q.Type);
        Assert.Equal(text.IndexOf(content, StringComparison.Ordinal), q.Start);
        Assert.Equal(q.Start + content.Length, q.End);
        Assert.Null(q.Cue);
        Assert.True(speaker == q.Speaker?.Name, $"{pattern}: got '{q.Speaker?.Name}'");
    }

    /// <summary>Pattern, article, person names the entity stage would tag, and the start of a paragraph's text after its
    /// label that must not be a direct quote.</summary>
    public static TheoryData<string, string, string[], string> NotAnswers => new()
    {
        { "caption inside an interview",
            "PV: Ông có hài lòng với mùa giải này không?\n- Ông Phạm Văn Hùng: Tôi hài lòng với tinh thần của các cầu thủ trẻ.\nẢnh: Nguyễn Thành Long",
            ["Nguyễn Thành Long"], "Nguyễn Thành Long" },
        { "Theo X: inside an interview is a Theo report, not an answer",
            "PV: Ông có hài lòng với mùa giải này không?\n- Ông Phạm Văn Hùng: Tôi hài lòng với tinh thần của các cầu thủ trẻ.\nTheo ông Lê Văn Tám: mùa giải sau đội sẽ đầu tư thêm cho tuyến trẻ.",
            [], "mùa giải sau đội sẽ đầu tư thêm" },
        { "interviewer's turn",
            "PV: Ông có hài lòng với mùa giải này của đội bóng không?\n- Ông Phạm Văn Hùng: Tôi hài lòng với tinh thần của các cầu thủ trẻ.",
            [], "Ông có hài lòng với mùa giải này" },
        { "a quote asked inside a question",
            "PV: Theo ông, giá xăng sẽ còn tăng mạnh trong năm tới?\n- Ông Phạm Văn Hùng: Tôi cho rằng giá sẽ ổn định.",
            [], "giá xăng sẽ còn tăng mạnh" },
        { "person-labelled list with no question: player ratings",
            "Đội tuyển thắng 2-0 tối qua.\nNguyễn Văn Quyết: 8 điểm, ghi bàn thắng quyết định ở phút cuối.\nĐỗ Hùng Dũng: 7 điểm, điều tiết lối chơi ổn định ở tuyến giữa.",
            ["Nguyễn Văn Quyết", "Đỗ Hùng Dũng"], "8 điểm" },
        { "list of places and costs after a question",
            "Bạn muốn biết khách sạn nào đắt nhất thế giới?\nĐịa điểm: Las Vegas, Mỹ, bên cạnh sòng bạc lớn nhất.\nChi phí: 40.000 USD cho mỗi đêm ở phòng tổng thống.",
            [], "Las Vegas" },
        { "heading naming a case, not a person",
            "Phiên tòa kéo dài đến chiều, bị cáo có nhận tội không?\nVụ Lã Thị Kim Oanh: Bị cáo khen nhau trước tòa trong ngày xét xử thứ ba.",
            ["Lã Thị Kim Oanh"], "Bị cáo khen nhau" },
        { "untitled label named nowhere else: a horoscope after a question",
            "Năm mới bạn sẽ thế nào?\nTuổi Mão: Tinh tế, giàu tình thương yêu với mọi người xung quanh.\nTuổi Thìn: Mạnh mẽ, quyết đoán trong mọi việc lớn nhỏ.",
            ["Tuổi Mão", "Tuổi Thìn"], "Tinh tế" },
        { "headline outside an interview stays a reported headline",
            "Tổng bí thư: Phải kiên quyết đẩy lùi tham nhũng trong toàn hệ thống\nHôm qua, Tổng bí thư đã làm việc với Ban Nội chính.",
            [], "Phải kiên quyết đẩy lùi tham nhũng" },
    };

    [Theory]
    [MemberData(nameof(NotAnswers))]
    public void Process_LabelThatIsNoInterviewAnswer_GivesNoDirectQuote(string pattern, string text, string[] persons, string contentStart)
    {
        var quotes = Quotes(text, persons);
        Assert.False(quotes.Any(q => q.Type == QuoteTypes.Direct && q.Content.StartsWith(contentStart, StringComparison.Ordinal)),
            $"{pattern}: found {string.Join("; ", quotes.Select(x => $"{x.Type} {x.Content}"))}");
    }

    [Fact]
    public void Process_QuotationInsideAnAnswer_IsKeptWithItsOwnSpeaker()
    {
        const string text = "PV: Ông học được gì từ các nhà văn đi trước?\n- Ông Lê Văn Hai: Tôi học được nhiều từ các bậc đàn anh. Nhà văn Nguyễn Tuân từng bảo: “Văn chương phải có cá tính riêng”. Câu ấy đúng đến giờ.";
        var quotes = Quotes(text, []);
        var answer = quotes.Single(q => q.Content.StartsWith("Tôi học được", StringComparison.Ordinal));
        Assert.Equal("Lê Văn Hai", answer.Speaker?.Name);
        Assert.EndsWith("Câu ấy đúng đến giờ", answer.Content, StringComparison.Ordinal);
        var inner = quotes.Single(q => q.Content == "Văn chương phải có cá tính riêng");
        Assert.Equal(QuoteTypes.Direct, inner.Type);
        Assert.Equal("Nguyễn Tuân", inner.Speaker?.Name);
    }

    [Fact]
    public void Process_QuestionOfAnInterview_GivesNoQuoteAtAll()
    {
        // without interview turns, "Theo ông, ..." is read as a Theo report of the man asked
        var quotes = Quotes("PV: Theo ông, giá xăng sẽ còn tăng mạnh trong năm tới?\n- Ông Phạm Văn Hùng: Tôi cho rằng giá sẽ ổn định.", []);
        Assert.DoesNotContain(quotes, q => q.Content.Contains("giá xăng", StringComparison.Ordinal));
    }
}
