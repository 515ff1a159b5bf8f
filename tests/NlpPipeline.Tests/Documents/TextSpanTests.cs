using NlpPipeline.Documents;

namespace NlpPipeline.Tests.Documents;

public class TextSpanTests
{
    [Theory]
    [InlineData("Liên hợp quốc họp", 0, 13, "Liên hợp quốc")]
    [InlineData("abc", 1, 1, "")]
    public void Slice_RangeInText_ReturnsSubstring(string text, int start, int end, string expected) =>
        Assert.Equal(expected, new TextSpan(start, end).Slice(text));
}
