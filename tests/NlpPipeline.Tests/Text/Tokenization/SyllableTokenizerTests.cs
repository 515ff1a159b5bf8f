using NlpPipeline.Text.Tokenization;

namespace NlpPipeline.Tests.Text.Tokenization;

public class SyllableTokenizerTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "Liên hợp quốc", ["Liên", "hợp", "quốc"] },
        { "Ngày 3/11, Ủy ban", ["Ngày", "3/11", ",", "Ủy", "ban"] },
        { "tăng 21.9% lên 1.000.000 đồng", ["tăng", "21.9%", "lên", "1.000.000", "đồng"] },
        { "lãi suất 2,5 và 7,1%.", ["lãi", "suất", "2,5", "và", "7,1%", "."] },
        { "lúc 10:30 ngày 30-4-1975", ["lúc", "10:30", "ngày", "30-4-1975"] },
        { "TP.HCM và TP. Hà Nội", ["TP.HCM", "và", "TP.", "Hà", "Nội"] },
        { "đội U23 chống COVID-19", ["đội", "U23", "chống", "COVID-19"] },
        { "quan hệ Nga-Mỹ", ["quan", "hệ", "Nga-Mỹ"] },
        { "ông H. nói", ["ông", "H.", "nói"] },
        { "gặp ông H.", ["gặp", "ông", "H", "."] },
        { "Xem https://vnexpress.net/a-b.html, hoặc www.vtv.vn.", ["Xem", "https://vnexpress.net/a-b.html", ",", "hoặc", "www.vtv.vn", "."] },
        { "Gửi thư tới toa.soan@nhandan.vn.", ["Gửi", "thư", "tới", "toa.soan@nhandan.vn", "."] },
        { "#AnNinhMạng và @vnexpress", ["#AnNinhMạng", "và", "@vnexpress"] },
        { "Ông nói: \"Được!\"", ["Ông", "nói", ":", "\"", "Được", "!", "\""] },
        { "Chờ đã...", ["Chờ", "đã", "..."] },
        { "H’Bông và Levi's", ["H’Bông", "và", "Levi's"] },
        { "vui 😀👍🏽 quá", ["vui", "😀", "👍🏽", "quá"] },
        { "gia đình 👨‍👩‍👧 Việt Nam 🇻🇳", ["gia", "đình", "👨‍👩‍👧", "Việt", "Nam", "🇻🇳"] },
        { "an\u00A0ninh\u200Bmạng", ["an", "ninh", "mạng"] },
        { "\uFEFFxin chào", ["xin", "chào"] },
        { "(Nguồn: iStock)", ["(", "Nguồn", ":", "iStock", ")"] },
        { "", [] },
        { " \t\n\u00A0\u200B", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tokenize_HardCases_KeepsUnitsWhole(string text, string[] expected)
    {
        var tokens = SyllableTokenizer.Tokenize(text);
        Assert.Equal(expected, tokens.Select(t => text[t.Start..t.End]).ToArray());
    }

    public static TheoryData<string, SyllableKind[]> Kinds => new()
    {
        { "1.000 người, xem www.a.vn #tin", [SyllableKind.Number, SyllableKind.Word, SyllableKind.Punctuation, SyllableKind.Word, SyllableKind.Url, SyllableKind.Tag] },
        { "a@b.vn 😀", [SyllableKind.Email, SyllableKind.Symbol] },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Tokenize_MixedText_AssignsKinds(string text, SyllableKind[] expected) =>
        Assert.Equal(expected, SyllableTokenizer.Tokenize(text).Select(t => t.Kind).ToArray());

    [Fact]
    public void Tokenize_WithBaseOffset_ShiftsOffsets()
    {
        var list = new List<SyllableToken>();
        SyllableTokenizer.Tokenize("xin chào", 10, list);
        Assert.Equal([new SyllableToken(10, 13, SyllableKind.Word), new SyllableToken(14, 18, SyllableKind.Word)], list);
    }
}
