using System.Text;
using NlpPipeline.Documents;
using NlpPipeline.Text;

namespace NlpPipeline.Tests.Text;

public class UnicodeTextNormalizerTests
{
    public static TheoryData<string, string> TextCases => new()
    {
        { "Hà Nội\nngày 3/11", "Hà Nội\nngày 3/11" },
        { "Hà Nội\r\nngày\r3/11", "Hà Nội\nngày\n3/11" },
        { "Nguyễn".Normalize(NormalizationForm.FormD), "Nguyễn" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(TextCases))]
    public void Process_Text_NfcWithLineFeeds(string text, string expected)
    {
        var doc = new AnnotatedDocument(new Document("d", text) { Title = "t" });
        var result = UnicodeTextNormalizer.Instance.Process(doc);
        Assert.Equal(expected, result.Text);
        Assert.Equal("t", result.Document.Title);
        if (text == expected)
            Assert.Same(doc, result);
    }

    [Fact]
    public void Process_ChangeUnderExistingAnnotations_Throws()
    {
        var doc = new AnnotatedDocument(new Document("d", "a\r\nb")) { Sentences = [new Sentence(0, 1)] };
        Assert.Throws<InvalidOperationException>(() => UnicodeTextNormalizer.Instance.Process(doc));
    }
}
