using Microsoft.ML.Tokenizers;
using NlpPipeline.Text.Tokenization;

namespace NlpPipeline.Tests.Text.Tokenization;

public class VietnameseWordTokenizerTests
{
    private static readonly VietnameseWordTokenizer Tokenizer = new();

    [Fact]
    public void EncodeToTokens_Sentence_GivesWordsWithOffsetsIntoOriginal()
    {
        const string text = "  Chính phủ Việt Nam, ông Eberhardt.";
        var tokens = Tokenizer.EncodeToTokens(text, out var normalized);
        Assert.Null(normalized);
        Assert.Equal(["Chính phủ", "Việt Nam", ",", "ông", "Eberhardt", "."], tokens.Select(t => t.Value).ToArray());
        Assert.All(tokens, t => Assert.Equal(t.Value, text[t.Offset]));
        Assert.Equal(new Range(2, 11), tokens[0].Offset);
    }

    [Fact]
    public void EncodeToIds_KnownAndUnknownWords_UsesVocabularyIdsAndUnknownId()
    {
        var ids = Tokenizer.EncodeToIds("chính phủ Xzyqwv");
        Assert.Equal(2, ids.Count);
        Assert.NotEqual(VietnameseWordTokenizer.UnknownId, ids[0]);
        Assert.Equal("chính phủ", Tokenizer.MapIdToWord(ids[0]));
        Assert.Equal(VietnameseWordTokenizer.UnknownId, ids[1]);
        Assert.Equal("chính phủ [UNK]", Tokenizer.Decode(ids));
    }

    [Fact]
    public void EncodeToIds_SameWordDifferentCaseOrTonePlacement_SameId()
    {
        var a = Tokenizer.EncodeToIds("hòa bình");
        var b = Tokenizer.EncodeToIds("HOÀ BÌNH");
        Assert.Single(a);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("Chính phủ Việt Nam họp.", 4)]
    public void CountTokens_Text_EqualsEncodedTokenCount(string text, int expected)
    {
        Assert.Equal(expected, Tokenizer.CountTokens(text));
        Assert.Equal(expected, Tokenizer.EncodeToTokens(text, out _).Count);
    }

    [Fact]
    public void EncodeToIds_MaxTokenCount_StopsAtWordBoundary()
    {
        const string text = "Chính phủ Việt Nam họp.";
        var ids = Tokenizer.EncodeToIds(text, 2, out _, out var consumed);
        Assert.Equal(2, ids.Count);
        Assert.Equal(text.IndexOf("họp", StringComparison.Ordinal), consumed);
        Assert.Equal(text.IndexOf("Việt Nam", StringComparison.Ordinal) + "Việt Nam".Length, Tokenizer.GetIndexByTokenCount(text, 2, out _, out var count));
        Assert.Equal(2, count);
    }

    [Fact]
    public void Decode_SmallDestination_ReportsDestinationTooSmall()
    {
        var ids = Tokenizer.EncodeToIds("chính phủ");
        var status = Tokenizer.Decode(ids, new char[3], out var consumed, out var written);
        Assert.Equal(System.Buffers.OperationStatus.DestinationTooSmall, status);
        Assert.Equal(0, consumed);
        Assert.Equal(0, written);
    }
}
