using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

/// <summary>
/// Direct quotes on invented sentences: nested and cross-paragraph quotation marks, a source after the quotation with
/// appositions, a short quotation inside a source's apposition, and a continuation after a paragraph of reported speech.
/// </summary>
public class DirectQuoteTests
{
    private static readonly QuoteExtractor Extractor = new();

    /// <summary>Pattern, text, the direct quote's exact content and its speaker.</summary>
    public static TheoryData<string, string, string, string> Direct => new()
    {
        { "nested marks, speaker after",
            "Ông Trần Văn Phong là trưởng phòng.\n“Nếu “người lạ” can thiệp vào công việc, chúng tôi sẽ xử lý nghiêm”, ông Phong khẳng định.",
            "Nếu “người lạ” can thiệp vào công việc, chúng tôi sẽ xử lý nghiêm", "Trần Văn Phong" },
        { "nested marks, speaker before",
            "Bà Lê Thu Hà cho rằng: “Với chủ đề “Sách và Khởi nghiệp”, hội sách năm nay rất hấp dẫn bạn trẻ”.",
            "Với chủ đề “Sách và Khởi nghiệp”, hội sách năm nay rất hấp dẫn bạn trẻ", "Lê Thu Hà" },
        { "inner opener without its own closer: the first closer ends the quotation",
            "“Việc đầu tư thêm không phù hợp với chủ trương là “chỉ vay trong khả năng trả nợ”, Bộ Tài chính cho hay.",
            "Việc đầu tư thêm không phù hợp với chủ trương là “chỉ vay trong khả năng trả nợ", "Bộ Tài chính" },
        { "quotation over three paragraphs, closed in the last",
            "Bà Vũ Thị Hường là giáo viên chủ nhiệm.\n“Em ấy chểnh mảng trong việc thi cử, tôi đã gọi điện nhiều lần.\nGần đến ngày thi, nhà trường tìm đủ cách liên lạc.\nĐây là điều thực sự đáng tiếc”, bà Hường nói.",
            "Em ấy chểnh mảng trong việc thi cử, tôi đã gọi điện nhiều lần.\nGần đến ngày thi, nhà trường tìm đủ cách liên lạc.\nĐây là điều thực sự đáng tiếc", "Vũ Thị Hường" },
        { "straight marks over two paragraphs",
            "Ông Lê Văn Nam là chuyên gia an ninh.\n\"Dư luận ngày càng ủng hộ việc tăng chi tiêu quốc phòng.\nViệc này sẽ làm gia tăng căng thẳng trong khu vực\", ông Lê Văn Nam nhận định.",
            "Dư luận ngày càng ủng hộ việc tăng chi tiêu quốc phòng.\nViệc này sẽ làm gia tăng căng thẳng trong khu vực", "Lê Văn Nam" },
        { "speaker after the quotation with an apposition",
            "Giá vàng giảm mạnh.\n“Yếu tố địa chính trị có ít vai trò trong đợt tăng giá vừa rồi”, ông Trần Văn Bình, trưởng bộ phận phân tích của công ty, cho biết.",
            "Yếu tố địa chính trị có ít vai trò trong đợt tăng giá vừa rồi", "Trần Văn Bình" },
        { "short quotation inside the source's apposition",
            "Ông Võ Quốc Bình, phụ huynh học sinh, người khiến mạng xã hội “dậy sóng” với đơn kiến nghị, chia sẻ: “Ban đại diện đã biến tướng thành cánh tay nối dài của nhà trường”.",
            "Ban đại diện đã biến tướng thành cánh tay nối dài của nhà trường", "Võ Quốc Bình" },
        { "occupation and name as a later apposition of an addressed person",
            "Ông Võ Quốc Bình, phụ huynh HS Trường tiểu học Hòa Bình (Q.1), người khiến mạng xã hội “dậy sóng” với đơn kiến nghị, chia sẻ: “Ban đại diện đã biến tướng thành cánh tay nối dài của nhà trường”.",
            "Ban đại diện đã biến tướng thành cánh tay nối dài của nhà trường", "Võ Quốc Bình" },
        { "Theo, a dashed apposition, then colon and quotation",
            "Theo ông Ngô Văn Quý - Phó Chủ tịch UBND TP Hà Nội: “Hội sách năm nay được tổ chức tại Hoàng Thành Thăng Long”.",
            "Hội sách năm nay được tổ chức tại Hoàng Thành Thăng Long", "Ngô Văn Quý" },
        { "cue right before the quotation, no colon, source not understood",
            "Khi được cung cấp bằng chứng, ông Nguyễn Trường Tiến đã hết sức bất ngờ nói “Như vậy là không được rồi, sẽ cho xử lý ngay”",
            "Như vậy là không được rồi, sẽ cho xử lý ngay", "Nguyễn Trường Tiến" },
        { "continuation after a paragraph of reported speech",
            "Ông Trần Văn Ngọc, Giám đốc Công ty Thiên Trường, cho biết, doanh nghiệp vận tải không có lãi.\n“Doanh nghiệp cố gắng giảm bớt một số chi phí để bù đắp vào việc tăng giá xăng dầu.",
            "Doanh nghiệp cố gắng giảm bớt một số chi phí để bù đắp vào việc tăng giá xăng dầu", "Trần Văn Ngọc" },
    };

