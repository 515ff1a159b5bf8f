using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

public class QuoteExtractorTests
{
    private static readonly QuoteExtractor Extractor = new();

    internal static IReadOnlyList<Quote> Extract(string text) =>
        Extractor.Process(new AnnotatedDocument(new Document("t", text))).Quotes;

    /// <summary>One quote expected: its type, speaker name (null = none), cue (null = none) and content.</summary>
    public static TheoryData<string, string, string, string?, string?, string> OneQuote => new()
    {
        // reported speech: source + cue + content, with and without rằng / là / colon
        { "source-cue-clause", "Thứ trưởng Syromolotov cho rằng hai nước sẵn sàng chịu trách nhiệm.", QuoteTypes.Indirect, "Syromolotov", "cho rằng", "hai nước sẵn sàng chịu trách nhiệm" },
        { "source-cue-rang", "Ông Nguyễn Văn Huyện đánh giá rằng việc giảm phí sẽ lần lượt.", QuoteTypes.Indirect, "Nguyễn Văn Huyện", "đánh giá", "việc giảm phí sẽ lần lượt" },
        { "source-adverbs-cue", "Bộ Ngoại giao Hàn Quốc hôm qua cũng đã cho biết hai bên đã có cuộc gặp ngắn.", QuoteTypes.Indirect, "Bộ Ngoại giao Hàn Quốc", "cho biết", "hai bên đã có cuộc gặp ngắn" },
        { "cue-with-pp-then-rang", "Ông Tillerson nói với phóng viên rằng các nỗ lực ngoại giao sẽ tiếp tục.", QuoteTypes.Indirect, "Tillerson", "nói", "các nỗ lực ngoại giao sẽ tiếp tục" },
        { "group-source", "Các chuyên gia cảnh báo giá dầu có thể tăng mạnh trong năm tới.", QuoteTypes.Indirect, "Các chuyên gia", "cảnh báo", "giá dầu có thể tăng mạnh trong năm tới" },
        // Theo X, ...
        { "theo-start", "Theo các chuyên gia, Triều Tiên có thể hạn chế những rủi ro này.", QuoteTypes.Indirect, "các chuyên gia", "Theo", "Triều Tiên có thể hạn chế những rủi ro này" },
        { "theo-form", "Theo nhận định của hãng tin CNN, kỳ họp năm nay rất căng thẳng.", QuoteTypes.Indirect, "CNN", "Theo nhận định của", "kỳ họp năm nay rất căng thẳng" },
        // Theo <speech or perception noun> của X: the source is X (nouns counted in VNTC)
        { "theo-form-witness", "Theo lời kể của nhân chứng, chiếc xe tải lao qua dải phân cách rất nhanh.", QuoteTypes.Indirect, "nhân chứng", "Theo lời kể của", "chiếc xe tải lao qua dải phân cách rất nhanh" },
        { "theo-form-estimate", "Theo ước tính của Ngân hàng Thế giới, kinh tế khu vực sẽ tăng chậm lại.", QuoteTypes.Indirect, "Ngân hàng Thế giới", "Theo ước tính của", "kinh tế khu vực sẽ tăng chậm lại" },
        // an occupation or a quantified noun with no name is the unnamed source itself (QUOTES.md: kind OTHER)
        { "theo-occupation-unnamed", "Theo luật sư, thân chủ của ông không có mặt tại hiện trường.", QuoteTypes.Indirect, "luật sư", "Theo", "thân chủ của ông không có mặt tại hiện trường" },
        { "quantified-occupation", "Một nhà khoa học cho rằng loài cá này đã tuyệt chủng từ lâu.", QuoteTypes.Indirect, "Một nhà khoa học", "cho rằng", "loài cá này đã tuyệt chủng từ lâu" },
        { "quantified-most", "Hầu hết các bệnh nhân đều khẳng định họ được chăm sóc chu đáo.", QuoteTypes.Indirect, "Hầu hết các bệnh nhân", "khẳng định", "họ được chăm sóc chu đáo" },
        { "quantified-group-noun", "Một nhóm sinh viên cho biết học phí năm nay tăng gấp đôi.", QuoteTypes.Indirect, "Một nhóm sinh viên", "cho biết", "học phí năm nay tăng gấp đôi" },
        { "quantified-indefinite-noun", "Một ngư dân lớn tuổi cho biết con tàu đã chìm từ nhiều năm trước.", QuoteTypes.Indirect, "Một ngư dân lớn tuổi", "cho biết", "con tàu đã chìm từ nhiều năm trước" },
        { "quantified-two-workers", "Hai công nhân nhà máy khẳng định họ chưa nhận lương tháng này.", QuoteTypes.Indirect, "Hai công nhân nhà máy", "khẳng định", "họ chưa nhận lương tháng này" },
        // complaint and shout cues counted in VNTC before a colon and quotation
        { "complaint-colon-quote", "Ông Lê Văn Tâm than phiền: “Hàng xóm mở nhạc suốt đêm”.", QuoteTypes.Direct, "Lê Văn Tâm", "than phiền", "Hàng xóm mở nhạc suốt đêm" },
        { "shout-colon-quote", "Ông Lê Văn Tâm hô: “Mọi người chạy ra ngoài ngay”.", QuoteTypes.Direct, "Lê Văn Tâm", "hô", "Mọi người chạy ra ngoài ngay" },
        { "theo-trailing", "Kỳ họp năm nay là cơ hội để thách thức trật tự thế giới, theo hãng tin CNN.", QuoteTypes.Indirect, "CNN", "theo", "Kỳ họp năm nay là cơ hội để thách thức trật tự thế giới" },
        // content before the cue
        { "content-then-source-cue", "Giá vé sẽ giảm 25% từ tháng sau, bà Nguyễn Thị Lan cho biết.", QuoteTypes.Indirect, "Nguyễn Thị Lan", "cho biết", "Giá vé sẽ giảm 25% từ tháng sau" },
        // direct quotes in any marks, speaker before or after
        { "direct-colon", "Ông Tillerson nêu rõ: “Các nỗ lực ngoại giao sẽ không giảm”.", QuoteTypes.Direct, "Tillerson", "nêu rõ", "Các nỗ lực ngoại giao sẽ không giảm" },
        { "direct-after", "\"Chúng tôi tin rằng vấn đề sẽ được giải quyết\", ông Lục Khảng nhấn mạnh.", QuoteTypes.Direct, "Lục Khảng", "nhấn mạnh", "Chúng tôi tin rằng vấn đề sẽ được giải quyết" },
        { "direct-guillemets", "Bà Kang nói: «Hàn Quốc cam kết phi hạt nhân hóa bán đảo».", QuoteTypes.Direct, "Kang", "nói", "Hàn Quốc cam kết phi hạt nhân hóa bán đảo" },
        { "direct-unbalanced", "Ông Huyện nói: “Mức giảm dự kiến có thể dao động từ 5-25%", QuoteTypes.Direct, "Huyện", "nói", "Mức giảm dự kiến có thể dao động từ 5-25%" },
        { "direct-multi-sentence", "“Nhiệm vụ này không dễ dàng. Chúng tôi sẽ thảo luận các biện pháp tiếp theo”, Tổng thống Erdogan nói thêm.", QuoteTypes.Direct, "Erdogan", "nói thêm", "Nhiệm vụ này không dễ dàng. Chúng tôi sẽ thảo luận các biện pháp tiếp theo" },
        { "direct-after-with-topic", "\"Tôi sẽ không để chúng giành chiến thắng\", Spencer nói về quyển sách của mình.", QuoteTypes.Direct, "Spencer", "nói", "Tôi sẽ không để chúng giành chiến thắng" },
        // mixed: reported speech with a quoted part
        { "mixed", "Ông Lục Khảng cho rằng tình hình bán đảo đang \"rất nghiêm trọng\".", QuoteTypes.Mixed, "Lục Khảng", "cho rằng", "tình hình bán đảo đang \"rất nghiêm trọng\"" },
        // the subject of a clause speaks its coordinated cue; a name before "khi"; quantified noun phrases
        { "coordinated-subject", "Hồi tháng 5, Bắc Kinh đã phản ứng giận dữ trước việc bị hạ bậc, và cho rằng phương pháp đánh giá này là không thích hợp.", QuoteTypes.Indirect, "Bắc Kinh", "cho rằng", "phương pháp đánh giá này là không thích hợp" },
        { "subject-before-khi", "NL đã thiếu chuẩn xác khi cho rằng cụm từ ấy nói những cơn mưa rào tháng bảy.", QuoteTypes.Indirect, "NL", "cho rằng", "cụm từ ấy nói những cơn mưa rào tháng bảy" },
        { "quantified-group", "Một số người cho rằng lực lượng này do các thế lực lưu vong giật dây.", QuoteTypes.Indirect, "Một số người", "cho rằng", "lực lượng này do các thế lực lưu vong giật dây" },
        { "quantified-org-before-khi", "Một hiệp hội báo chí khi cho rằng hơn 150 nhà báo đã bị bỏ tù.", QuoteTypes.Indirect, "hiệp hội báo chí", "cho rằng", "hơn 150 nhà báo đã bị bỏ tù" },
        // sources with appositions, parentheses, manner words; representatives
        { "apposition-ending-in-adjective", "Giáo sư Nguyễn Minh Thuyết, Tổng chủ biên chương trình giáo dục phổ thông mới, cho hay: “Nhóm chuyên gia đang nghiên cứu”.", QuoteTypes.Direct, "Nguyễn Minh Thuyết", "cho hay", "Nhóm chuyên gia đang nghiên cứu" },
        { "apposition-with-parentheses", "Tại hội thảo, bà Nguyễn Thị Thảo, giáo viên (GV) Trường THPT Trần Đại Nghĩa (TP.HCM), khẳng định vai trò của giáo viên là quyết định.", QuoteTypes.Indirect, "Nguyễn Thị Thảo", "khẳng định", "vai trò của giáo viên là quyết định" },
        { "noun-phrase-after-quotation", "“Đối tượng vẫn đi lại bình thường”, bố ruột bé gái bức xúc nói.", QuoteTypes.Direct, "bố ruột bé gái", "nói", "Đối tượng vẫn đi lại bình thường" },
        { "representative-of-organisation", "Đại diện VKS đề nghị tuyên huỷ bản án sơ thẩm.", QuoteTypes.Indirect, "Đại diện VKS", "đề nghị", "tuyên huỷ bản án sơ thẩm" },
        // a short object then colon and quotation; a cue grown from VNTC counts; Theo X (Y) at the end
        { "object-colon-quotation", "Ông Hồ Việt đã thẳng thắn chỉ ra nhược điểm của lãnh đạo thành phố: “Kinh nghiệm anh ấy còn non”.", QuoteTypes.Direct, "Hồ Việt", "chỉ ra", "Kinh nghiệm anh ấy còn non" },
        { "vntc-cue", "Ông Nguyễn Văn An bình luận: “Giá sẽ còn tăng trong năm tới”.", QuoteTypes.Direct, "Nguyễn Văn An", "bình luận", "Giá sẽ còn tăng trong năm tới" },
        { "theo-trailing-parenthesis", "Kỳ họp năm nay là cơ hội để thách thức trật tự thế giới, theo hãng tin CNN (Mỹ).", QuoteTypes.Indirect, "CNN", "theo", "Kỳ họp năm nay là cơ hội để thách thức trật tự thế giới" },
        // a bare cue whose clause opens with a noun: a verb or adverb in it keeps the clause reading
        { "cue-clause-noun-subject", "Ông Lê Văn Nam khẳng định số tiền này không phải tiền hối lộ.", QuoteTypes.Indirect, "Lê Văn Nam", "khẳng định", "số tiền này không phải tiền hối lộ" },
        { "cue-clause-noun-subject-verb", "Bà Trần Thị Mai thừa nhận hành vi của mình gây hậu quả nghiêm trọng.", QuoteTypes.Indirect, "Trần Thị Mai", "thừa nhận", "hành vi của mình gây hậu quả nghiêm trọng" },
        // a function word inside a longer word of the source is no clause marker: "bị" in "bị cáo", "điều" in "điều tra"
        { "source-word-with-marker-syllable", "Trước tòa, cả ba bị cáo khẳng định số tiền đó là tiền công của họ.", QuoteTypes.Indirect, "ba bị cáo", "khẳng định", "số tiền đó là tiền công của họ" },
        { "source-org-with-marker-syllable", "Cơ quan điều tra cho biết nghi phạm đã bỏ trốn khỏi tỉnh.", QuoteTypes.Indirect, "Cơ quan điều tra", "cho biết", "nghi phạm đã bỏ trốn khỏi tỉnh" },
        // an adverb then a verb after the cue is a clause with its subject dropped, not a manner phrase
        { "cue-then-adverb-verb", "Ông Trần Văn Bình cho biết sẽ từ chức vào tuần sau.", QuoteTypes.Indirect, "Trần Văn Bình", "cho biết", "sẽ từ chức vào tuần sau" },
        // a passive agent: "được X <cue> là/rằng ..."
        { "passive-agent-group", "Việc mở rộng tuyến đường này được nhiều chuyên gia đánh giá là bước đột phá của thành phố.", QuoteTypes.Indirect, "nhiều chuyên gia", "đánh giá", "bước đột phá của thành phố" },
        { "passive-agent-organisation", "Dự thảo luật được Bộ Tư pháp nhận định rằng còn nhiều điểm chưa rõ ràng.", QuoteTypes.Indirect, "Bộ Tư pháp", "nhận định", "còn nhiều điểm chưa rõ ràng" },
        // an article of a law is a document source; a relative clause after its name is not part of the source
        { "theo-law-article-relative-clause", "Theo Điều 260 Bộ luật Hình sự xử lý vi phạm giao thông, người gây tai nạn chết người có thể bị phạt tù tới 10 năm.", QuoteTypes.Indirect, "Điều 260 Bộ luật Hình sự", "Theo", "người gây tai nạn chết người có thể bị phạt tù tới 10 năm" },
        // "cho thấy" speaks only for a document
        { "document-cho-thay", "Báo cáo của Sở Y tế cho thấy số ca mắc sốt xuất huyết đã giảm một nửa.", QuoteTypes.Indirect, "Báo cáo của Sở Y tế", "cho thấy", "số ca mắc sốt xuất huyết đã giảm một nửa" },
        // after a time phrase, another source and cue stay inside the reported clause
        { "time-phrase-then-inner-source", "Bà Lê Thị Hoa nói thêm, hôm thứ Hai, các nhân viên cho biết kho hàng đã bị khóa.", QuoteTypes.Indirect, "Lê Thị Hoa", "nói thêm", "hôm thứ Hai, các nhân viên cho biết kho hàng đã bị khóa" },
        // a cue, its addressee or object, then "rằng": the content follows "rằng"
        { "cue-object-rang", "Ông Trần Văn Bình cảnh báo người dân vùng trũng rằng nước lũ sẽ lên rất nhanh.", QuoteTypes.Indirect, "Trần Văn Bình", "cảnh báo", "nước lũ sẽ lên rất nhanh" },
        { "cue-name-object-rang", "Bộ trưởng Lê Văn Nam cảnh báo Quốc hội rằng ngân sách năm tới sẽ thiếu hụt.", QuoteTypes.Indirect, "Lê Văn Nam", "cảnh báo", "ngân sách năm tới sẽ thiếu hụt" },
        // a date after the cue belongs to the cue, unless a comma closes it and the clause follows
        { "date-of-the-cue", "Ông Trần Văn Bình nói vào ngày 12/4 sẽ mở lại cây cầu.", QuoteTypes.Indirect, "Trần Văn Bình", "nói", "sẽ mở lại cây cầu" },
        { "date-opening-the-content", "Bà Hoàng Thị Hạnh cho biết ngày 3/5 vừa qua, công ty đã cắt giảm 200 công nhân.", QuoteTypes.Indirect, "Hoàng Thị Hạnh", "cho biết", "ngày 3/5 vừa qua, công ty đã cắt giảm 200 công nhân" },
        // a clause, "và", then a new subject that speaks
        { "new-subject-after-and", "Bà Hoàng Thị Hạnh mất việc từ tháng trước và bà thừa nhận cuộc sống của gia đình đang rất khó khăn.", QuoteTypes.Indirect, "Hoàng Thị Hạnh", "thừa nhận", "cuộc sống của gia đình đang rất khó khăn" },
        { "new-name-after-and", "Đội tuyển đã thua hai trận liên tiếp và ông Nguyễn Văn Nam cho biết các cầu thủ sẽ thay đổi chiến thuật.", QuoteTypes.Indirect, "Nguyễn Văn Nam", "cho biết", "các cầu thủ sẽ thay đổi chiến thuật" },
        // a cue used as a noun, then "của X" and "rằng": X's quote
        { "cue-noun-of-source-rang", "Quyết định này trái với lời kêu gọi của Liên Hợp Quốc trước đó, rằng các nước cần cắt giảm khí thải.", QuoteTypes.Indirect, "Liên Hợp Quốc", "kêu gọi", "các nước cần cắt giảm khí thải" },
        { "cue-after-verb-of-source-rang", "Tòa án đã chấp thuận lập luận của phía Hà Lan rằng nước này có quyền khai thác vùng biển.", QuoteTypes.Indirect, "Hà Lan", "lập luận", "nước này có quyền khai thác vùng biển" },
        // ", nhưng ...", ", vì vậy ...": the writer's clause after the reported one
        { "content-cut-at-writer-clause", "Ông Lê Văn Nam cho biết vụ án cần thêm nhân chứng, vì vậy tòa quyết định hoãn phiên xử.", QuoteTypes.Indirect, "Lê Văn Nam", "cho biết", "vụ án cần thêm nhân chứng" },
        { "content-cut-at-but", "Bà Trần Thị Mai cho biết cảnh sát đã khai tên người đứng sau, nhưng bà không tiết lộ tên người này.", QuoteTypes.Indirect, "Trần Thị Mai", "cho biết", "cảnh sát đã khai tên người đứng sau" },
        // a trailing relay: "..., X dẫn lời/dẫn thông tin từ Y." gives Y's words
        { "relay-trailing-dan-loi", "Giá dầu sẽ còn tăng trong quý tới, hãng tin Reuters dẫn lời ông Lê Văn Nam.", QuoteTypes.Indirect, "Lê Văn Nam", "dẫn lời", "Giá dầu sẽ còn tăng trong quý tới" },
        { "relay-trailing-thong-tin-tu", "Mỹ muốn dùng thỏa thuận để gây sức ép với Iran, ABC News dẫn thông tin từ cố vấn an ninh quốc gia Mỹ John Bolton.", QuoteTypes.Indirect, "John Bolton", "dẫn thông tin từ", "Mỹ muốn dùng thỏa thuận để gây sức ép với Iran" },
        // a parenthesis before a title is no apposition of a person
        { "parenthesis-then-title", "Phát biểu tại hội nghị ở Geneva (Thụy Sĩ), Bộ trưởng Y tế Lê Văn Nam cho rằng dịch bệnh đã được kiểm soát.", QuoteTypes.Indirect, "Lê Văn Nam", "cho rằng", "dịch bệnh đã được kiểm soát" },
        // appositions before khi: the person before them is the subject; a cue opening the phrase after khi is no source
        { "apposition-before-khi", "Bà Lê Thị Hoa, Giám đốc Sở Y tế khi trả lời báo chí đã cho biết bệnh viện sẽ mở thêm khoa mới.", QuoteTypes.Indirect, "Lê Thị Hoa", "cho biết", "bệnh viện sẽ mở thêm khoa mới" },
        { "dash-apposition-clause-before-khi", "Ông Phạm Văn Tâm - nguyên Hiệu trưởng Trường THPT Lê Lợi, từng là thầy giáo của nhiều thế hệ học sinh khi trao đổi với phóng viên cũng cho rằng: “Học sinh cần được nghỉ ngơi nhiều hơn”.", QuoteTypes.Direct, "Phạm Văn Tâm", "cho rằng", "Học sinh cần được nghỉ ngơi nhiều hơn" },
        // after a quotation, "X, <apposition> và là <occupation> nói": X speaks
        { "apposition-continued-by-la", "“Giá sẽ còn tăng trong quý tới”, Lê Văn Nam, giáo sư kinh tế tại Đại học Quốc gia và là chuyên gia về thị trường nói.", QuoteTypes.Direct, "Lê Văn Nam", "nói", "Giá sẽ còn tăng trong quý tới" },
        // a speech noun and "của X" before a colon and a quotation: X's direct quote
        { "speech-noun-of-colon-quotation", "Thông điệp của ông Trần Quốc Bảo gửi tới hội nghị rất ngắn gọn: “Chúng ta phải hành động ngay”.", QuoteTypes.Direct, "Trần Quốc Bảo", "Thông điệp", "Chúng ta phải hành động ngay" },
        { "cue-noun-of-colon-quotation", "Nhiều phụ huynh ủng hộ đề xuất của bà Nguyễn Thu Hà, là: “Mỗi trường cần có một phòng tư vấn tâm lý”.", QuoteTypes.Direct, "Nguyễn Thu Hà", "đề xuất", "Mỗi trường cần có một phòng tư vấn tâm lý" },
        // a first-person quotation inside the clause of a named person
        { "first-person-quotation-of-subject", "Trong cuộc gặp bên lề hội nghị, Thủ tướng Nhật Bản Shinzo Abe đã chúc mừng Tổng thống Moon Jae-in và gọi ông Moon là “người bạn thân thiết của tôi”.", QuoteTypes.Direct, "Shinzo Abe", null, "người bạn thân thiết của tôi" },
        // a quotation opening right after a full stop the splitter missed ("gốc Á.") is direct, not the sentence before it
        { "quotation-after-missed-full-stop", "Sau đó, quán phải tiếp nhiều khách người gốc Á. \"Họ trả tiền rất sòng phẳng\", chị Mai Anh kể.", QuoteTypes.Direct, "Mai Anh", "kể", "Họ trả tiền rất sòng phẳng" },
        // a short clause opening with an adverb but holding a verb is still content
        { "short-clause-after-adverb", "Ông Lê Văn Nam cho biết sẽ tăng giá.", QuoteTypes.Indirect, "Lê Văn Nam", "cho biết", "sẽ tăng giá" },
        // headline
        { "headline", "Tổng thống Putin: Nga sẵn sàng đối thoại với Mỹ về an ninh mạng", QuoteTypes.Indirect, "Putin", null, "Nga sẵn sàng đối thoại với Mỹ về an ninh mạng" },
    };

