using NlpPipeline.Documents;
using NlpPipeline.Entities;
using NlpPipeline.Quotes;

namespace NlpPipeline.Tests.Quotes;

/// <summary>
/// Speaker naming from the entity stage's information (person names, refs, title→person links), on invented sentences
/// with injected entities.
/// </summary>
public class SpeakerNamingTests
{
    private static readonly QuoteExtractor Extractor = new();

    /// <summary>
    /// Entities written as <c>TYPE|text|ref|person</c> (ref and person may be empty): each one tags the next occurrence
    /// of its text after the previous entity with the same text. They stand for the recogniser's tags, so the entity
    /// stage's <see cref="PersonNameRepair"/> runs over them as it does in the pipeline.
    /// </summary>
    internal static AnnotatedDocument Annotate(string text, string[] entities)
    {
        var list = new List<Entity>();
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var spec in entities)
        {
            var f = spec.Split('|');
            var from = next.GetValueOrDefault(f[1]);
            var start = text.IndexOf(f[1], from, StringComparison.Ordinal);
            Assert.True(start >= 0, $"entity '{f[1]}' not in the text");
            next[f[1]] = start + f[1].Length;
            list.Add(new Entity(f[0], start, start + f[1].Length, f[1])
            {
                Ref = f.Length > 2 && f[2].Length > 0 ? f[2] : null,
                PersonRef = f.Length > 3 && f[3].Length > 0 ? f[3] : null,
            });
        }
        return new AnnotatedDocument(new Document("t", text)) { Entities = PersonNameRepair.Default.Apply(text, [.. list.OrderBy(e => e.Start)]) };
    }

    /// <summary>Case, text, entities, the start of one quote's content, and the speaker expected for it.</summary>
    public static TheoryData<string, string, string[], string, string> Speakers => new()
    {
        // 1: the name is the person entity's, not the mention minus its title.
        { "place between title and person", "Thị trưởng Lyon Jean Dupont cho biết thành phố sẽ mở thêm ba tuyến xe buýt.",
            ["LOC|Lyon|e1|", "PER|Jean Dupont|e2|"], "thành phố", "Jean Dupont" },
        { "title chain and company before the person", "Chủ tịch kiêm CEO hãng bia Kirin Sato Hiroshi cho biết doanh thu đã tăng mạnh.",
            ["ORG|Kirin|e1|", "PER|Sato Hiroshi|e2|"], "doanh thu", "Sato Hiroshi" },
        { "capitalised complement before the person", "Chủ tịch Nước Lê Văn Hòa cho biết nhà máy sẽ được mở rộng.",
            ["PER|Lê Văn Hòa|e1|"], "nhà máy", "Lê Văn Hòa" },
        { "title glued by a hyphen", "Trung tá Lê Văn Tâm-Trưởng phòng Cảnh sát giao thông cho biết sẽ xử lý nghiêm các sai phạm.",
            ["PER|Lê Văn Tâm|e1|"], "sẽ xử lý", "Lê Văn Tâm" },
        { "hyphenated name cut by the entity stage", "Tổng thống Moon Jae-in cho biết Hàn Quốc sẽ không chấp nhận chiến tranh.",
            ["PER|Moon Jae|e1|", "LOC|Hàn Quốc|e2|"], "Hàn Quốc", "Moon Jae-in" },
        // 2: a title or occupation alone is the person introduced with it earlier, through a lower-case complement.
        { "title with a lower-case complement", "Chủ tịch tỉnh Lê Văn Hòa đến thăm nhà máy vào sáng nay.\nChủ tịch tỉnh cho biết nhà máy sẽ được mở rộng.",
            ["PER|Lê Văn Hòa|e1|"], "nhà máy sẽ", "Lê Văn Hòa" },
        { "occupation with a complement", "Chuyên gia Anh về năng lượng John Smith đã đến thăm nhà máy.\nTheo chuyên gia, giá dầu sẽ còn tăng trong năm tới.",
            ["LOC|Anh|e1|", "PER|John Smith|e2|"], "giá dầu", "John Smith" },
        { "title entity linked to a person", "Tổng Giám đốc Acme tại Berlin Hans Weber cho biết công ty sẽ kháng cáo.",
            ["TITLE|Tổng Giám đốc Acme tại Berlin|t1|e2", "ORG|Acme|e1|", "LOC|Berlin|e3|", "PER|Hans Weber|e2|"], "công ty", "Hans Weber" },
        // 3: a place after a title is the title's complement; the person who holds that title speaks.
        { "place after a title", "Ông Phạm Văn Tú - Bí thư huyện Sơn Tây cho biết trường học đã sửa xong.\nTheo Bí thư huyện Sơn Tây, năm học mới sẽ bắt đầu đúng hạn.",
            ["PER|Phạm Văn Tú|e1|", "LOC|Sơn Tây|e2|", "LOC|Sơn Tây|e2|"], "năm học", "Phạm Văn Tú" },
        { "cue-like syllable inside a word of the apposition", "Ông Trần Văn Bảo, Giám đốc Công ty vận tải Hoa Mai, đơn vị khai thác tuyến Hà Nội đi Hải Phòng, Thái Bình cho biết, giá vé sẽ tăng từ tháng sau.",
            ["PER|Trần Văn Bảo|e1|", "TITLE|Giám đốc Công ty vận tải Hoa Mai|t1|e1", "ORG|Công ty vận tải Hoa Mai|e2|", "LOC|Hà Nội|e3|", "LOC|Hải Phòng|e4|", "LOC|Thái Bình|e5|"], "giá vé", "Trần Văn Bảo" },
        { "mention cut inside an organisation entity", "Liên minh Nhà nước Hồi giáo Sahel (ISS) tự xưng đã thừa nhận tiến hành vụ tấn công.",
            ["ORG|Nhà nước Hồi giáo Sahel|e1|", "ORG|ISS|e2|"], "tiến hành", "Liên minh Nhà nước Hồi giáo Sahel" },
        { "a second cue after only adverbs opens the first cue's content", "Ngày 3/5, cảnh sát Pháp cho biết đã cáo buộc một người đàn ông 30 tuổi âm mưu giết người tại Lyon.",
            ["LOC|Pháp|e1|", "LOC|Lyon|e2|"], "đã cáo buộc", "cảnh sát Pháp" },
        { "a weak cue syllable ending a Theo source belongs to the source", "Theo một nguồn tin, nhà máy sẽ đóng cửa vào tháng tới.",
            [], "nhà máy", "một nguồn tin" },
        { "the leader of a place is its one titled person", "Thủ tướng Canada Justin Trudeau đến Paris hôm qua.\nNhà lãnh đạo Canada khẳng định “hai nước sẽ cùng chống biến đổi khí hậu”.",
            ["TITLE|Thủ tướng Canada|t1|e2", "LOC|Canada|e1|", "PER|Justin Trudeau|e2|", "LOC|Paris|e3|", "LOC|Canada|e1|"], "hai nước", "Justin Trudeau" },
        { "a paper named after a country", "Báo Nhật Bản: Tiết lộ Hàn Quốc bí mật đóng tàu ngầm mới.",
            ["ORG|Báo Nhật Bản|e1|", "LOC|Hàn Quốc|e2|"], "Hàn Quốc", "Báo Nhật Bản" },
        { "title, organisation and cue", "Ông Phan Văn Lộc, Trưởng phòng Kế hoạch tài chính cho biết quỹ đã cạn.\nTrưởng phòng Kế hoạch tài chính, Sở Y tế Long An thông tin, bệnh viện sẽ nhận thêm thuốc trong tuần tới.",
            ["PER|Phan Văn Lộc|e1|", "TITLE|Trưởng phòng Kế hoạch tài chính|t1|e1", "ORG|Sở Y tế Long An|e2|"], "bệnh viện", "Phan Văn Lộc" },
        { "title and name, organisation and cue", "Thiếu tá Đặng Văn Hưng, Đội phó Đội tuần tra số 3 cho biết, lực lượng đã tăng cường tuần tra ban đêm.",
            ["PER|Đặng Văn Hưng|e1|"], "lực lượng", "Đặng Văn Hưng" },
        { "pronoun after a title ending in a place", "Trao đổi với phóng viên, ông Lương Văn Định, Chánh văn phòng HĐND TP Hải Phòng, xác nhận thông tin. Theo ông, cuộc họp sẽ được tổ chức lại vào tuần sau.",
            ["PER|Lương Văn Định|e1|", "ORG|HĐND TP Hải Phòng|e2|"], "cuộc họp", "Lương Văn Định" },
        { "second half of a dashed name tagged as a person", "Tin từ Ban quản lý Khu bảo tồn (KBT) Pù Luông – Bù Xanh, tỉnh Thanh Hóa, ngày 5/6 cho biết, đơn vị này đang xử lý 4 người khai thác gỗ trái phép.",
            ["ORG|Ban quản lý Khu bảo tồn|e1|", "ORG|KBT|e2|", "PER|Bù Xanh|e3|", "LOC|Thanh Hóa|e4|"], "đơn vị", "Ban quản lý Khu bảo tồn (KBT) Pù Luông – Bù Xanh" },
        { "Vietnamese name after a dashed title", "Phó Chủ tịch UBND tỉnh Hà Giang – Trần Đức Quý cho biết tỉnh sẽ hỗ trợ các hộ dân bị lũ cuốn trôi nhà.",
            ["ORG|UBND tỉnh Hà Giang|e1|", "PER|Trần Đức Quý|e2|"], "tỉnh sẽ", "Trần Đức Quý" },
        { "address with a two-syllable adjective", "Chị Lê Thị Mai dạy ở một trường mầm non. Nói về sáng kiến của mình, chị khiêm tốn cho rằng mình chỉ làm một việc nhỏ.",
            ["PER|Lê Thị Mai|e1|"], "mình chỉ", "Lê Thị Mai" },
        { "headline title introduced after it", "Giám đốc Sở Y tế Cần Thơ: 'Không bao che sai phạm'\n\nÔng Trần Văn Phúc, Giám đốc Sở Y tế TP Cần Thơ, khẳng định sẽ xử lý nghiêm các cán bộ vi phạm.",
            ["ORG|Sở Y tế Cần Thơ|e1|", "PER|Trần Văn Phúc|e2|", "ORG|Sở Y tế TP Cần Thơ|e1|"], "Không bao che", "Trần Văn Phúc" },
        { "person after a mis-tagged organisation", "Thứ trưởng Bộ NNPTNT Trần Thanh Nam cho biết giá lúa sẽ ổn định.",
            ["ORG|Bộ NNPTNT Trần Thanh Nam|e1|"], "giá lúa", "Trần Thanh Nam" },
    };

    /// <summary>Case, text, entities, and a name that must not be any quote's speaker.</summary>
    public static TheoryData<string, string, string[], string> NotSpeakers => new()
    {
        // "lãnh đạo X" is X's leadership, not the one person titled in X.
        { "leadership of a place", "Ngoại trưởng Canada Mélanie Joly đến Paris hôm qua.\nLãnh đạo Canada khẳng định “hai nước sẽ cùng chống biến đổi khí hậu”.",
            ["TITLE|Ngoại trưởng Canada|t1|e2", "LOC|Canada|e1|", "PER|Mélanie Joly|e2|", "LOC|Paris|e3|", "LOC|Canada|e1|"], "Mélanie Joly" },
        // Two people hold titles of the place: no guess.
        { "two people titled in the place", "Thủ tướng Canada Justin Trudeau và Bộ trưởng Quốc phòng Canada Anita Anand đến Paris hôm qua.\nNhà lãnh đạo Canada khẳng định “hai nước sẽ cùng chống biến đổi khí hậu”.",
            ["TITLE|Thủ tướng Canada|t1|e2", "LOC|Canada|e1|", "PER|Justin Trudeau|e2|", "TITLE|Bộ trưởng Quốc phòng Canada|t2|e4", "LOC|Canada|e1|", "PER|Anita Anand|e4|", "LOC|Paris|e3|", "LOC|Canada|e1|"], "Anita Anand" },
        // A city name before a dash is no family name and given name ("Hà Nội" is a word of the word-class table).
        { "place before a dash is no hyphenated name",
            "Ông Nguyễn Đình Vinh, Hiệu trưởng Trường THPT chuyên Hà Nội - Amsterdam cho biết nhà trường đã báo cáo Sở.",
            ["PER|Nguyễn Đình Vinh|e1|", "PER|Amsterdam|e2|"], "Hà Nội-Amsterdam" },
        // A word inside a longer organisation name (a law office named after partners) is no body's name before the person.
        { "word inside a longer organisation name",
            "Văn phòng Luật sư Tan Lim đại diện cho công ty.\nChiều 9/3, luật sư Tan Hong Seng cho biết các cổ đông đã mất hơn 400.000 USD.",
            ["ORG|Văn phòng Luật sư Tan Lim|e1|", "PER|Tan Hong Seng|e2|"], "Hong Seng" },
        // After a verb the name is an object, not a title's complement.
        { "name after a verb",
            "Tòa án Saddam đã đóng cửa.\nCác tài liệu cho thấy Saddam Hussein đã ký lệnh, ông nói rằng đó là quyết định đúng.",
            ["ORG|Saddam|e1|", "PER|Saddam Hussein|e2|"], "Hussein" },
        // Words after "X, " may be the next person's title: no office of X, so no holder of the bare title below.
        { "a list of titled people is no office after the first",
            "Tổng thống Ukraina sẽ gặp tổng thống Ba Lan Aleksander Kwasniewski, Tổng thống Litva Valdas Adamkus và chủ tịch Hạ viện Nga Boris Gryzlov.\nTrước đó, chủ tịch Hạ viện Nga Boris Gryzlov dự đoán tương lai của Ukraina sẽ rất khó khăn.",
            ["LOC|Ukraina|e1|", "LOC|Ba Lan|e2|", "PER|Aleksander Kwasniewski|e3|", "LOC|Litva|e4|", "PER|Valdas Adamkus|e5|", "LOC|Hạ viện Nga Boris Gryzlov|e6|", "LOC|Hạ viện Nga Boris Gryzlov|e6|", "LOC|Ukraina|e1|"], "Aleksander Kwasniewski" },
        { "a cue-like word opening a source word", "Người phát ngôn Bộ Ngoại giao Lê Thị Hằng cho biết Việt Nam sẽ tham dự hội nghị.",
            ["ORG|Bộ Ngoại giao|e1|", "PER|Lê Thị Hằng|e2|", "LOC|Việt Nam|e3|"], "Người" },
    };

    [Theory]
    [MemberData(nameof(NotSpeakers))]
    public void Process_WithEntities_NeverChoosesTheWrongSource(string pattern, string text, string[] entities, string name)
    {
        var quotes = Extractor.Process(Annotate(text, entities)).Quotes;
        Assert.NotEmpty(quotes);
        Assert.True(quotes.All(q => q.Speaker?.Name != name), $"{pattern}: {string.Join("; ", quotes.Select(q => q.Speaker?.Name))}");
    }

    [Theory]
    [MemberData(nameof(Speakers))]
    public void Process_WithEntities_NamesTheExpectedSpeaker(string pattern, string text, string[] entities, string contentStart, string speaker)
    {
        var quotes = Extractor.Process(Annotate(text, entities)).Quotes;
        QuoteAssert.SpeakerOf(quotes, pattern, contentStart, speaker);
    }

    /// <summary>
    /// Round 8 patterns: case, text, entities, the quote's content, and the speaker and mention expected for it. The
    /// content's offsets are checked against its place in the text.
    /// </summary>
    public static TheoryData<string, string, string[], string, string, string> SpeakerMentions => new()
    {
        // A rank before the name and an office glued after it by a hyphen: a later "vị <office>" is that person.
        { "classifier vị before an office held after a hyphen",
            "Trung tá Lê Văn Tâm-Trưởng phòng Cảnh sát giao thông (PC08-Công an TP.HCM) đã họp báo sáng nay.\nTheo vị trưởng phòng PC08, lực lượng sẽ tăng cường tuần tra ban đêm.",
            ["PER|Lê Văn Tâm|e1|", "ORG|PC08|e3|", "ORG|Công an TP.HCM|e2|", "ORG|PC08|e3|"], "lực lượng sẽ tăng cường tuần tra ban đêm", "Lê Văn Tâm", "vị trưởng phòng PC08" },
        // The office's bracketed unit is part of the title: "trưởng phòng PC08" alone finds its holder.
        { "bare office with the bracketed unit",
            "Trung tá Lê Văn Tâm-Trưởng phòng Cảnh sát giao thông (PC08-Công an TP.HCM) đã họp báo sáng nay.\nTrả lời báo chí, trưởng phòng PC08 cho biết lực lượng sẽ tăng cường tuần tra ban đêm.",
            ["PER|Lê Văn Tâm|e1|", "ORG|Công an TP.HCM|e2|"], "lực lượng sẽ tăng cường tuần tra ban đêm", "Lê Văn Tâm", "trưởng phòng PC08" },
        // A headline's title is the person introduced below with that office after the name (abbreviation dots end no sentence).
        { "headline title held as a glued office",
            "Trưởng phòng CSGT TP.HCM: 'Chúng tôi không bao che sai phạm'\n\nTrung tá Lê Văn Tâm-Trưởng phòng CSGT đường bộ (PC08-Công an TP.HCM) đã họp báo sáng nay.",
            ["PER|Lê Văn Tâm|e1|", "ORG|Công an TP.HCM|e2|"], "Chúng tôi không bao che sai phạm", "Lê Văn Tâm", "Trưởng phòng CSGT TP.HCM" },
        // A company's or university's name tagged into the person after a lower-case phrase is the body's, not the person's.
        { "company name glued to the person",
            "Hãng bia Kirin vừa công bố kết quả kinh doanh.\nChủ tịch kiêm CEO hãng bia Kirin Sato Hiroshi cho biết doanh thu đã tăng mạnh.",
            ["ORG|Kirin|e1|", "PER|Kirin Sato Hiroshi|e2|"], "doanh thu đã tăng mạnh", "Sato Hiroshi", "Chủ tịch kiêm CEO hãng bia Kirin Sato Hiroshi" },
        { "university name glued to the person",
            "Nghiên cứu của Luke tại Harvard được công bố năm ngoái.\nHọc giả Harvard Luke cho rằng trẻ học song ngữ sớm có lợi thế.",
            ["PER|Luke|e1|", "ORG|Harvard|e2|", "PER|Harvard Luke|e1|"], "trẻ học song ngữ sớm có lợi thế", "Luke", "Học giả Harvard Luke" },
        // A single word left after the cut must be used alone as a person: otherwise the whole tagged name stays.
        { "one word left after the cut, never used alone",
            "Đội bóng Napoleon đã giải tán từ lâu.\nSĩ quan pháo binh Napoleon Bounaparte cho rằng quân Pháp sẽ thắng trận.",
            ["ORG|Napoleon|e1|", "PER|Napoleon Bounaparte|e2|"], "quân Pháp sẽ thắng trận", "Napoleon Bounaparte", "Sĩ quan pháo binh Napoleon Bounaparte" },
        // A title written in sentence case that the lexicon lacks ("Trưởng bản") is an apposition of the person before the comma.
        { "sentence-case title after a name and a comma",
            "Ông Trần Văn Tư, Trưởng bản Khe (xã Thượng Hóa, huyện Minh Hóa) cho biết nước lũ đã rút.",
            ["PER|Trần Văn Tư|e1|", "LOC|Thượng Hóa|e2|", "LOC|Minh Hóa|e3|"], "nước lũ đã rút", "Trần Văn Tư", "Trưởng bản Khe" },
        // A hyphenated Korean given name written with a spaced dash and cut at it by the entity stage.
        { "hyphenated given name cut at a spaced dash",
            "Chủ tịch Nhóm Nghị sỹ hữu nghị Hàn Quốc - Việt Nam Park Jong - Min khẳng định Hàn Quốc sẽ tăng đầu tư vào Việt Nam.",
            ["LOC|Hàn Quốc|e1|", "LOC|Việt Nam|e2|", "PER|Park Jong|e3|", "PER|Min|e4|"], "Hàn Quốc sẽ tăng đầu tư vào Việt Nam", "Park Jong-Min", "Min" },
        // An address before a bare title is the title's holder named earlier.
        { "address before a bare title",
            "Bộ trưởng Lê Văn Hòa đã tiếp Đại sứ Thụy Điển Anna Lind.\nNgài Đại sứ cho biết hai nước sẽ mở rộng hợp tác về môi trường.",
            ["PER|Lê Văn Hòa|e1|", "LOC|Thụy Điển|e2|", "PER|Anna Lind|e3|"], "hai nước sẽ mở rộng hợp tác về môi trường", "Anna Lind", "Ngài Đại sứ" },
        // A leading word also used alone as a person's name is the person's own, though a body is named after it.
        { "leading word used alone as a person",
            "Quân đội Saddam tan rã năm 2003, Saddam bỏ trốn.\nTrong phiên tòa, cựu tổng thống Saddam Hussein cho biết ông không có tội.",
            ["ORG|Quân đội Saddam|e1|", "PER|Saddam|e2|", "PER|Saddam Hussein|e2|"], "ông không có tội", "Saddam Hussein", "cựu tổng thống Saddam Hussein" },
        // A dashed apposition between the person and the cue: the source stands before the opening dash.
        { "dashed apposition before the cue",
            "Tại buổi làm việc, anh Nguyễn Văn Hùng – ông bố có hai con đang học tại trường – cho biết gia đình không được thông báo trước.",
            ["PER|Nguyễn Văn Hùng|e1|"], "gia đình không được thông báo trước", "Nguyễn Văn Hùng", "anh Nguyễn Văn Hùng" },
        // "Vị <title> này" opening a sentence is a source, the title's holder named before.
        { "classifier, title and demonstrative",
            "Bà Lê Thị Hoa - Hiệu trưởng Trường Tiểu học Kim Đồng đã gặp phụ huynh sáng qua. Vị hiệu trưởng này cho biết nhà trường sẽ trả lại tiền cho phụ huynh.",
            ["PER|Lê Thị Hoa|e1|", "TITLE|Hiệu trưởng Trường Tiểu học Kim Đồng|t1|e1", "ORG|Trường Tiểu học Kim Đồng|e2|"],
            "nhà trường sẽ trả lại tiền cho phụ huynh", "Lê Thị Hoa", "Vị hiệu trưởng này" },
        // After an address the capitalised words are the person's own name.
        { "address before a name that is also a club's",
            "Câu lạc bộ Chelsea vừa đổi chủ.\nTại sự kiện, bà Chelsea Clinton cho biết quỹ sẽ mở rộng hoạt động.",
            ["ORG|Câu lạc bộ Chelsea|e1|", "PER|Chelsea Clinton|e2|"], "quỹ sẽ mở rộng hoạt động", "Chelsea Clinton", "bà Chelsea Clinton" },
    };

    [Theory]
    [MemberData(nameof(SpeakerMentions))]
    public void Process_WithEntities_NamesSpeakerMentionAndOffsets(string pattern, string text, string[] entities, string content,
        string speaker, string mention)
    {
        var quotes = Extractor.Process(Annotate(text, entities)).Quotes;
        var q = quotes.SingleOrDefault(x => x.Content == content);
        Assert.True(q is not null, $"{pattern}: found {string.Join("; ", quotes.Select(x => x.Content))}");
        Assert.Equal(text.IndexOf(content, StringComparison.Ordinal), q.Start);
        Assert.Equal(q.Start + content.Length, q.End);
        Assert.True(speaker == q.Speaker?.Name && mention == q.Speaker?.Mention,
            $"{pattern}: got '{q.Speaker?.Name}' (mention '{q.Speaker?.Mention}')");
    }

    /// <summary>
    /// Speaker spans (QUOTES.md: a person's fullest name; an unnamed group's or body's fullest span): case, text, entities
    /// as the recogniser tags them, the start of the quote's content, then the expected speaker, mention and kind.
    /// </summary>
    public static TheoryData<string, string, string[], string, string, string, string> SpeakerSpans => new()
    {
        { "representative of an organisation keeps its head", "Tại phiên tòa, đại diện VKS đề nghị tuyên hủy bản án sơ thẩm.",
            ["ORG|VKS"], "tuyên hủy", "đại diện VKS", "đại diện VKS", "ORG" },
        { "representative of a body and its parent after a comma",
            "Trả lời doanh nghiệp, đại diện Vụ Chính sách Thuế, Tổng cục Thuế cho biết doanh nghiệp sẽ được hoàn thuế.",
            ["ORG|Vụ Chính sách Thuế", "ORG|Tổng cục Thuế"], "doanh nghiệp sẽ", "đại diện Vụ Chính sách Thuế, Tổng cục Thuế",
            "đại diện Vụ Chính sách Thuế, Tổng cục Thuế", "ORG" },
        { "unnamed official keeps its article and place", "Một quan chức an ninh trong chính phủ Nhật Bản nhận định rằng hiệp ước vẫn đủ mạnh.",
            ["LOC|Nhật Bản"], "hiệp ước", "Một quan chức an ninh trong chính phủ Nhật Bản", "Một quan chức an ninh", "OTHER" },
        { "an organisation head before a person is that person's body",
            "Theo Reuters, chính quyền Tổng thống Mỹ Donald Trump cho rằng Trung Quốc ủng hộ Triều Tiên.",
            ["ORG|Reuters", "LOC|Mỹ", "PER|Donald Trump", "LOC|Trung Quốc", "LOC|Triều Tiên"], "Trung Quốc ủng hộ",
            "chính quyền Tổng thống Mỹ Donald Trump", "chính quyền Tổng thống Mỹ Donald Trump", "ORG" },
        { "an organisation head right before the name is a title", "Cảnh sát vào cuộc, nhưng thanh tra Kathryn Anderson thú nhận rằng họ không thể tìm ra cậu bé.",
            ["PER|Kathryn Anderson"], "họ không thể", "Kathryn Anderson", "thanh tra Kathryn Anderson", "PER" },
        { "a later shorter span of an unnamed source is its fullest",
            "Trả lời doanh nghiệp, đại diện Vụ Chính sách Thuế, Tổng cục Thuế cho biết doanh nghiệp sẽ được hoàn thuế.\nVề thuế tiêu thụ, đại diện Vụ Chính sách Thuế cho rằng thuế này là thuế gián thu.",
            ["ORG|Vụ Chính sách Thuế", "ORG|Tổng cục Thuế", "ORG|Vụ Chính sách Thuế"], "thuế này", "đại diện Vụ Chính sách Thuế, Tổng cục Thuế",
            "đại diện Vụ Chính sách Thuế", "ORG" },
        { "a relative of a named person is unnamed", "Con gái của bà Liliane Bettencourt cho biết bà đã ra đi thanh thản.",
            ["PER|Liliane Bettencourt"], "bà đã ra đi", "Con gái của bà Liliane Bettencourt", "Con gái của bà Liliane Bettencourt", "PER" },
        { "a speech noun of a person is that person's", "Theo lời của ông Vương Văn Kiệt, nhóm đã mua hai cục heroin.",
            ["PER|Vương Văn Kiệt"], "nhóm đã mua", "Vương Văn Kiệt", "ông Vương Văn Kiệt", "PER" },
        { "a group head with its modifier up to the cue", "Giới chuyên gia phân tích dự báo sẽ có 245 triệu điện thoại được bán ra.",
            [], "sẽ có 245", "Giới chuyên gia phân tích", "Giới chuyên gia phân tích", "OTHER" },
        { "a group head, its modifiers and an adverb before the cue", "Một số chuyên gia phân tích lại cho rằng điều này có thể tốt với hãng.",
            [], "điều này", "Một số chuyên gia phân tích", "Một số chuyên gia phân tích", "OTHER" },
        { "a lower-case body noun is the body speaker named earlier",
            "Cảnh sát Anh ngày 22/9 cho biết nghi can đã bị buộc tội.\nTheo cảnh sát, nghi can bị bắt giữ vào sáng 16/9.",
            [], "nghi can bị bắt", "Cảnh sát Anh", "cảnh sát", "ORG" },
        { "capitalised words opening one person's title", "Giám đốc điều hành (CEO) Facebook Mark Zuckerberg đã xin lỗi.\nCEO Facebook cho biết công ty sẽ hợp tác.",
            ["TITLE|Giám đốc điều hành (CEO) Facebook|t1|e2", "ORG|Facebook|e1|", "PER|Mark Zuckerberg|e2|", "ORG|Facebook|e1|"], "công ty sẽ",
            "Mark Zuckerberg", "CEO Facebook", "PER" },
        { "person glued after a body the document names", "Điện Kremlin lên tiếng.\nNgười phát ngôn Điện Kremlin Dmitry Peskov cho biết Nga không biết ai đăng quảng cáo.",
            ["LOC|Điện Kremlin", "LOC|Điện Kremlin Dmitry Peskov"], "Nga không biết", "Dmitry Peskov", "Người phát ngôn Điện Kremlin Dmitry Peskov", "PER" },
        { "first word of a group's name glued to the person", "Tập đoàn Asahi Group Holdings mua cổ phần.\nCEO hãng bia Asahi Akiyoshi Koji cho biết giá cổ phiếu quá cao.",
            ["ORG|Tập đoàn Asahi Group Holdings", "PER|Asahi Akiyoshi Koji"], "giá cổ phiếu", "Akiyoshi Koji", "CEO hãng bia Asahi Akiyoshi Koji", "PER" },
        { "a two-word name is not widened into another person's", "Bé Ánh Hoàng học đàn từ nhỏ. Em gái Ánh Hoàng Anh thích vẽ.\n- Bé Ánh Hoàng: Em muốn làm nhạc trưởng.",
            ["PER|Bé Ánh Hoàng|e1|", "PER|Ánh Hoàng Anh|e2|", "PER|Bé Ánh Hoàng|e1|"], "Em muốn", "Ánh Hoàng", "Bé Ánh Hoàng", "PER" },
    };

    [Theory]
    [MemberData(nameof(SpeakerSpans))]
    public void Process_WithEntities_GivesSpeakerSpanMentionAndKind(string pattern, string text, string[] entities, string contentStart,
        string speaker, string mention, string kind)
    {
        var quotes = Extractor.Process(Annotate(text, entities)).Quotes;
        var q = quotes.FirstOrDefault(x => x.Content.StartsWith(contentStart, StringComparison.Ordinal));
        Assert.True(q is not null, $"{pattern}: found {string.Join("; ", quotes.Select(x => x.Content))}");
        Assert.True((speaker, mention, kind) == (q.Speaker?.Name, q.Speaker?.Mention, q.Speaker?.Kind),
            $"{pattern}: got '{q.Speaker?.Name}' (mention '{q.Speaker?.Mention}', {q.Speaker?.Kind})");
    }

    /// <summary>A person entity that starts inside a syllable (the entity stage tags <c>HCM</c> in <c>TP.HCM</c>) is read,
    /// not an error for the whole document (seen on 208 VNTC articles before the guard).</summary>
    [Fact]
    public void Process_PersonEntityInsideASyllable_StillFindsTheQuote()
    {
        var doc = Annotate("Ông Lê Văn Tâm ở TP.HCM cho biết nhà máy sẽ được mở rộng.", ["PER|Lê Văn Tâm|e1|", "PER|HCM|e2|"]);
        var q = Assert.Single(Extractor.Process(doc).Quotes);
        Assert.StartsWith("nhà máy", q.Content, StringComparison.Ordinal);
    }
}