    [Theory]
    [MemberData(nameof(Direct))]
    public void Process_DirectPattern_FindsContentOffsetsAndSpeaker(string pattern, string text, string content, string speaker)
    {
        var quotes = Extractor.Process(new AnnotatedDocument(new Document("t", text))).Quotes;
        var q = quotes.SingleOrDefault(x => x.Type == QuoteTypes.Direct);
        Assert.True(q is not null, $"{pattern}: found {string.Join("; ", quotes.Select(x => $"{x.Type} {x.Content}"))}");
        Assert.Equal(content, q.Content);
        Assert.Equal(text.IndexOf(content, StringComparison.Ordinal), q.Start);
        Assert.Equal(q.Start + content.Length, q.End);
        Assert.True(speaker == q.Speaker?.Name, $"{pattern}: got '{q.Speaker?.Name}'");
    }

    /// <summary>Pattern, text, person names the entity stage would tag (empty: none), the quotation's content and its speaker.</summary>
    public static TheoryData<string, string, string[], string, string> PersonAfter => new()
    {
        { "any verb after the person",
            "“Tôi không đồng ý những lời đe dọa như thế”, bà Angela Merkel phản ứng lại lời đe dọa của ông Trump.",
            [], "Tôi không đồng ý những lời đe dọa như thế", "Angela Merkel" },
        { "a relay names the person",
            "“Chiến dịch tranh cử đã đẩy bà ấy vào thế phải hùng biện”, AFP dẫn lời ông Jeremy Shapiro, giám đốc nghiên cứu của Hội đồng châu Âu.",
            [], "Chiến dịch tranh cử đã đẩy bà ấy vào thế phải hùng biện", "Jeremy Shapiro" },
        { "abbreviated title, then apposition",
            "“Cứ lật qua lật lại, lo sợ nhiều quá thì không làm được đâu”, TS. Trần Đình Thiên, Viện trưởng Viện Kinh tế lên tiếng trước nhiều ý kiến.",
            ["Trần Đình Thiên"], "Cứ lật qua lật lại, lo sợ nhiều quá thì không làm được đâu", "Trần Đình Thiên" },
    };

    [Theory]
    [MemberData(nameof(PersonAfter))]
    public void Process_PersonClauseAfterQuotation_SpeaksTheQuotation(string pattern, string text, string[] persons, string content, string speaker)
    {
        var entities = persons.Select(n => text.IndexOf(n, StringComparison.Ordinal) is var i and >= 0
            ? new Entity(EntityTypes.Person, i, i + n.Length, n) : throw new ArgumentException(n)).ToArray();
        var doc = new AnnotatedDocument(new Document("t", text)) { Entities = [.. entities] };
        var q = Extractor.Process(doc).Quotes.SingleOrDefault(x => x.Type == QuoteTypes.Direct);
        Assert.True(q is not null, $"{pattern}: no direct quote");
        Assert.Equal(content, q.Content);
        Assert.Equal(text.IndexOf(content, StringComparison.Ordinal), q.Start);
        Assert.True(speaker == q.Speaker?.Name, $"{pattern}: got '{q.Speaker?.Name}'");
    }

    /// <summary>Pattern, text, the quotation's content, its speaker and cue (null: none).</summary>
    public static TheoryData<string, string, string, string, string?> DashedTag => new()
    {
        { "full stop after the closing mark, dash, person and cue",
            "Anh Nguyễn Văn Thắng là ngư dân.\n\"Sóng to lắm, thuyền bị đánh dạt vào bờ. Chúng tôi phải bỏ lưới mà chạy\". – anh Thắng kể.",
            "Sóng to lắm, thuyền bị đánh dạt vào bờ. Chúng tôi phải bỏ lưới mà chạy", "Nguyễn Văn Thắng", "kể" },
        { "full stop inside the closing mark, hyphen, person and a verb outside the cue lexicon",
            "Chị Lê Thị Mai bán rau ở chợ.\n“Hàng ế lắm, cả ngày chỉ bán được vài mớ rau.” - chị Mai nhún vai.",
            "Hàng ế lắm, cả ngày chỉ bán được vài mớ rau", "Lê Thị Mai", null },
        { "no dash: a sentence of only the person, the cue and one word",
            "Anh Nguyễn Văn Thắng là ngư dân.\n“Sóng to lắm. Thuyền bị đánh dạt vào bờ”. Anh Thắng kể lại.",
            "Sóng to lắm. Thuyền bị đánh dạt vào bờ", "Nguyễn Văn Thắng", "kể lại" },
    };

