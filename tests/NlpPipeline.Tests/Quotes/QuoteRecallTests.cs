using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

/// <summary>Detection recall classes of issue #5 (invented sentences, one quote or none each).</summary>
public class QuoteRecallTests
{
    private static IReadOnlyList<Quote> Extract(string text) => QuoteExtractorTests.Extract(text);

    [Theory]
    // Theo with an abbreviated title: the period of TS./GS. does not end the source
    [InlineData("Theo TS. Trần Văn Nam, giá điện sẽ còn tăng trong năm tới.", "Trần Văn Nam", "giá điện sẽ còn tăng trong năm tới")]
    [InlineData("Theo GS. Lê Thị Hoa, học sinh cần được ngủ đủ giấc.", "Lê Thị Hoa", "học sinh cần được ngủ đủ giấc")]
    // Theo + a long title phrase, then the name in commas: the name is the source, the content follows it
    [InlineData("Theo Phó Giám đốc phụ trách kinh doanh của hãng Hoa Mai tại thị trường châu Á và châu Phi, Lê Văn Bình, lượng khách sẽ tăng ở mức hai con số.",
        "Lê Văn Bình", "lượng khách sẽ tăng ở mức hai con số")]
    // the speaker separated from the cue: a dash inside the organisation of a dashed apposition
    [InlineData("Ông Trần Văn Hùng – Giám đốc Ban quản lý khu bảo tồn Hòa Bình – Yên Thế, cho biết, người dân đã vào rừng khai thác gỗ.",
        "Trần Văn Hùng", "người dân đã vào rừng khai thác gỗ")]
    // a capitalised place after a comma is the speaker itself (a country or capital speaks)
    [InlineData("Sau nhiều ngày im lặng, Bình Nhưỡng tuyên bố sẵn sàng thử thêm tên lửa đạn đạo.", "Bình Nhưỡng", "sẵn sàng thử thêm tên lửa đạn đạo")]
    [InlineData("Kết thúc buổi gặp, chúng tôi nhớ mãi lời tâm sự của ông Trần Văn Nam: \"Nghề giáo cho tôi niềm vui mỗi ngày.\"",
        "Trần Văn Nam", "Nghề giáo cho tôi niềm vui mỗi ngày")]
    // a verb of the word classes outside the cue lexicon before a colon and a closing quotation: the person before it
    // (past a title apposition) is the speaker
    [InlineData("Trước nhiều tranh cãi, ông Trần Văn Hải, Chi cục trưởng Chi cục thủy lợi tỉnh Thanh Hóa đã đính chính: “Số liệu trước đây chỉ là báo cáo nhanh của các địa phương.”",
        "Trần Văn Hải", "Số liệu trước đây chỉ là báo cáo nhanh của các địa phương")]
    // a document noun with a post-modifier (recency word, khác, a participle) after Theo is a source (round 10, train10 misses)
    [InlineData("Theo một nghiên cứu mới, uống cà phê mỗi ngày giúp giảm nguy cơ mắc bệnh tim.", "một nghiên cứu mới", "uống cà phê mỗi ngày giúp giảm nguy cơ mắc bệnh tim")]
    [InlineData("Theo khảo sát gần đây được thực hiện tại 20 tỉnh, phần lớn học sinh ngủ chưa đủ tám tiếng.",
        "khảo sát gần đây được thực hiện tại 20 tỉnh", "phần lớn học sinh ngủ chưa đủ tám tiếng")]
    [InlineData("Theo một nghiên cứu được công bố trên tạp chí Nature, người ngủ ít dễ tăng cân hơn.",
        "một nghiên cứu được công bố trên tạp chí Nature", "người ngủ ít dễ tăng cân hơn")]
    // theo after a contrastive or relative connective with no comma, and a source closed by thì
    [InlineData("Giá vàng tăng mạnh nhưng theo các chuyên gia kinh tế, xu hướng này sẽ không kéo dài lâu.", "các chuyên gia kinh tế", "xu hướng này sẽ không kéo dài lâu")]
    [InlineData("Cà phê có chứa caffeine mà theo các nhà khoa học, chất này giúp tỉnh táo hơn.", "các nhà khoa học", "chất này giúp tỉnh táo hơn")]
    [InlineData("Theo các chuyên gia kinh tế thì xu hướng này sẽ không kéo dài lâu.", "các chuyên gia kinh tế", "xu hướng này sẽ không kéo dài lâu")]
    [InlineData("Theo thông tin từ lực lượng cứu hộ cho biết thì sáng nay họ đã tìm thấy hai nạn nhân.", "lực lượng cứu hộ", "sáng nay họ đã tìm thấy hai nạn nhân")]
    public void Process_Sentence_GivesSpeakerAndContent(string text, string speaker, string content)
    {
        var q = Assert.Single(Extract(text));
        Assert.Equal(speaker, q.Speaker?.Name);
        Assert.Equal(content, q.Content);
    }

