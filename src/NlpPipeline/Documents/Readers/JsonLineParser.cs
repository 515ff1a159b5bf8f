using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace NlpPipeline.Documents.Readers;

/// <summary>
/// Parses one JSON Lines input record: <c>{"id": ..., "text": ...}</c> with optional <c>title</c>,
/// <c>date</c>, <c>lead</c>, <c>url</c>, <c>source</c> and <c>topic</c> (the gold topic); other fields are
/// kept verbatim in <see cref="Document.Meta"/>. Throws <see cref="DocumentReadException"/> for a record
/// that is not a JSON object with a non-empty string <c>text</c>.
/// </summary>
public static class JsonLineParser
{
    /// <param name="line">One line of UTF-8 JSON.</param>
    /// <param name="fallbackId">Id used when the record has none (file and line number).</param>
    public static Document Parse(ReadOnlySpan<byte> line, string fallbackId)
    {
        if (!Utf8.IsValid(line))
            throw new DocumentReadException("invalid UTF-8");
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        JsonElement root;
        try
        {
            root = JsonElement.ParseValue(ref reader);
            if (reader.Read())
                throw new DocumentReadException("invalid JSON: more than one value on the line");
        }
        catch (JsonException ex)
        {
            throw new DocumentReadException($"invalid JSON: {ex.Message}", ex);
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new DocumentReadException($"invalid record: a JSON object was expected, not {root.ValueKind}");

        string? id = null, text = null, title = null, date = null, lead = null, url = null, source = null, topic = null;
        var meta = ImmutableDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "id": id = ScalarText(property.Value, "id"); break;
                case "text": text = ScalarText(property.Value, "text"); break;
                case "title": title = ScalarText(property.Value, "title"); break;
                case "date": date = ScalarText(property.Value, "date"); break;
                case "lead": lead = ScalarText(property.Value, "lead"); break;
                case "url": url = ScalarText(property.Value, "url"); break;
                case "source": source = ScalarText(property.Value, "source"); break;
                case "topic": topic = ScalarText(property.Value, "topic"); break;
                default: meta[property.Name] = property.Value; break;
            }
        }
        id ??= fallbackId;
        if (string.IsNullOrWhiteSpace(text))
            throw new DocumentReadException(text is null ? "invalid record: no \"text\" field" : "empty text");
        return new Document(id, TextDecoder.Clean(text))
        {
            Title = Clean(title),
            Date = date,
            Lead = Clean(lead),
            Url = url,
            Source = source,
            GoldTopic = topic,
            Meta = meta.ToImmutable(),
        };
    }

    /// <summary>The id a record gives, or null when the line is not an object with a scalar <c>id</c>; never throws.</summary>
    public static string? TryReadId(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (isId)
                    return reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => NumberText(ref reader),
                        _ => null,
                    };
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static string NumberText(ref Utf8JsonReader reader) =>
        reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : reader.GetDouble().ToString(CultureInfo.InvariantCulture);

    private static string? ScalarText(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Null => null,
        _ => throw new DocumentReadException($"invalid record: \"{field}\" must be a string, not {value.ValueKind}"),
    };

    private static string? Clean(string? text) => text is null ? null : TextDecoder.Clean(text);
}
