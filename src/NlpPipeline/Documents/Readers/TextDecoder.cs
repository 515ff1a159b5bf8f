using System.Buffers;
using System.Text;

namespace NlpPipeline.Documents.Readers;

/// <summary>
/// Turns a document's bytes into document text: the encoding is detected (UTF-8 with or without BOM,
/// UTF-16 LE/BE with BOM, BOM-less UTF-16 by its NUL pattern), decoding is strict, CRLF and CR become
/// LF and the result is NFC. Throws <see cref="DocumentReadException"/> for invalid or binary input.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Detects the encoding of <paramref name="bytes"/>; <paramref name="preambleLength"/> is the BOM length to skip.</summary>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> bytes, out int preambleLength)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            preambleLength = 3;
            return StrictUtf8;
        }
        if (bytes is [0xFF, 0xFE, ..])
        {
            preambleLength = 2;
            return StrictUtf16Le;
        }
        if (bytes is [0xFE, 0xFF, ..])
        {
            preambleLength = 2;
            return StrictUtf16Be;
        }
        preambleLength = 0;
        return LooksLikeUtf16(bytes, out var bigEndian) ? bigEndian ? StrictUtf16Be : StrictUtf16Le : StrictUtf8;
    }

    /// <summary>Decodes a whole document; never returns text containing CR or NUL.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var encoding = DetectEncoding(bytes, out var preamble);
        bytes = bytes[preamble..];
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(bytes.Length)));
        try
        {
            int length;
            try
            {
                length = encoding.GetChars(bytes, buffer);
            }
            catch (DecoderFallbackException ex)
            {
                throw new DocumentReadException($"invalid {Describe(encoding)} near byte {preamble + Math.Max(0, ex.Index)}", ex);
            }
            var span = buffer.AsSpan(0, length);
            if (span.Length > 0 && span[0] == '\uFEFF')
                span = span[1..]; // a second BOM, or a BOM after decoding BOM-less UTF-16
            length = NormalizeLineEnds(span);
            span = span[..length];
            if (IsBinary(span))
                throw new DocumentReadException("binary content, not text");
            return ToNfc(new string(span));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Document text from text that is already decoded (a JSON string): LF line ends, NFC.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            var chars = text.ToCharArray();
            text = new string(chars, 0, NormalizeLineEnds(chars));
        }
        return ToNfc(text);
    }

    private static string ToNfc(string text) =>
        text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>Rewrites CRLF and lone CR as LF in place; returns the new length.</summary>
    internal static int NormalizeLineEnds(Span<char> text)
    {
        var first = text.IndexOf('\r');
        if (first < 0)
            return text.Length;
        var write = first;
        for (var read = first; read < text.Length; read++)
        {
            var c = text[read];
            if (c == '\r')
            {
                text[write++] = '\n';
                if (read + 1 < text.Length && text[read + 1] == '\n')
                    read++;
            }
            else
            {
                text[write++] = c;
            }
        }
        return write;
    }

    // Text has no NUL and few other control characters (tabs, line and form feeds aside).
    private static bool IsBinary(ReadOnlySpan<char> text)
    {
        if (text.Contains('\0'))
            return true;
        var controls = 0;
        foreach (var c in text)
        {
            if (c < ' ' && c is not ('\n' or '\t' or '\f' or '\v'))
                controls++;
        }
        return controls > 0 && controls * 100 > text.Length;
    }

    // BOM-less UTF-16: in a sample, most bytes at one parity are NUL and almost none at the other.
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = bytes[..(Math.Min(bytes.Length, 4096) & ~1)];
        if (sample.Length < 4)
            return false;
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            if (sample[i] == 0)
                evenZeros++;
            if (sample[i + 1] == 0)
                oddZeros++;
        }
        var pairs = sample.Length / 2;
        if (oddZeros * 10 >= pairs * 3 && evenZeros * 20 < pairs)
            return true;
        if (evenZeros * 10 >= pairs * 3 && oddZeros * 20 < pairs)
        {
            bigEndian = true;
            return true;
        }
        return false;
    }

    private static string Describe(Encoding encoding) =>
        encoding is UTF8Encoding ? "UTF-8" : encoding == StrictUtf16Be ? "UTF-16BE" : "UTF-16LE";
}