    [Theory]
    // no report: the verb theo đuổi after mà, the writer's own view with thì, a document noun followed by a clause word
    [InlineData("Anh ấy học giỏi mà theo đuổi nghề này cả đời thì khá ít người làm được.")]
    [InlineData("Theo tôi thì xu hướng này sẽ không kéo dài lâu.")]
    [InlineData("Theo tôi biết thì phần lớn các kiến nghị này đã được thực hiện.")]
    [InlineData("Theo ông, việc tăng học phí có ảnh hưởng gì đến kỳ tuyển sinh năm nay?")]
    [InlineData("- Theo bà thì cần làm gì để nước sông sạch trở lại?")]
    [InlineData("Theo báo cáo này nếu không sửa kịp, công trình sẽ chậm tiến độ.")]
    public void Process_TheoNonReport_GivesNoQuote(string text) => Assert.Empty(Extract(text));

    [Fact]
    public void Process_ConnectiveTheoInsideQuotation_KeepsTheDirectQuote()
    {
        var q = Assert.Single(Extract("\"Chúng tôi ủng hộ kế hoạch của Bộ, nhưng có những điểm mà theo hiệp hội, Bộ cần sửa đổi sớm\", ông Trần Văn Nam nói."));
        Assert.Equal("Trần Văn Nam", q.Speaker?.Name);
        Assert.StartsWith("Chúng tôi ủng hộ", q.Content);
    }

    [Theory]
    // a place apposition (a location entity opening with a lower-case unit word, a bracketed province) after a comma:
    // the source is the phrase before it; a capitalised location there is the speaker itself
    [InlineData("Chiều 22/9, Công an xã Tân Phú, huyện Đức Hòa (Long An) cho biết, đã bắt được một đối tượng trộm cắp.",
        "huyện Đức Hòa", "Công an xã Tân Phú")]
    [InlineData("Chiều 22/9, Công an xã Tân Phú, huyện Đức Hòa cho biết đã bắt được một đối tượng trộm cắp.",
        "huyện Đức Hòa", "Công an xã Tân Phú")]
    [InlineData("Sau nhiều ngày im lặng, Bình Nhưỡng cho biết sẽ thử thêm tên lửa đạn đạo.", "Bình Nhưỡng", "Bình Nhưỡng")]
    public void Process_PlaceBeforeCue_IsAppositionOfTheSource(string text, string place, string speaker)
    {
        var entities = new List<Entity> { new(EntityTypes.Location, text.IndexOf(place, StringComparison.Ordinal), text.IndexOf(place, StringComparison.Ordinal) + place.Length, place) };
        var doc = new AnnotatedDocument(new Document("t", text)) { Entities = [.. entities] };
        var q = Assert.Single(new QuoteExtractor().Process(doc).Quotes);
        Assert.Equal(speaker, q.Speaker?.Name);
    }

