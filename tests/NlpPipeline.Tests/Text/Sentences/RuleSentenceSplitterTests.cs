using NlpPipeline.Documents;
using NlpPipeline.Text.Sentences;

namespace NlpPipeline.Tests.Text.Sentences;

public class RuleSentenceSplitterTests
{
    private static string[] Split(string text) =>
        [.. RuleSentenceSplitter.Default.Split(text).Select(s => text[s.Start..s.End])];

    public static TheoryData<string, string[]> SplitCases => new()
    {
        { "Hà Nội mưa. Sài Gòn nắng.", ["Hà Nội mưa.", "Sài Gòn nắng."] },
        { "Thật sao? Đúng vậy! Tốt.", ["Thật sao?", "Đúng vậy!", "Tốt."] },
        // abbreviations
        { "Ông đến TP. Hồ Chí Minh hôm qua. Rồi về.", ["Ông đến TP. Hồ Chí Minh hôm qua.", "Rồi về."] },
        { "Tp. Huế đẹp. Tôi thích.", ["Tp. Huế đẹp.", "Tôi thích."] },
        { "PGS.TS. Nguyễn Văn A phát biểu. ThS. Lê B đồng ý.", ["PGS.TS. Nguyễn Văn A phát biểu.", "ThS. Lê B đồng ý."] },
        { "Sách, vở, bút v.v. Tôi mua hết.", ["Sách, vở, bút v.v.", "Tôi mua hết."] },
        { "Sách, vở v.v. được bán.", ["Sách, vở v.v. được bán."] },
        { "Quân đội U.S. Army đến. Họ ở lại.", ["Quân đội U.S.", "Army đến.", "Họ ở lại."] },
        { "Tổng thống George W. Bush nói. Sau đó đi.", ["Tổng thống George W. Bush nói.", "Sau đó đi."] },
        { "Cố vấn H.R. McMaster nói. J.F.K. Lee đáp.", ["Cố vấn H.R. McMaster nói.", "J.F.K. Lee đáp."] },
        // numbers and dates
        { "Ngày 3/11, giá tăng 2,5% lên 1.000.000 đồng. Năm 2021.", ["Ngày 3/11, giá tăng 2,5% lên 1.000.000 đồng.", "Năm 2021."] },
        { "Tỷ lệ 3.5 lần. Tăng 10.", ["Tỷ lệ 3.5 lần.", "Tăng 10."] },
        { "Giá 50.000 đ. Ông mua.", ["Giá 50.000 đ.", "Ông mua."] },
        // ellipses
        { "Ông ấy ngập ngừng... rồi nói tiếp. Xong.", ["Ông ấy ngập ngừng... rồi nói tiếp.", "Xong."] },
        { "Chờ đợi… Cuối cùng cũng đến.", ["Chờ đợi…", "Cuối cùng cũng đến."] },
        // quotations spanning full stops
        { "Ông nói: “Tôi đồng ý. Chúng ta bắt đầu.” Mọi người vỗ tay.", ["Ông nói: “Tôi đồng ý. Chúng ta bắt đầu.”", "Mọi người vỗ tay."] },
        { "“Tôi đồng ý. Chúng ta bắt đầu”, ông nói. Sau đó về.", ["“Tôi đồng ý. Chúng ta bắt đầu”, ông nói.", "Sau đó về."] },
        { "“Sao vậy?” ông hỏi. Không ai đáp.", ["“Sao vậy?” ông hỏi.", "Không ai đáp."] },
        { "Bà nói \"Được. Làm đi.\" Rồi bà về.", ["Bà nói \"Được. Làm đi.\"", "Rồi bà về."] },
        { "Kết quả tốt (xem bảng 1. Chi tiết ở dưới). Hết.", ["Kết quả tốt (xem bảng 1. Chi tiết ở dưới).", "Hết."] },
        { "Ông nói “tôi đồng ý”. Bà im lặng.", ["Ông nói “tôi đồng ý”.", "Bà im lặng."] },
        // headings, paragraphs, line breaks
        { "Tiêu đề bài báo\n\nĐoạn một. Câu hai.\n\nĐoạn hai.", ["Tiêu đề bài báo", "Đoạn một.", "Câu hai.", "Đoạn hai."] },
        { "1. Giới thiệu\nNội dung chính.", ["1. Giới thiệu", "Nội dung chính."] },
        { "Câu này bị ngắt\ndòng giữa chừng. Xong.", ["Câu này bị ngắt\ndòng giữa chừng.", "Xong."] },
        { "Dòng một\nDòng hai", ["Dòng một", "Dòng hai"] },
        { "Mở ngoặc “không đóng. Vẫn trong.\nDòng mới. Câu khác.", ["Mở ngoặc “không đóng. Vẫn trong.", "Dòng mới.", "Câu khác."] },
        { "- Chào anh.\n- Chào em.", ["- Chào anh.", "- Chào em."] },
        // news endings
        { "…an ninh mạng quốc tế./.\n\n(TTXVN/Vietnam+)", ["…an ninh mạng quốc tế./.", "(TTXVN/Vietnam+)"] },
        { "Ảnh minh họa. (Nguồn: iStock)", ["Ảnh minh họa.", "(Nguồn: iStock)"] },
        { "Xem tại vnexpress.net. Hết.", ["Xem tại vnexpress.net.", "Hết."] },
        // no space after the stop (text scraped from the web)
        { "tổng số tiền 33 tỉ đồng.Cùng thời gian này, xong.", ["tổng số tiền 33 tỉ đồng.", "Cùng thời gian này, xong."] },
        { "Ông nói “được”.Sau đó về.", ["Ông nói “được”.", "Sau đó về."] },
        { "Đến Tp.Hồ Chí Minh và TP.HCM hôm qua.", ["Đến Tp.Hồ Chí Minh và TP.HCM hôm qua."] },
        { "Bệnh HIV/AIDS.Dự án mới.", ["Bệnh HIV/AIDS.Dự án mới."] },
        // edge cases
        { "", [] },
        { "   \n\n  ", [] },
        { "Không có dấu chấm", ["Không có dấu chấm"] },
        { "  Có khoảng trắng.  ", ["Có khoảng trắng."] },
        { "?!", ["?!"] },
    };

