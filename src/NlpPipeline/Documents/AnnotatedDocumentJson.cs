using System.Buffers;
using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NlpPipeline.Documents;

/// <summary>
/// Writes and reads the output records of <c>ANNOTATIONS.md</c>: one JSON object a line, UTF-8,
/// Vietnamese written as is (not <c>\u</c>-escaped). Absent values are left out, except a quote's
/// <c>speaker</c>, written <c>null</c> when unknown. An error record carries the document's fields,
/// its text and <c>error</c>, and no annotations. <see cref="Read(ReadOnlySpan{byte}, long)"/> reads back
/// everything <see cref="Write"/> writes.
/// </summary>
public static class AnnotatedDocumentJson
{
    /// <summary>Writer options of the output: compact, Vietnamese and quotation marks kept as they are.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes one record (without a line break).</summary>
    public static void Write(Utf8JsonWriter writer, AnnotatedDocument document, bool includeTokens)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        var doc = document.Document;
        var text = doc.Text;
        writer.WriteStartObject();
        writer.WriteString("id", doc.Id);
        WriteOptional(writer, "date", doc.Date);
        WriteOptional(writer, "title", doc.Title);
        WriteOptional(writer, "lead", doc.Lead);
        WriteOptional(writer, "url", doc.Url);
        WriteOptional(writer, "source", doc.Source);
        WriteOptional(writer, "gold_topic", doc.GoldTopic);
        if (!doc.Meta.IsEmpty)
        {
            writer.WriteStartObject("meta");
            foreach (var (key, value) in doc.Meta.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(key);
                value.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        writer.WriteString("text", text);
        if (document.Error is { } error)
        {
            writer.WriteString("error", error);
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartArray("sentences");
        foreach (var s in document.Sentences)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", s.Start);
            writer.WriteNumber("end", s.End);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        if (includeTokens)
        {
            writer.WriteStartArray("tokens");
            foreach (var t in document.Tokens)
            {
                writer.WriteStartObject();
                writer.WriteNumber("start", t.Start);
                writer.WriteNumber("end", t.End);
                writer.WriteString("text", text.AsSpan(t.Start, t.End - t.Start));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }

        writer.WriteStartArray("entities");
        foreach (var e in document.Entities)
            WriteEntity(writer, e);
        writer.WriteEndArray();

        writer.WriteStartArray("quotes");
        foreach (var q in document.Quotes)
            WriteQuote(writer, q);
        writer.WriteEndArray();

        if (document.Topic is { } topic)
            WriteTopic(writer, topic);
        writer.WriteEndObject();
    }

    /// <summary>One record as a UTF-8 line ending in <c>\n</c>.</summary>
    public static byte[] ToUtf8Line(AnnotatedDocument document, bool includeTokens)
    {
        ArgumentNullException.ThrowIfNull(document);
        var buffer = new ArrayBufferWriter<byte>(256 + document.Text.Length * 2);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            Write(writer, document, includeTokens);
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a record written by <see cref="Write"/>; throws <see cref="JsonException"/> for malformed input.</summary>
    public static AnnotatedDocument Read(ReadOnlySpan<byte> utf8Json, long sequence = 0)
    {
        var reader = new Utf8JsonReader(utf8Json);
        var root = JsonElement.ParseValue(ref reader);
        return Read(root, sequence);
    }

    /// <inheritdoc cref="Read(ReadOnlySpan{byte}, long)"/>
    public static AnnotatedDocument Read(string json, long sequence = 0)
    {
        ArgumentNullException.ThrowIfNull(json);
        // Every value is copied into the returned record, so the pooled document can be disposed without a Clone.
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement, sequence);
    }

    private static AnnotatedDocument Read(JsonElement root, long sequence)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new JsonException("An annotation record must be a JSON object.");
        var document = new Document(RequiredString(root, "id"), OptionalString(root, "text") ?? string.Empty)
        {
            Date = OptionalString(root, "date"),
            Title = OptionalString(root, "title"),
            Lead = OptionalString(root, "lead"),
            Url = OptionalString(root, "url"),
            Source = OptionalString(root, "source"),
            GoldTopic = OptionalString(root, "gold_topic"),
            Meta = root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                ? meta.EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
                : ImmutableDictionary<string, JsonElement>.Empty,
        };
        return new AnnotatedDocument(document)
        {
            Sequence = sequence,
            Error = OptionalString(root, "error"),
            Sentences = ReadArray(root, "sentences", e => new Sentence(e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32())),
            Tokens = ReadArray(root, "tokens", e => new Token(e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32())),
            Entities = ReadArray(root, "entities", ReadEntity),
            Quotes = ReadArray(root, "quotes", ReadQuote),
            Topic = root.TryGetProperty("topic", out var topic) && topic.ValueKind == JsonValueKind.Object ? ReadTopic(topic) : null,
        };
    }

    private static void WriteEntity(Utf8JsonWriter writer, Entity e)
    {
        writer.WriteStartObject();
        writer.WriteString("type", e.Type);
        writer.WriteNumber("start", e.Start);
        writer.WriteNumber("end", e.End);
        writer.WriteString("text", e.Text);
        WriteOptional(writer, "ref", e.Ref);
        WriteOptional(writer, "person", e.PersonRef);
        if (e.Confidence is { } confidence)
            writer.WriteNumber("confidence", Math.Round(confidence, 4));
        writer.WriteEndObject();
    }

    private static Entity ReadEntity(JsonElement e) =>
        new(RequiredString(e, "type"), e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32(), RequiredString(e, "text"))
        {
            Ref = OptionalString(e, "ref"),
            PersonRef = OptionalString(e, "person"),
            Confidence = OptionalDouble(e, "confidence"),
        };

    private static void WriteQuote(Utf8JsonWriter writer, Quote q)
    {
        writer.WriteStartObject();
        writer.WriteString("type", q.Type);
        if (q.Cue is null)
            writer.WriteNull("cue");
        else
            writer.WriteString("cue", q.Cue);
        WriteOptionalNumber(writer, "cue_start", q.CueStart);
        WriteOptionalNumber(writer, "cue_end", q.CueEnd);
        writer.WriteString("content", q.Content);
        writer.WriteNumber("start", q.Start);
        writer.WriteNumber("end", q.End);
        if (q.Speaker is { } s)
        {
            writer.WriteStartObject("speaker");
            writer.WriteString("name", s.Name);
            writer.WriteString("mention", s.Mention);
            writer.WriteString("kind", s.Kind);
            WriteOptional(writer, "ref", s.Ref);
            WriteOptional(writer, "title", s.Title);
            WriteOptionalNumber(writer, "mention_start", s.MentionStart);
            WriteOptionalNumber(writer, "mention_end", s.MentionEnd);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("speaker");
        }
        writer.WriteNumber("confidence", Math.Round(q.Confidence, 4));
        writer.WriteEndObject();
    }

    private static Quote ReadQuote(JsonElement q) =>
        new(RequiredString(q, "type"), q.GetProperty("start").GetInt32(), q.GetProperty("end").GetInt32(), RequiredString(q, "content"))
        {
            Cue = OptionalString(q, "cue"),
            CueStart = OptionalInt(q, "cue_start"),
            CueEnd = OptionalInt(q, "cue_end"),
            Confidence = OptionalDouble(q, "confidence") ?? 0,
            Speaker = q.TryGetProperty("speaker", out var s) && s.ValueKind == JsonValueKind.Object
                ? new Speaker(RequiredString(s, "name"), RequiredString(s, "mention"), RequiredString(s, "kind"))
                {
                    Ref = OptionalString(s, "ref"),
                    Title = OptionalString(s, "title"),
                    MentionStart = OptionalInt(s, "mention_start"),
                    MentionEnd = OptionalInt(s, "mention_end"),
                }
                : null,
        };

    private static void WriteTopic(Utf8JsonWriter writer, TopicAssignment topic)
    {
        writer.WriteStartObject("topic");
        writer.WriteString("label", topic.Label);
        writer.WriteNumber("score", Math.Round(topic.Score, 4));
        WriteOptional(writer, "name", topic.Name);
        writer.WriteStartArray("alternatives");
        foreach (var alternative in topic.Alternatives)
        {
            writer.WriteStartObject();
            writer.WriteString("label", alternative.Label);
            writer.WriteNumber("score", Math.Round(alternative.Score, 4));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("subtopics");
        foreach (var subtopic in topic.Subtopics)
            writer.WriteStringValue(subtopic);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static TopicAssignment ReadTopic(JsonElement t) =>
        new(RequiredString(t, "label"), OptionalDouble(t, "score") ?? 0)
        {
            Name = OptionalString(t, "name"),
            Alternatives = ReadArray(t, "alternatives", a => new TopicScore(RequiredString(a, "label"), OptionalDouble(a, "score") ?? 0)),
            Subtopics = ReadArray(t, "subtopics", s => s.GetString() ?? string.Empty),
        };

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }

    private static void WriteOptionalNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
    }

    private static ImmutableArray<T> ReadArray<T>(JsonElement parent, string name, Func<JsonElement, T> read)
    {
        if (!parent.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
            return [];
        var builder = ImmutableArray.CreateBuilder<T>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
            builder.Add(read(item));
        return builder.MoveToImmutable();
    }

    private static string RequiredString(JsonElement e, string name) =>
        OptionalString(e, name) ?? throw new JsonException($"\"{name}\" is missing.");

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? OptionalInt(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static double? OptionalDouble(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
