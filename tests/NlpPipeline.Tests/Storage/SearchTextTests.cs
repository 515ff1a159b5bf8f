using System.Text;
using NlpPipeline.Storage;
using NlpPipeline.Text;

namespace NlpPipeline.Tests.Storage;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Lê Văn Tám", "lê văn tám")]
    [InlineData("  LÊ  Văn\tTám \n", "lê văn tám")]
    [InlineData("WTO", "wto")]
    [InlineData(" ", "")]
    [InlineData("", "")]
    public void NameKey_IntoBuffer_EqualsTheStringKey(string name, string expected)
    {
        var buffer = new char[name.Length];
        var length = SearchText.NameKey(name, buffer);

        Assert.Equal(expected, new string(buffer, 0, length));
        Assert.Equal(SearchText.NameKey(name), new string(buffer, 0, length));
    }

    [Fact]
    public void NameKey_IntoBuffer_DecomposedName_LeftToTheStringKey()
    {
        var decomposed = "Lê Văn Tám".Normalize(NormalizationForm.FormD);

        Assert.Equal(-1, SearchText.NameKey(decomposed, new char[decomposed.Length]));
        Assert.Equal("lê văn tám", SearchText.NameKey(decomposed));
    }

    // Short texts fold on the stack, long ones in a pooled buffer; both equal folding then lower-casing.
    [Theory]
    [InlineData("Đặng Thị NGỌC", "dang thi ngoc")]
    [InlineData("an ninh mang", "an ninh mang")]
    [InlineData("", "")]
    public void Fold_ShortAndLongTexts_FoldsDiacriticsAndLowerCases(string text, string expected)
    {
        Assert.Equal(expected, SearchText.Fold(text));
        var longText = string.Concat(Enumerable.Repeat(text + " Ông ", 100));
        Assert.Equal(VietnameseNormalizer.FoldDiacritics(longText).ToLowerInvariant(), SearchText.Fold(longText));
    }

    [Fact]
    public void Fold_AlreadyFolded_ReturnsTheSameString()
    {
        const string text = "an ninh mang";
        Assert.Same(text, SearchText.Fold(text));
    }
}
