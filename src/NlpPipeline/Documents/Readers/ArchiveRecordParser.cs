using System.Text.RegularExpressions;

namespace NlpPipeline.Documents.Readers;

/// <summary>
/// Recognises the archive record layout of <c>data/samples/seed-article.txt</c>: a first line
/// <c>date YYYY-MM lead...</c>, a line <c>{title}</c>, the title line, then the body. The document text is
/// the file from the title line to the end (title, blank line, body), so every offset covers title and
/// body as written; date and lead are kept as fields (the lead usually repeats the first paragraph).
/// </summary>
public static partial class ArchiveRecordParser
{
    private const string TitleMarker = "{title}";

    /// <summary>A document in the archive layout, or a plain-text document when the layout does not match.</summary>
    public static Document CreateDocument(string id, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(id, text, out var document) ? document : new Document(id, text);
    }

    /// <summary>True when <paramref name="text"/> is in the archive layout; never throws on other text.</summary>
    public static bool TryParse(string id, string text, out Document document)
    {
        ArgumentNullException.ThrowIfNull(text);
        document = null!;
        var lineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = (lineEnd < 0 ? text : text[..lineEnd]).Trim();
        var header = HeaderPattern().Match(firstLine);
        if (!header.Success || lineEnd < 0)
            return false;

        var position = lineEnd + 1;
        if (!TryNextNonBlankLine(text, ref position, out var markerStart, out var markerEnd)
            || !text.AsSpan(markerStart, markerEnd - markerStart).Trim().SequenceEqual(TitleMarker))
            return false;
        position = markerEnd;
        if (!TryNextNonBlankLine(text, ref position, out var titleStart, out var titleEnd))
            return false;

        var contentEnd = text.AsSpan().TrimEnd().Length;
        var lead = header.Groups["lead"].Value.Trim();
        document = new Document(id, text[titleStart..contentEnd])
        {
            Date = header.Groups["date"].Value,
            Title = text[titleStart..titleEnd].Trim(),
            Lead = lead.Length > 0 ? lead : null,
        };
        return true;
    }

    // Moves to the next line holding non-blank text; start/end delimit it without its line feed, and
    // position is left after it.
    private static bool TryNextNonBlankLine(string text, ref int position, out int start, out int end)
    {
        while (position < text.Length)
        {
            start = position;
            var newline = text.IndexOf('\n', position);
            end = newline < 0 ? text.Length : newline;
            position = newline < 0 ? text.Length : newline + 1;
            if (!text.AsSpan(start, end - start).IsWhiteSpace())
            {
                var leading = text.AsSpan(start, end - start).Length - text.AsSpan(start, end - start).TrimStart().Length;
                start += leading;
                return true;
            }
        }
        start = end = position;
        return false;
    }

    [GeneratedRegex(@"^date\s+(?<date>\d{4}-\d{2}(?:-\d{2})?)(?:\s+(?<lead>.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex HeaderPattern();
}
