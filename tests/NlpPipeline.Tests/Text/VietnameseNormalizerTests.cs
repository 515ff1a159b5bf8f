using System.Text;
using NlpPipeline.Text;

namespace NlpPipeline.Tests.Text;

public class VietnameseNormalizerTests
{
    public static TheoryData<string, string> NormalizeCases => new()
    {
        { "hoà", "hòa" },
        { "Hoà Bình", "hòa bình" },
        { "thuỷ", "thủy" },
        { "THUỶ ĐIỆN", "thủy điện" },
        { "khoẻ", "khỏe" },
        { "oé", "óe" },
        { "xoá", "xóa" },
        { "tuỳ", "tùy" },
        { "nguỵ", "ngụy" },
        { "uỷ ban", "ủy ban" },
        { "hòa", "hòa" },                     // already old style
        { "hoàn", "hoàn" },                   // cluster followed by a final consonant: one placement only
        { "hoạch", "hoạch" },
        { "quý", "quý" },                     // qu is a consonant
        { "quỳ", "quỳ" },
        { "quà", "quà" },
        { "Huế", "huế" },                     // marked vowel carries the tone in both styles
        { "thuở", "thuở" },
        { "khuya", "khuya" },
        { "ngoèo", "ngoèo" },                 // oeo: cluster does not end at e
        { "không gian mang", "không gian mang" }, // typos left alone
        { "Liên Hợp Quốc", "liên hợp quốc" },
        { "", "" },
        { "3/11, 2,5%", "3/11, 2,5%" },
        { "hoà.Thuỷ", "hòa.thủy" },
    };

    [Theory]
    [MemberData(nameof(NormalizeCases))]
    public void Normalize_VietnameseText_LowerCaseOldStyleTones(string input, string expected) =>
        Assert.Equal(expected, VietnameseNormalizer.Normalize(input));

    [Fact]
    public void Normalize_DecomposedInput_ComposedFirst()
    {
        var decomposed = "Hoà".Normalize(NormalizationForm.FormD);
        Assert.Equal("hòa", VietnameseNormalizer.Normalize(decomposed));
    }

    public static TheoryData<string> LengthCases => new()
    {
        "Thứ trưởng Ngoại giao Nga Oleg Syromolotov đánh giá rằng hoà bình, thuỷ lợi.",
        "ĐẠI HỘI ĐỒNG LIÊN HỢP QUỐC",
        "naïve café 😀 İstanbul",
        "",
    };

    [Theory]
    [MemberData(nameof(LengthCases))]
    public void Normalize_NfcInput_KeepsLengthSoOffsetsCarryOver(string input)
    {
        var view = VietnameseNormalizer.Normalize(input);
        Assert.Equal(input.Length, view.Length);
        for (var i = 0; i < input.Length; i++)
            Assert.Equal(char.IsWhiteSpace(input[i]), char.IsWhiteSpace(view[i]));
    }

    [Fact]
    public void Normalize_SpanDestinationTooShort_Throws() =>
        Assert.Throws<ArgumentException>(() => VietnameseNormalizer.Normalize("hoà", new char[2]));

    [Fact]
    public void Normalize_SpanOverload_MatchesStringOverload()
    {
        const string text = "Ông Nguyễn Văn Thuỷ xoá bỏ";
        var destination = new char[text.Length];
        VietnameseNormalizer.Normalize(text, destination);
        Assert.Equal(VietnameseNormalizer.Normalize(text), new string(destination));
    }

    public static TheoryData<string, string> FoldCases => new()
    {
        { "Đại hội đồng Liên hợp quốc", "Dai hoi dong Lien hop quoc" },
        { "thuỷ điện Hoà Bình", "thuy dien Hoa Binh" },
        { "ƯỚC Ơ Ă Â Ê Ô", "UOC O A A E O" },
        { "ăắằẳẵặâấầẩẫậ", "aaaaaaaaaaaa" },
        { "ỳýỷỹỵ", "yyyyy" },
        { "abc 123 !?", "abc 123 !?" },
        { "", "" },
        { "naïve", "naive" },
    };

    [Theory]
    [MemberData(nameof(FoldCases))]
    public void FoldDiacritics_Text_RemovesEveryMark(string input, string expected) =>
        Assert.Equal(expected, VietnameseNormalizer.FoldDiacritics(input));

    [Fact]
    public void FoldDiacritics_DecomposedInput_DropsCombiningMarks()
    {
        var decomposed = "Nguyễn".Normalize(NormalizationForm.FormD);
        Assert.Equal("Nguyen", VietnameseNormalizer.FoldDiacritics(decomposed));
    }

    [Fact]
    public void FoldDiacritics_LongText_SameAsShortPath()
    {
        var text = string.Concat(Enumerable.Repeat("Đường Hồ Chí Minh ", 40));
        Assert.Equal(string.Concat(Enumerable.Repeat("Duong Ho Chi Minh ", 40)), VietnameseNormalizer.FoldDiacritics(text));
    }

    [Theory]
    [InlineData('ộ', 'o', true)]
    [InlineData('Đ', 'D', true)]
    [InlineData('a', 'a', false)]
    [InlineData('-', '-', false)]
    public void FoldDiacritics_Char_FoldsAndReports(char c, char expected, bool hasDiacritic)
    {
        Assert.Equal(expected, VietnameseNormalizer.FoldDiacritics(c));
        Assert.Equal(hasDiacritic, VietnameseNormalizer.HasDiacritic(c));
    }
}