    [Theory]
    [MemberData(nameof(DashedTag))]
    public void Process_QuotationThenDashedPersonInNextSentence_IsThePersonsQuote(string pattern, string text, string content, string speaker, string? cue)
    {
        var q = Extractor.Process(new AnnotatedDocument(new Document("t", text))).Quotes.SingleOrDefault(x => x.Type == QuoteTypes.Direct);
        Assert.True(q is not null, $"{pattern}: no direct quote");
        Assert.Equal(content, q.Content);
        Assert.Equal(text.IndexOf(content, StringComparison.Ordinal), q.Start);
        Assert.Equal(q.Start + content.Length, q.End);
        Assert.True(speaker == q.Speaker?.Name, $"{pattern}: got '{q.Speaker?.Name}'");
        Assert.Equal(cue, q.Cue);
    }

    [Theory]
    // no dash: a new sentence about the person
    [InlineData("Chị Lê Thị Mai bán rau ở chợ.\n“Hàng ế lắm, cả ngày chỉ bán được vài mớ rau.” Chị Mai năm nay đã ngoài sáu mươi tuổi và vẫn đi chợ mỗi sáng.")]
    // a dash, but a long clause with no cue follows the person
    [InlineData("Chị Lê Thị Mai bán rau ở chợ.\n“Hàng ế lắm, cả ngày chỉ bán được vài mớ rau.” - chị Mai năm nay đã ngoài sáu mươi tuổi và vẫn đi chợ mỗi sáng.")]
    // no dash after a question: it was put to the person, who answers with a cue
    [InlineData("Chị Lê Thị Mai bán rau ở chợ.\n“Có phải chị bán hàng không có giấy phép không?”. Chị Mai phủ nhận.")]
    public void Process_QuotationThenPersonWithoutDashedTag_IsNotThePersonsQuote(string text)
    {
        var quotes = Extractor.Process(new AnnotatedDocument(new Document("t", text))).Quotes;
        Assert.DoesNotContain(quotes, q => q.Type == QuoteTypes.Direct && q.Speaker?.Name == "Lê Thị Mai");
    }

    [Theory]
    [InlineData("Anh Trần Minh Khang theo học đàn chỉ vì mẹ cho rằng “bàn tay đẹp thì học đàn rất hợp”.")]
    [InlineData("Ông Nguyễn Ngọc Long được Viện kiểm sát yêu cầu “phục hồi các quyền lợi hợp pháp đã bị tạm đình chỉ”.")]
    public void Process_CueBeforeQuotationAfterAnotherSubject_IsNotTheOpeningPersons(string text)
    {
        // a noun or a verb between the person opening the segment and the cue: someone else speaks
        var quotes = Extractor.Process(new AnnotatedDocument(new Document("t", text))).Quotes;
        Assert.DoesNotContain(quotes, q => q.Type == QuoteTypes.Direct && q.Speaker?.Name is "Trần Minh Khang" or "Nguyễn Ngọc Long");
    }

    [Fact]
    public void Process_CueAfterCommaBeforeQuotation_NeedsAPersonInItsSegment()
    {
        // no colon, and the cue opens its own comma segment: no one is named there, so no quote is guessed
        var quotes = Extractor.Process(new AnnotatedDocument(new Document("t",
            "Chủ quán đã đưa cho ông Lê Văn Điều một phong bì, nói \"biếu quà các bác uống nước nhé\"."))).Quotes;
        Assert.DoesNotContain(quotes, q => q.Type == QuoteTypes.Direct);
    }

    [Fact]
    public void Process_QuotationAfterWords_IsNoPersonAfterQuotation()
    {
        // the quotation does not open its sentence: a scare quote, not the following person's words
        var quotes = Extractor.Process(new AnnotatedDocument(new Document("t",
            "Dự án gọi là “cánh đồng mẫu lớn của tỉnh nhà”, ông Trần Văn Bình phụ trách từ năm ngoái."))).Quotes;
        Assert.DoesNotContain(quotes, q => q.Type == QuoteTypes.Direct);
    }

    /// <summary>Text and the quotation contents the marks enclose, in order (an unclosed one runs to its paragraph end).</summary>
    public static TheoryData<string, string[]> Marks => new()
    {
        { "“a “b” c”", ["a “b” c"] },
        { "“a “b” c", ["a “b"] },
        { "“a” và “b”", ["a", "b"] },
        { "“a b\nc d”, e", ["a b\nc d"] },
        { "“a b\n\nc d”", ["a b\n\nc d"] },
        // the next paragraph balances on its own: the first quotation ends unclosed at its paragraph
        { "“a b\n“c” d", ["a b", "c"] },
        // a closer four paragraphs later is too far
        { "“a\nb\nc\nd\ne”", ["a"] },
        { "\"a b\nc\", d", ["a b\nc"] },
        // a straight mark after a colon opens a quotation of its own
        { "X: \"a b\nY: \"c d", ["a b", "c d"] },
        { "Anh ta nói ‘được’ rồi", ["được"] },
    };

    [Theory]
    [MemberData(nameof(Marks))]
    public void FindQuoteMarks_PairsNestedAndCrossParagraphMarks(string text, string[] contents)
    {
        var marks = new List<QuoteMarks>();
        TextUnits.FindQuoteMarks(text, TextUnits.Paragraphs(text), marks);
        marks.Sort((a, b) => a.Open.CompareTo(b.Open));
        Assert.Equal(contents, marks.Select(m => text[m.ContentStart..m.ContentEnd]).ToArray());
    }
}