    [Theory]
    [MemberData(nameof(SplitCases))]
    public void Split_Text_ExpectedSentences(string text, string[] expected) => Assert.Equal(expected, Split(text));

    [Fact]
    public void Split_SeedArticle_SentencesTrimmedInOrderWithinText()
    {
        var text = File.ReadAllText(RepositoryFiles.SeedArticle).ReplaceLineEndings("\n");
        var sentences = RuleSentenceSplitter.Default.Split(text);
        Assert.Equal(15, sentences.Length);
        var previousEnd = 0;
        foreach (var s in sentences)
        {
            Assert.True(s.Start >= previousEnd && s.End > s.Start && s.End <= text.Length);
            Assert.False(char.IsWhiteSpace(text[s.Start]) || char.IsWhiteSpace(text[s.End - 1]));
            Assert.DoesNotContain("\n\n", text[s.Start..s.End], StringComparison.Ordinal);
            previousEnd = s.End;
        }
        Assert.Contains(sentences, s => text[s.Start..s.End] == "Ảnh minh họa.");
    }

    [Fact]
    public void Split_VeryLongSentence_CutAtSpaceUnderMaximum()
    {
        var text = string.Join(' ', Enumerable.Repeat("chữ", 5000));
        var sentences = new RuleSentenceSplitter(maxSentenceLength: 1000).Split(text);
        Assert.True(sentences.Length > 10);
        Assert.All(sentences, s => Assert.InRange(s.End - s.Start, 1, 1000));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(sentences.Select(s => text[s.Start..s.End].Replace(" ", "", StringComparison.Ordinal))));
    }

    [Fact]
    public void Process_Document_SetsSentences()
    {
        var doc = new AnnotatedDocument(new Document("d", "Một. Hai."));
        var result = RuleSentenceSplitter.Default.Process(doc);
        Assert.Equal([new Sentence(0, 4), new Sentence(5, 9)], result.Sentences.AsEnumerable());
        Assert.Equal("sentences", RuleSentenceSplitter.Default.Name);
    }
}
