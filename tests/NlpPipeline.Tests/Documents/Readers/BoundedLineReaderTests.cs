using System.Text;
using NlpPipeline.Documents.Readers;

namespace NlpPipeline.Tests.Documents.Readers;

public class BoundedLineReaderTests
{
    public static TheoryData<string, int, int, string[]> LineCases => new()
    {
        { "a\nbb\nccc", 10, 4, ["a", "bb", "ccc"] },
        { "a\r\nbb\r\n", 10, 4, ["a", "bb"] },
        { "\n\nx\n", 10, 4, ["", "", "x"] },
        { "", 10, 4, [] },
        { "short\n" + new string('x', 40) + "\nafter\n", 10, 4, ["short", "<too long>", "after"] },
        { "short\n" + new string('x', 40), 10, 4, ["short", "<too long>"] },
        { "exactly10!\n12345678901\nok", 10, 2, ["exactly10!", "<too long>", "ok"] },
        { string.Join('\n', Enumerable.Range(0, 50).Select(i => new string((char)('a' + i % 26), i))), 100, 3,
          Enumerable.Range(0, 50).Select(i => new string((char)('a' + i % 26), i)).ToArray() },
    };

    [Theory]
    [MemberData(nameof(LineCases))]
    public void ReadLine_Stream_LinesInOrderLongOnesFlagged(string input, int maxLineBytes, int bufferBytes, string[] expected)
    {
        using var reader = new BoundedLineReader(new MemoryStream(Encoding.UTF8.GetBytes(input)), maxLineBytes, bufferBytes);
        var lines = new List<string>();
        while (reader.ReadLine(out var line, out var tooLong))
            lines.Add(tooLong ? "<too long>" : Encoding.UTF8.GetString(line));
        Assert.Equal(expected, lines);
        Assert.Equal(expected.Length, reader.LineNumber);
    }
}