    [Theory]
    // a report noun + của with a lower-case author (a Theo form of quote-theo.txt)
    [InlineData("Theo kết luận của thanh tra tỉnh, huyện đã bổ nhiệm sai 20 cán bộ.", "Theo kết luận của", "huyện đã bổ nhiệm sai 20 cán bộ")]
    // a quotation after a colon and a noun of saying + của: a pronoun alone as the owner, or a name whose last syllable
    // touches the colon
    [InlineData("Chia tay cô giáo, chúng tôi vẫn nhớ mãi những lời tâm sự của chị: \"Thời gian chỉ làm tăng thêm tình yêu với nghề.\"",
        "tâm sự", "Thời gian chỉ làm tăng thêm tình yêu với nghề")]
    // hứa (promise), a miner candidate with VNTC count >= 3: a bare clause after it is the content
    [InlineData("Giám đốc công ty Hoa Mai hứa sẽ khắc phục tình trạng ô nhiễm trong tháng tới.", "hứa", "sẽ khắc phục tình trạng ô nhiễm trong tháng tới")]
    // the same cue outside a purpose clause, and a purpose clause closed by a comma before the source
    [InlineData("Trường Hoa Mai đề nghị thực hiện thí điểm hợp tác với đối tác nước ngoài.", "đề nghị", "thực hiện thí điểm hợp tác với đối tác nước ngoài")]
    [InlineData("Để giảm ùn tắc, Sở Giao thông đề nghị cấm xe tải vào nội đô giờ cao điểm.", "đề nghị", "cấm xe tải vào nội đô giờ cao điểm")]
    // Theo: a bracketed ministry closing the source before the comma; hãng (VNTC "hãng sản xuất" 156) heading a long description
    [InlineData("Theo một lãnh đạo Cục Bảo vệ Thực vật (Bộ NN-PTNT), nước ta nhập loại quả nào là do thị trường quyết định.", "Theo",
        "nước ta nhập loại quả nào là do thị trường quyết định")]
    [InlineData("Theo hãng sản xuất máy bay hàng đầu thế giới Hoa Mai, các đơn đặt hàng sẽ tăng cao trong 20 năm tới.", "Theo",
        "các đơn đặt hàng sẽ tăng cao trong 20 năm tới")]
    public void Process_Sentence_GivesCueAndContent(string text, string cue, string content)
    {
        var q = Assert.Single(Extract(text));
        Assert.Equal(cue, q.Cue);
        Assert.Equal(content, q.Content);
    }

    [Theory]
    // an anaphoric "như vậy"/"như thế" after the cue: the words were reported before, nothing follows
    [InlineData("Bộ trưởng Lê Văn Nam đã cho biết như vậy khi làm việc với Bộ Công Thương ngày 22/9.")]
    [InlineData("Ông Trần Văn Bình nói như thế trong buổi họp báo chiều qua tại Hà Nội.")]
    // "chỉ hứa chứ ...": chứ coordinates a second predicate, no content; a promise with a noun-phrase object (frame O)
    [InlineData("Lãnh đạo thành phố chỉ hứa chứ làm việc chưa đáp ứng kỳ vọng của người dân.")]
    [InlineData("Ông Trần Văn Nam hứa một khoản tiền thưởng lớn cho toàn đội.")]
    // a cue whose source follows để (purpose) in its clause
    [InlineData("Đây là cơ sở để trường Hoa Mai đề nghị thực hiện thí điểm hợp tác với đối tác nước ngoài.")]
    [InlineData("Các địa phương phải hoàn thành việc rà soát trước ngày 15/10 để Tổng cục đề xuất phương án xử lý các sai phạm.")]
    // before the colon: no person (a document), or a name that does not end right before the verb
    [InlineData("Bản tin có đoạn: “Mưa lớn sẽ kéo dài đến hết tuần sau ở các tỉnh miền Trung.”")]
    [InlineData("Nhấp một hơi bia, anh Lê Văn Tâm hí hửng: “Mỗi người làm một con đi”.")]
    public void Process_NoSpeech_IsNoQuote(string text) => Assert.Empty(Extract(text));
}
