using System.Collections.Immutable;
using System.Runtime.Intrinsics;
using System.Text.Json;
using NlpPipeline.Documents;

namespace NlpPipeline.Storage;

/// <summary>
/// Reads an annotation record (<see cref="AnnotatedDocumentJson"/>) for the store in one forward pass, keeping
/// only what the store writes: the document's fields, entities (without their confidence), quotes, topic and error. The text is measured
/// (its length in UTF-16 code units) but not kept, and sentences, tokens, lead and meta are skipped, so the
/// document returned has an empty <see cref="Document.Text"/>. Throws <see cref="JsonException"/> where
/// <see cref="AnnotatedDocumentJson.Read(ReadOnlySpan{byte}, long)"/> would.
/// </summary>
internal sealed class StoreRecordReader
{
    public (AnnotatedDocument Document, int TextLength) Read(ReadOnlySpan<byte> utf8Json, long sequence)
    {
        var reader = new Utf8JsonReader(utf8Json);
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, date = null, title = null, url = null, source = null, gold = null, error = null;
        var textLength = 0;
        ImmutableArray<Entity> entities = [];
        ImmutableArray<Quote> quotes = [];
        TopicAssignment? topic = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8)) id = ReadString(ref reader);
            else if (reader.ValueTextEquals("date"u8)) date = ReadString(ref reader);
            else if (reader.ValueTextEquals("title"u8)) title = ReadString(ref reader);
            else if (reader.ValueTextEquals("url"u8)) url = ReadString(ref reader);
            else if (reader.ValueTextEquals("source"u8)) source = ReadString(ref reader);
            else if (reader.ValueTextEquals("gold_topic"u8)) gold = ReadString(ref reader);
            else if (reader.ValueTextEquals("error"u8)) error = ReadString(ref reader);
            else if (reader.ValueTextEquals("text"u8)) textLength = TextLength(ref reader);
            else if (reader.ValueTextEquals("entities"u8)) entities = ReadArray(ref reader, ReadEntity);
            else if (reader.ValueTextEquals("quotes"u8)) quotes = ReadArray(ref reader, ReadQuote);
            else if (reader.ValueTextEquals("topic"u8)) topic = ReadTopic(ref reader);
            else Skip(ref reader);
        }
        var document = new Document(id ?? throw Missing("id"), string.Empty)
        {
            Date = date, Title = title, Url = url, Source = source, GoldTopic = gold,
        };
        return (new AnnotatedDocument(document)
        {
            Sequence = sequence, Error = error, Entities = entities, Quotes = quotes, Topic = topic,
        }, textLength);
    }

    // Length of the string value in UTF-16 code units; 0 for a non-string.
    private static int TextLength(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return 0;
        }
        return reader.ValueIsEscaped ? UnescapedUtf16Length(reader.ValueSpan) : Utf16Length(reader.ValueSpan);
    }

    /// <summary>
    /// The UTF-16 length of valid UTF-8 (what <see cref="System.Text.Encoding.GetCharCount(ReadOnlySpan{byte})"/>
    /// gives, without validating): every byte but continuation bytes (<c>10xxxxxx</c>) starts a character, and a
    /// 4-byte one (<c>11110xxx</c>) is two UTF-16 code units. <c>GetCharCount</c> validates as it counts, which took
    /// ≈ 11 % of parsing and preparing CPU on VNTC's Vietnamese text (multi-byte almost everywhere; perf); this takes ≈ 0.4 %.
    /// Invalid UTF-8, which <c>nlp annotate</c> never writes, may count otherwise than GetCharCount counts it.
    /// Compiled optimised at once: it runs for every record from the first, and its vector loop gains nothing from tiering.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static int Utf16Length(ReadOnlySpan<byte> utf8)
    {
        var length = utf8.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var mask = Vector256.Create((byte)0xC0);
            var continuation = Vector256.Create((byte)0x80);
            var fourByte = Vector256.Create((byte)0xEF);
            for (; i + 32 <= utf8.Length; i += 32)
            {
                var v = Vector256.Create(utf8.Slice(i, 32));
                length -= System.Numerics.BitOperations.PopCount(Vector256.Equals(v & mask, continuation).ExtractMostSignificantBits());
                length += System.Numerics.BitOperations.PopCount(Vector256.GreaterThan(v, fourByte).ExtractMostSignificantBits());
            }
        }
        for (; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if ((b & 0xC0) == 0x80)
                length--;
            else if (b >= 0xF0)
                length++;
        }
        return length;
    }

    /// <summary>
    /// The UTF-16 length of a JSON string's value from its escaped UTF-8 bytes (as the reader validated them), without
    /// unescaping: escapes are ASCII, so each counts its bytes as characters; <c>\uXXXX</c> (6 bytes) stands for one
    /// UTF-16 code unit (a surrogate pair is two such escapes) and every other escape (2 bytes) for one character.
    /// </summary>
    internal static int UnescapedUtf16Length(ReadOnlySpan<byte> escaped)
    {
        var length = Utf16Length(escaped);
        int i;
        while ((i = escaped.IndexOf((byte)'\\')) >= 0)
        {
            var unicode = escaped[i + 1] == (byte)'u';
            length -= unicode ? 5 : 1;
            escaped = escaped[(i + (unicode ? 6 : 2))..];
        }
        return length;
    }

    private delegate T ItemReader<T>(ref Utf8JsonReader reader);

    private static ImmutableArray<T> ReadArray<T>(ref Utf8JsonReader reader, ItemReader<T> item)
    {
        Read(ref reader);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return [];
        }
        var builder = ImmutableArray.CreateBuilder<T>();
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
                return builder.DrainToImmutable();
            builder.Add(item(ref reader));
        }
    }

    private static Entity ReadEntity(ref Utf8JsonReader reader)
    {
        ExpectCurrent(ref reader, JsonTokenType.StartObject);
        string? type = null, text = null, @ref = null, person = null;
        int? start = null, end = null;
        // The confidence is skipped: the store keeps none for entities (parsing the 747k numbers of a VNTC load took ≈ 0.8 % of the parsing and preparing samples).
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8)) type = ReadCommonString(ref reader);
            else if (reader.ValueTextEquals("start"u8)) start = ReadInt(ref reader);
            else if (reader.ValueTextEquals("end"u8)) end = ReadInt(ref reader);
            else if (reader.ValueTextEquals("text"u8)) text = ReadName(ref reader);
            else if (reader.ValueTextEquals("ref"u8)) @ref = ReadShortString(ref reader);
            else if (reader.ValueTextEquals("person"u8)) person = ReadShortString(ref reader);
            else Skip(ref reader);
        }
        return new Entity(type ?? throw Missing("type"), start ?? throw Missing("start"), end ?? throw Missing("end"), text ?? throw Missing("text"))
        {
            Ref = @ref, PersonRef = person,
        };
    }

    private static Quote ReadQuote(ref Utf8JsonReader reader)
    {
        ExpectCurrent(ref reader, JsonTokenType.StartObject);
        string? type = null, content = null, cue = null;
        int? start = null, end = null, cueStart = null, cueEnd = null;
        double? confidence = null;
        Speaker? speaker = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8)) type = ReadCommonString(ref reader);
            else if (reader.ValueTextEquals("start"u8)) start = ReadInt(ref reader);
            else if (reader.ValueTextEquals("end"u8)) end = ReadInt(ref reader);
            else if (reader.ValueTextEquals("content"u8)) content = ReadString(ref reader);
            else if (reader.ValueTextEquals("cue"u8)) cue = ReadString(ref reader);
            else if (reader.ValueTextEquals("cue_start"u8)) cueStart = ReadInt(ref reader);
            else if (reader.ValueTextEquals("cue_end"u8)) cueEnd = ReadInt(ref reader);
            else if (reader.ValueTextEquals("confidence"u8)) confidence = ReadDouble(ref reader);
            else if (reader.ValueTextEquals("speaker"u8)) speaker = ReadSpeaker(ref reader);
            else Skip(ref reader);
        }
        return new Quote(type ?? throw Missing("type"), start ?? throw Missing("start"), end ?? throw Missing("end"), content ?? throw Missing("content"))
        {
            Cue = cue, CueStart = cueStart, CueEnd = cueEnd, Confidence = confidence ?? 0, Speaker = speaker,
        };
    }

    private static Speaker? ReadSpeaker(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        string? name = null, mention = null, kind = null, @ref = null, title = null;
        int? mentionStart = null, mentionEnd = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8)) name = ReadString(ref reader);
            else if (reader.ValueTextEquals("mention"u8)) mention = ReadString(ref reader);
            else if (reader.ValueTextEquals("kind"u8)) kind = ReadCommonString(ref reader);
            else if (reader.ValueTextEquals("ref"u8)) @ref = ReadShortString(ref reader);
            else if (reader.ValueTextEquals("title"u8)) title = ReadString(ref reader);
            else if (reader.ValueTextEquals("mention_start"u8)) mentionStart = ReadInt(ref reader);
            else if (reader.ValueTextEquals("mention_end"u8)) mentionEnd = ReadInt(ref reader);
            else Skip(ref reader);
        }
        return new Speaker(name ?? throw Missing("name"), mention ?? throw Missing("mention"), kind ?? throw Missing("kind"))
        {
            Ref = @ref, Title = title, MentionStart = mentionStart, MentionEnd = mentionEnd,
        };
    }

    private static TopicAssignment? ReadTopic(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        string? label = null, name = null;
        double? score = null;
        ImmutableArray<TopicScore> alternatives = [];
        ImmutableArray<string> subtopics = [];
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("label"u8)) label = ReadShortString(ref reader);
            else if (reader.ValueTextEquals("score"u8)) score = ReadDouble(ref reader);
            else if (reader.ValueTextEquals("name"u8)) name = ReadString(ref reader);
            else if (reader.ValueTextEquals("alternatives"u8)) alternatives = ReadArray(ref reader, ReadTopicScore);
            else if (reader.ValueTextEquals("subtopics"u8)) subtopics = ReadArray(ref reader, (ref Utf8JsonReader r) => r.TokenType == JsonTokenType.String ? r.GetString()! : SkipValue(ref r));
            else Skip(ref reader);
        }
        return new TopicAssignment(label ?? throw Missing("label"), score ?? 0) { Name = name, Alternatives = alternatives, Subtopics = subtopics };
    }

    private static TopicScore ReadTopicScore(ref Utf8JsonReader reader)
    {
        ExpectCurrent(ref reader, JsonTokenType.StartObject);
        string? label = null;
        double? score = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("label"u8)) label = ReadShortString(ref reader);
            else if (reader.ValueTextEquals("score"u8)) score = ReadDouble(ref reader);
            else Skip(ref reader);
        }
        return new TopicScore(label ?? throw Missing("label"), score ?? 0);
    }

    // A non-string array item of "subtopics" reads as empty, as in AnnotatedDocumentJson.
    private static string SkipValue(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return string.Empty;
    }

    // Advances to the next property name of the current object; false at its end.
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
            return false;
        if (reader.TokenType != JsonTokenType.PropertyName)
            throw new JsonException($"Expected a property name, found {reader.TokenType}.");
        return true;
    }

    // The property's value: a string, or null for any other value (as OptionalString reads it).
    private static string? ReadString(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString();
        reader.Skip();
        return null;
    }

    // Entity types, quote types and speaker kinds, UTF-8 and as the one string instance each read returns.
    private static readonly (byte[] Utf8, string Value)[] CommonStrings = [.. new[]
    {
        EntityTypes.Person, EntityTypes.Organization, EntityTypes.Location, EntityTypes.Miscellaneous, EntityTypes.Title,
        QuoteTypes.Direct, QuoteTypes.Indirect, LocalEntityGrouper.OtherKind,
    }.Select(v => (System.Text.Encoding.UTF8.GetBytes(v), v))];

    // As ReadString, without a new string for the values of CommonStrings (a type or kind of every record).
    private static string? ReadCommonString(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }
        if (!reader.ValueIsEscaped)
        {
            foreach (var (utf8, value) in CommonStrings)
            {
                if (reader.ValueSpan.SequenceEqual(utf8))
                    return value;
            }
        }
        return reader.GetString();
    }

    // Refs ("e12") and topic labels recur in every record, and entity texts (names) within and across records: short
    // unescaped values are read through small caches of strings by their UTF-8 bytes (per thread; a slot holds the last
    // value hashed to it), so each recurring value is made once. Refs and labels have their own cache, so that names
    // do not push them out.
    [ThreadStatic]
    private static (byte[] Utf8, string Value)[]? _shortStrings, _names;

    private const int ShortStringMax = 24, NameMax = 48;

    // As ReadString, returning a cached string for a short value seen before.
    private static string? ReadShortString(ref Utf8JsonReader reader) => ReadCached(ref reader, _shortStrings ??= new (byte[], string)[256], ShortStringMax);

    // As ReadString, returning a cached string for an entity text seen before.
    private static string? ReadName(ref Utf8JsonReader reader) => ReadCached(ref reader, _names ??= new (byte[], string)[4096], NameMax);

    // cache: a power-of-two number of slots; values longer than max bytes are not cached.
    private static string? ReadCached(ref Utf8JsonReader reader, (byte[] Utf8, string Value)[] cache, int max)
    {
        Read(ref reader);
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }
        var utf8 = reader.ValueSpan;
        if (reader.ValueIsEscaped || utf8.Length > max)
            return reader.GetString();
        uint hash = (uint)utf8.Length;
        foreach (var b in utf8)
            hash = hash * 31 + b;
        ref var slot = ref cache[hash & (uint)(cache.Length - 1)];
        if (slot.Utf8 is { } known && utf8.SequenceEqual(known))
            return slot.Value;
        var value = reader.GetString()!;
        slot = (utf8.ToArray(), value);
        return value;
    }

    private static int? ReadInt(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        if (reader.TokenType == JsonTokenType.Number)
            return reader.TryGetInt32(out var value) ? value : throw new JsonException("An offset is not a 32-bit integer.");
        reader.Skip();
        return null;
    }

    private static double? ReadDouble(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        if (reader.TokenType == JsonTokenType.Number)
            return reader.GetDouble();
        reader.Skip();
        return null;
    }

    private static void Skip(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        reader.Skip();
    }

    private static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw new JsonException("The record ends early.");
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        Read(ref reader);
        ExpectCurrent(ref reader, type);
    }

    private static void ExpectCurrent(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
            throw new JsonException(type == JsonTokenType.StartObject ? "An annotation record must be a JSON object." : $"Expected {type}, found {reader.TokenType}.");
    }

    private static JsonException Missing(string name) => new($"\"{name}\" is missing.");
}