    [Theory]
    [InlineData("Mỹ muốn gây sức ép với Iran, hãng tin ABC News dẫn lời ông John Bolton. Theo đó, quyết định của Nhà Trắng là một phần của chính sách mới.", "quyết định của Nhà Trắng là một phần của chính sách mới", "John Bolton")]
    [InlineData("Giá dầu sẽ còn tăng trong quý tới, theo hãng tin Reuters. Theo đó, các nước xuất khẩu sẽ giảm sản lượng.", "các nước xuất khẩu sẽ giảm sản lượng", "Reuters")]
    public void Process_TheoDoAfterTrailingSource_ContinuesThatSource(string text, string content, string speaker)
    {
        var quotes = Extract(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal(content, quotes[1].Content);
        Assert.Equal("Theo đó", quotes[1].Cue);
        Assert.Equal(speaker, quotes[1].Speaker?.Name);
        Assert.Equal(speaker, quotes[0].Speaker?.Name);
    }

    [Fact]
    public void Process_LocalitySourceAfterComma_EndsTheFirstClause()
    {
        var q = Extract("Ông Trần Văn Bình cho biết tỉnh sẽ tuyển thêm giáo viên, địa phương thì bảo rằng ngân sách không đủ.");
        Assert.Equal("tỉnh sẽ tuyển thêm giáo viên", q[0].Content);
    }

    [Fact]
    public void Process_TheoDoAfterNoQuote_IsNoQuote()
    {
        Assert.Empty(Extract("Chính phủ đã ban hành nghị định mới về phí đường bộ. Theo đó, các trạm thu phí sẽ giảm giá vé từ tháng sau."));
    }

    [Theory]
    [MemberData(nameof(OneQuote))]
    public void Process_Pattern_FindsQuoteWithSpeakerCueAndOffsets(string pattern, string text, string type, string? speaker, string? cue, string content)
    {
        var quotes = Extract(text);
        var q = Assert.Single(quotes);
        Assert.True(pattern.Length > 0);
        Assert.Equal(type, q.Type);
        Assert.Equal(content, q.Content);
        Assert.Equal(text.IndexOf(content, StringComparison.Ordinal), q.Start);
        Assert.Equal(q.Start + content.Length, q.End);
        Assert.Equal(q.Content, text[q.Start..q.End]);
        Assert.Equal(cue, q.Cue);
        if (q.CueStart is { } cs)
            Assert.Equal(q.Cue, text[cs..q.CueEnd!.Value]);
        Assert.Equal(speaker, q.Speaker?.Name);
        if (q.Speaker?.MentionStart is { } ms)
            Assert.Equal(q.Speaker.Mention, text[ms..q.Speaker.MentionEnd!.Value]);
        Assert.InRange(q.Confidence, 0.0, 1.0);
    }

    public static TheoryData<string, string> NotQuotes => new()
    {
        { "title-of-work", "Trong cuốn sách “Please, Let Me Go”, cô kể lại 15 năm đau khổ." },
        { "scare-quote", "Dự án “Nông thôn mới” được triển khai ở nhiều tỉnh." },
        { "nickname", "Người dân gọi anh là “vua cà phê” từ nhiều năm nay." },
        { "decision", "Bộ Tài chính quyết định tăng phí từ tháng sau." },
        // a capitalised sentence-initial verb or adverb is no speaker ("Chưa kể" = "not to mention")
        { "initial-adverb-not-speaker", "Chưa kể, bà thường mở cửa hàng từ sáng sớm để đón khách quen." },
        // a cue's noun-phrase object (a noun with verb modifiers) or a bare addressee is no reported clause
        { "cue-object-noun-modified", "Đội kiểm tra gõ cửa và thông báo lệnh thu hồi đất cho gia đình." },
        { "cue-object-addressee", "Không đồng ý với bản án, gia đình bị hại kiến nghị lên TAND Tối cao." },
        { "shout-without-quotation", "Ông Lê Văn Tâm hô to cho cả xóm cùng nghe thấy." },
        { "initial-verb-not-speaker", "Nghe tin lũ về, cả xóm dọn đồ lên gác từ chiều hôm trước." },
        { "cue-without-content", "Ông Nguyễn Văn A từ chối bình luận." },
        { "cue-as-noun", "Lời kêu gọi của Liên hợp quốc được nhiều nước ủng hộ." },
        { "work-of-author-colon-title", "Tác phẩm của nhà văn Nguyễn Huy Thiệp có tên: “Những ngọn gió Hua Tát”." },
        { "first-person-title-of-work", "Cuốn sách “Tôi yêu Hà Nội mùa thu” của nhà văn Lê Minh được tái bản." },
        { "cue-then-manner-phrase", "Sau khi xem kỹ đoạn phim, luật sư Lê Văn Nam đã phân tích rất rõ ràng." },
        { "cue-inside-word", "Phiên khai mạc hội thảo diễn ra sáng nay tại Hà Nội." },
        { "time-phrase-not-source", "Ngày 22/9 cho thấy thị trường đang phục hồi." },
        { "cue-with-topic-only", "Ông Nguyễn Văn Bằng nói về vấn đề an toàn giao thông trên quốc lộ." },
        { "cue-at-sentence-end-no-content", "Ông Nguyễn Văn Thạc nói. Chính phủ Việt Nam họp." },
        { "relay-verb-not-form", "Đội tuyển Việt Nam thắng trận thứ ba liên tiếp, Nguyễn Quang Hải dẫn đầu danh sách ghi bàn." },
        { "cue-then-coordinated-verb", "Hắn đến nhà, đe dọa và cưỡng hiếp cô một cách bạo lực." },
        // a bare cue whose object is a noun phrase (word classes: noun first, no verb or adverb)
        { "cue-object-noun-phrase", "Bà Trần Thị Mai đã thừa nhận hành vi gian lận của mình." },
        // "Theo" the writer ("chúng tôi", "của chúng tôi") is the article's own view, not an attributed source
        { "theo-writer", "Theo chúng tôi, dự án cầu vượt này cần được xem xét lại từ đầu." },
        { "theo-writer-survey", "Theo khảo sát của chúng tôi, phần lớn phụ huynh ủng hộ việc bỏ thi giữa kỳ." },
        // "Điều này" (this thing) is no source
        { "dieu-nay-not-source", "Điều này cho thấy thị trường bất động sản đang hồi phục mạnh." },
        // "cho thấy" after what is not a document is evidence, not speech
        { "cho-thay-not-document", "Kết quả xét nghiệm cho thấy bệnh nhân đã khỏi bệnh hoàn toàn." },
        { "cho-thay-person", "Ông Trần Văn Bình cho thấy mình là một cầu thủ có kỹ thuật tốt." },
        // a passive cue without là/rằng is a rating, not speech
        { "passive-rating", "Tiền vệ trẻ này được ban huấn luyện đánh giá cao về thể lực và kỹ thuật." },
        // a bare cue followed by a manner phrase only (adverb first, no noun or verb)
        { "cue-then-manner-phrase", "Trong buổi họp báo, Thứ trưởng Lê Văn Nam đã giải thích rất cặn kẽ." },
        { "cue-then-manner-phrase-short", "Ông Trần Văn Bình nói khá thẳng thắn." },
        { "cue-object-noun-phrase-with-pp", "Ông Lê Văn Nam chỉ trích lập trường của Mỹ trong vấn đề Iran." },
    };

    [Theory]
    // a clause after the cue: an adverb, a name, a figure
    [InlineData("Sở Y tế thông báo hai bệnh viện đã ngừng nhận bệnh nhân mới.", "hai bệnh viện đã ngừng nhận bệnh nhân mới")]
    [InlineData("Bộ Công Thương thông báo công ty Hòa Phát phải dừng xuất khẩu thép.", "công ty Hòa Phát phải dừng xuất khẩu thép")]
    [InlineData("Hiệp hội đã đề xuất lên Bộ Tài chính mức thuế 5% cho mọi mặt hàng.", "lên Bộ Tài chính mức thuế 5% cho mọi mặt hàng")]
    public void Process_CueWithClauseOrFigure_IsStillAQuote(string text, string content)
    {
        var q = Assert.Single(Extract(text));
        Assert.Equal(content, q.Content);
    }

    [Theory]
    [MemberData(nameof(NotQuotes))]
    public void Process_NotAQuote_FindsNothing(string pattern, string text)
    {
        Assert.True(pattern.Length > 0);
        Assert.Empty(Extract(text));
    }

    [Theory]
    [InlineData("cảnh báo")]
    [InlineData("dự đoán")]
    public void Process_CueNounAfterWithAndRang_SplitsIntoTwoQuotesOfOneSource(string cue)
    {
        var text = $"Ông Lê Văn Nam cho biết giá sẽ tăng trong quý tới, với {cue} rằng thị trường còn nhiều rủi ro.";
        var quotes = Extract(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal(["giá sẽ tăng trong quý tới", "thị trường còn nhiều rủi ro"], quotes.Select(q => q.Content));
        Assert.Equal(["cho biết", cue], quotes.Select(q => q.Cue));
        Assert.All(quotes, q => Assert.Equal("Lê Văn Nam", q.Speaker?.Name));
    }

    [Fact]
    public void Process_PronounAndSurname_ResolveToFullestName()
    {
        const string text = "Thứ trưởng Ngoại giao Nga Oleg Syromolotov cho rằng hai nước cần đối thoại.\n\n"
            + "Ông Syromolotov nhấn mạnh sức mạnh của ngoại giao là vượt qua bất đồng.\n\n"
            + "Theo ông, Nga luôn sẵn sàng cho một cuộc đối thoại cân bằng.";
        var quotes = Extract(text);
        Assert.Equal(3, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Oleg Syromolotov", q.Speaker?.Name));
        Assert.All(quotes, q => Assert.Equal("Thứ trưởng Ngoại giao Nga", q.Speaker?.Title));
        Assert.Equal(["Thứ trưởng Ngoại giao Nga Oleg Syromolotov", "Ông Syromolotov", "ông"], quotes.Select(q => q.Speaker!.Mention));
    }

    [Fact]
    public void Process_PronounAfterANewPersonIsIntroduced_ResolvesToThatPerson()
    {
        const string text = "Ông Nguyễn Văn An cho biết giá cà phê sẽ tăng trong năm nay.\n\n"
                            + "Từ năm lên 7, những gì trải qua đã ảnh hưởng sâu sắc đến ông Howard Schultz. "
                            + "“Nó giống như một vết sẹo”, ông chia sẻ.";
        var quotes = Extract(text);
        Assert.Equal("Nguyễn Văn An", quotes[0].Speaker?.Name);
        Assert.Equal("Howard Schultz", Assert.Single(quotes, q => q.Type == QuoteTypes.Direct).Speaker?.Name);
    }

    [Fact]
    public void Process_OccupationWithoutName_ResolvesToThePersonNamedWithIt()
    {
        const string text = "Ít ai biết nhà thiết kế Ralph Lauren từng không có tiền mua quần áo.\n\n"
                            + "Trong cuộc phỏng vấn năm 2002, nhà thiết kế nổi tiếng chia sẻ: “Khi còn là một đứa trẻ, tôi không được mua quần áo mới”.";
        var q = Assert.Single(Extract(text));
        Assert.Equal("Ralph Lauren", q.Speaker?.Name);
        Assert.Equal("nhà thiết kế nổi tiếng", q.Speaker?.Mention);
    }

    [Fact]
    public void Process_DemonstrativePronoun_ResolvesToThePersonIntroducedLast()
    {
        const string text = "Bà Kang cho biết hai nước sẽ tiếp tục hợp tác.\n"
            + "Chuyên gia Melissa Hanham là giám đốc một trung tâm nghiên cứu ở Mỹ.\n"
            + "Theo chuyên gia này, Triều Tiên có thể thử hạt nhân trên biển.";
        var quotes = Extract(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Kang", quotes[0].Speaker?.Name);
        Assert.Equal("Melissa Hanham", quotes[1].Speaker?.Name);
    }

    [Fact]
    public void Process_BareTitle_ResolvesToTheHolderNamedBefore()
    {
        const string text = "Ngoại trưởng Trung Quốc Vương Nghị khẳng định Trung Quốc thực hiện đầy đủ các nghị quyết.\n"
            + "Ngoại trưởng Trung Quốc nhấn mạnh đối thoại là rất quan trọng trong tiến trình này.";
        var quotes = Extract(text);
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Vương Nghị", q.Speaker?.Name));
    }

    [Fact]
    public void Process_CoordinatedCues_SplitContentAndShareSource()
    {
        const string text = "Bà Kang nhấn mạnh Triều Tiên cần đi theo con đường phi hạt nhân hóa và nêu rõ Hàn Quốc cam kết giải trừ vũ khí hạt nhân.";
        var quotes = Extract(text);
        Assert.Equal(["Triều Tiên cần đi theo con đường phi hạt nhân hóa", "Hàn Quốc cam kết giải trừ vũ khí hạt nhân"], quotes.Select(q => q.Content));
        Assert.All(quotes, q => Assert.Equal("Kang", q.Speaker?.Name));
    }

    [Fact]
    public void Process_ContinuationQuote_InheritsPreviousSpeaker()
    {
        const string text = "“Trường hợp xấu nhất là Triều Tiên thử hạt nhân trên biển”, chuyên gia Vipin Narang nói.\n"
            + "“Tôi sẽ hoàn toàn bất ngờ nếu họ thử hạt nhân trong tương lai gần”.";
        var quotes = Extract(text);
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Vipin Narang", q.Speaker?.Name));
        Assert.Null(quotes[1].Cue);
    }

    [Fact]
    public void Process_TwoQuotationsJoinedByVa_AreTwoQuotesOfOneSource()
    {
        const string text = "Bà Trần Thu Hương khẳng định: “học phí không phải gánh nặng” và “phụ huynh vẫn được miễn giảm như cũ”.";
        var quotes = Extract(text);
        Assert.Equal(["học phí không phải gánh nặng", "phụ huynh vẫn được miễn giảm như cũ"], quotes.Select(q => q.Content));
        Assert.All(quotes, q => Assert.Equal(QuoteTypes.Direct, q.Type));
        Assert.All(quotes, q => Assert.Equal("Trần Thu Hương", q.Speaker?.Name));
    }

    [Fact]
    public void Process_RepeatedLead_IsOneQuote()
    {
        const string text = "Trung Quốc kêu gọi Triều Tiên ngừng theo con đường nguy hiểm\n\n"
            + "Trung Quốc kêu gọi Triều Tiên ngừng theo con đường nguy hiểm và yêu cầu Mỹ tránh gây hấn.";
        var quotes = Extract(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal(["Triều Tiên ngừng theo con đường nguy hiểm", "Mỹ tránh gây hấn"], quotes.Select(q => q.Content));
    }

    /// <summary>The text with an entity of <paramref name="type"/> over every occurrence of each name, as the entity stage gives.</summary>
    private static IReadOnlyList<Quote> ExtractWith(string text, string type, params string[] names)
    {
        var entities = new List<Entity>();
        foreach (var name in names)
        {
            for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.Ordinal))
                entities.Add(new Entity(type, i, i + name.Length, name));
        }
        entities.Sort((a, b) => a.Start.CompareTo(b.Start));
        return Extractor.Process(new AnnotatedDocument(new Document("t", text)) { Entities = [.. entities] }).Quotes;
    }

    [Theory]
    // an occupation alone refers back to the person named right after it, or described by it after "là"
    [InlineData("Luật sư Trần Văn Hải bào chữa cho bị cáo. Theo luật sư, bị cáo không có mặt tại hiện trường.", "Trần Văn Hải")]
    [InlineData("Trần Văn Hải là luật sư của bị cáo. Theo luật sư, bị cáo không có mặt tại hiện trường.", "Trần Văn Hải")]
    public void Process_OccupationAlone_IsThePersonItNamedEarlier(string text, string speaker)
    {
        var q = Assert.Single(ExtractWith(text, EntityTypes.Person, "Trần Văn Hải"));
        Assert.Equal(speaker, q.Speaker?.Name);
    }

    [Theory]
    // an address and name opening the segment before the cue is the source, not a person in an earlier setting
    [InlineData("Khác với chị Hoa, chị Lan dạy học ở Trường Tiểu học Kim Đồng, cho biết lương năm nay đã tăng.", "Lan", "lương năm nay đã tăng")]
    // a parenthesis (an address) between the person and further appositions
    [InlineData("Ông Trần Văn Hùng (ngụ xã An Phú, huyện Củ Chi), có 2 ha đất trồng rau, cho biết giá rau năm nay cao gấp đôi.", "Trần Văn Hùng", "giá rau năm nay cao gấp đôi")]
    public void Process_SourceBeforeAppositions_IsThePersonAddressed(string text, string speaker, string content)
    {
        var q = Assert.Single(ExtractWith(text, EntityTypes.Person, "Hoa", "Lan", "Trần Văn Hùng"));
        Assert.Equal(content, q.Content);
        Assert.Equal(speaker, q.Speaker?.Name);
    }

    [Fact]
    public void Process_OccupationDemonstrative_ResolvesToThePersonDescribedSo()
    {
        const string text = "“Giá vàng sẽ còn biến động”, ông Lê Minh Tuấn, chuyên gia tài chính tại Hà Nội nói.\n"
            + "Ảnh: ông Phạm Quang Vinh tại hội nghị.\n"
            + "Chuyên gia này cho rằng lãi suất sẽ giảm trong năm tới.";
        var quotes = Extract(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal("lãi suất sẽ giảm trong năm tới", quotes[1].Content);
        Assert.Equal("Lê Minh Tuấn", quotes[1].Speaker?.Name);
    }

    [Fact]
    public void Process_PaperDemonstrative_ResolvesToThePaperNamedAfterTheNoun()
    {
        const string text = "Bài viết được đăng trên tờ Tuổi Trẻ hôm qua.\nTờ này nhận định thị trường sẽ ổn định vào cuối năm.";
        var q = Assert.Single(ExtractWith(text, EntityTypes.Organization, "Tuổi Trẻ"));
        Assert.Equal("thị trường sẽ ổn định vào cuối năm", q.Content);
        Assert.Equal("Tuổi Trẻ", q.Speaker?.Name);
        Assert.Equal("ORG", q.Speaker?.Kind);
    }

    [Theory]
    // a first-person quotation after "Theo <person>, ..." in the same paragraph continues that person
    [InlineData("Theo ông Lê Văn Nam, giá xăng sẽ còn tăng trong quý tới. “Tôi nghĩ người dân cần chuẩn bị trước”.", "Tôi nghĩ người dân cần chuẩn bị trước", "Lê Văn Nam")]
    // after "Theo <paper>, ..." the first person is somebody the paper quotes, not the paper
    [InlineData("Theo hãng tin CNN, giá xăng sẽ còn tăng trong quý tới. “Tôi nghĩ người dân cần chuẩn bị trước”.", "Tôi nghĩ người dân cần chuẩn bị trước", null)]
    // "bà" / "ông" skip a later person whose middle name (Văn / Thị) gives the other gender
    [InlineData("Luật sư Nguyễn Thị Lan cho biết vụ án sẽ được xét xử lại. Cùng dự phiên tòa có luật sư Trần Văn Minh. Bà nói thêm rằng bị cáo đã kháng cáo.", "bị cáo đã kháng cáo", "Nguyễn Thị Lan")]
    [InlineData("Luật sư Trần Văn Minh cho biết vụ án sẽ được xét xử lại. Cùng dự phiên tòa có luật sư Nguyễn Thị Lan. Ông nói thêm rằng bị cáo đã kháng cáo.", "bị cáo đã kháng cáo", "Trần Văn Minh")]
    [InlineData("Luật sư Trần Văn Minh cho biết vụ án sẽ được xét xử lại. Cùng dự phiên tòa có luật sư Nguyễn Thị Lan. Bà nói thêm rằng bị cáo đã kháng cáo.", "bị cáo đã kháng cáo", "Nguyễn Thị Lan")]
    public void Process_SecondQuote_ResolvesItsSpeaker(string text, string content, string? speaker)
    {
        var quotes = Extract(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal(content, quotes[1].Content);
        Assert.Equal(speaker, quotes[1].Speaker?.Name);
    }

    [Fact]
    public void Process_HonorificInsidePlaceName_IsNoPerson()
    {
        const string text = "Chị Mai (ngụ huyện Đất Đỏ, Bà Rịa - Vũng Tàu), chủ một vườn tiêu, vui vẻ cho biết: “Năm nay tiêu được giá”.";
        var q = Assert.Single(ExtractWith(text, EntityTypes.Location, "Bà Rịa - Vũng Tàu"));
        Assert.Equal("Mai", q.Speaker?.Name);
    }

    [Fact]
    public void Process_PronounWithNoAntecedent_GivesNullSpeaker()
    {
        var q = Assert.Single(Extract("Ông cho biết giá vé sẽ giảm từ tháng sau."));
        Assert.Null(q.Speaker);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("“”")]
    [InlineData("\" ' « » ‘ ’")]
    public void Process_EmptyOrMarksOnly_FindsNothingAndDoesNotThrow(string text) => Assert.Empty(Extract(text));
}
