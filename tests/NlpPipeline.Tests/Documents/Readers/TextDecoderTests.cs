using System.Text;
using NlpPipeline.Documents.Readers;

namespace NlpPipeline.Tests.Documents.Readers;

public class TextDecoderTests
{
    private const string Sample = "Thứ trưởng Ngoại giao Nga\nông Oleg Syromolotov.";

    private static byte[] Bytes(Encoding encoding, string text, bool bom) =>
        [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)];

    public static TheoryData<string, byte[]> EncodedCases => new()
    {
        { "UTF-8", Bytes(new UTF8Encoding(false), Sample, bom: false) },
        { "UTF-8 BOM", Bytes(new UTF8Encoding(true), Sample, bom: true) },
        { "UTF-16LE BOM", Bytes(new UnicodeEncoding(false, true), Sample, bom: true) },
        { "UTF-16BE BOM", Bytes(new UnicodeEncoding(true, true), Sample, bom: true) },
        { "UTF-16LE no BOM", Bytes(new UnicodeEncoding(false, false), Sample, bom: false) },
        { "UTF-16BE no BOM", Bytes(new UnicodeEncoding(true, false), Sample, bom: false) },
        { "CRLF", Encoding.UTF8.GetBytes(Sample.Replace("\n", "\r\n", StringComparison.Ordinal)) },
        { "CR", Encoding.UTF8.GetBytes(Sample.Replace("\n", "\r", StringComparison.Ordinal)) },
        { "UTF-16LE CRLF", Bytes(new UnicodeEncoding(false, true), Sample.Replace("\n", "\r\n", StringComparison.Ordinal), bom: true) },
        { "NFD", Encoding.UTF8.GetBytes(Sample.Normalize(NormalizationForm.FormD)) },
    };

    [Theory]
    [MemberData(nameof(EncodedCases))]
    public void Decode_SupportedEncoding_NfcTextWithLineFeeds(string name, byte[] bytes)
    {
        Assert.NotNull(name);
        Assert.Equal(Sample, TextDecoder.Decode(bytes));
    }

    public static TheoryData<string, byte[], string> InvalidCases => new()
    {
        { "invalid UTF-8", [0x61, 0x62, 0xC3, 0x28, 0x61], "invalid UTF-8" },
        { "lone continuation byte", [0x61, 0x80, 0x62, 0x63], "invalid UTF-8" },
        { "binary junk", [0x00, 0x01, 0x02, 0x03, 0x7F, 0x00, 0x05, 0x06, 0x00, 0x10], "binary" },
        { "odd UTF-16", [0xFF, 0xFE, 0x61, 0x00, 0x62], "invalid UTF-16LE" },
        { "unpaired surrogate", [0xFF, 0xFE, 0x00, 0xD8, 0x61, 0x00], "invalid UTF-16LE" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Decode_InvalidBytes_ThrowsWithReason(string name, byte[] bytes, string reason)
    {
        Assert.NotNull(name);
        var ex = Assert.Throws<DocumentReadException>(() => TextDecoder.Decode(bytes));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\r\nb\rc\n\r\n", "a\nb\nc\n\n")]
    [InlineData("\r", "\n")]
    [InlineData("no breaks", "no breaks")]
    [InlineData("", "")]
    public void NormalizeLineEnds_CrAndCrLf_BecomeLf(string input, string expected)
    {
        var chars = input.ToCharArray();
        var length = TextDecoder.NormalizeLineEnds(chars);
        Assert.Equal(expected, new string(chars, 0, length));
    }
}
