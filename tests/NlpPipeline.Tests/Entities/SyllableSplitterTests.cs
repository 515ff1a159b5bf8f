using NlpPipeline.Entities;

namespace NlpPipeline.Tests.Entities;

public class SyllableSplitterTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "Ông Nguyễn Văn An", ["Ông", "Nguyễn", "Văn", "An"] },
        { "TP.HCM, ngày 2/9.", ["TP", ".", "HCM", ",", "ngày", "2", "/", "9", "."] },
        { "Xô-viết “lắc”", ["Xô", "-", "viết", "“", "lắc", "”"] },
        { "a😀b", ["a", "😀", "b"] },
        { "", [] },
        { " \n\t ", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tokenize_Text_SplitsIntoSyllablesAndPunctuation(string text, string[] expected)
    {
        var starts = new int[1];
        var ends = new int[1];

        var n = SyllableSplitter.Tokenize(text, 0, text.Length, ref starts, ref ends);

        Assert.Equal(expected, Enumerable.Range(0, n).Select(i => text[starts[i]..ends[i]]).ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tokenize_Text_CoversEveryNonSpaceCharacterOnce(string text, string[] _)
    {
        var starts = new int[1];
        var ends = new int[1];

        var n = SyllableSplitter.Tokenize(text, 0, text.Length, ref starts, ref ends);

        var rebuilt = string.Concat(Enumerable.Range(0, n).Select(i => text[starts[i]..ends[i]]));
        Assert.Equal(string.Concat(text.Where(c => !char.IsWhiteSpace(c))), rebuilt);
    }
}
