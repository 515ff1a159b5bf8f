using System.Collections.Immutable;

namespace NlpPipeline.Documents;

/// <summary>A sentence: a [Start, End) range of the document text.</summary>
public readonly record struct Sentence(int Start, int End)
{
    public TextSpan Span => new(Start, End);
}

/// <summary>A word after segmentation (<c>Liên hợp quốc</c> is one token); text is <c>doc.Text[Start..End]</c>.</summary>
public readonly record struct Token(int Start, int End)
{
    public TextSpan Span => new(Start, End);
}

/// <summary>Entity types of the output contract.</summary>
public static class EntityTypes
{
    public const string Person = "PER";
    public const string Organization = "ORG";
    public const string Location = "LOC";
    public const string Miscellaneous = "MISC";
    public const string Title = "TITLE";
}

/// <summary>
/// An entity mention. <see cref="Ref"/> ties mentions of one entity within a document together
/// (<c>e1</c>, <c>e2</c>, ...). A <c>TITLE</c> mention names in <see cref="PersonRef"/> the ref of the
/// person it describes, or null when it describes nobody in particular.
/// </summary>
public sealed record Entity(string Type, int Start, int End, string Text)
{
    public string? Ref { get; init; }
    public string? PersonRef { get; init; }
    public double? Confidence { get; init; }
    public TextSpan Span => new(Start, End);
}

/// <summary>The source of a quote, per QUOTES.md: the fullest name, the words at this quote, the kind.</summary>
public sealed record Speaker(string Name, string Mention, string Kind)
{
    public string? Ref { get; init; }
    public string? Title { get; init; }
    /// <summary>Offsets of <see cref="Mention"/> in the document text, when it is in the text.</summary>
    public int? MentionStart { get; init; }
    public int? MentionEnd { get; init; }
}

/// <summary>Quote types of QUOTES.md.</summary>
public static class QuoteTypes
{
    public const string Direct = "direct";
    public const string Indirect = "indirect";
    public const string Mixed = "mixed";
}

/// <summary>
/// A quote: <see cref="Content"/> equals <c>doc.Text[Start..End]</c>. <see cref="Speaker"/> is null where
/// the text gives no source. <see cref="Confidence"/> is in [0, 1].
/// </summary>
public sealed record Quote(string Type, int Start, int End, string Content)
{
    public string? Cue { get; init; }
    public int? CueStart { get; init; }
    public int? CueEnd { get; init; }
    public Speaker? Speaker { get; init; }
    public double Confidence { get; init; }
    public TextSpan Span => new(Start, End);
}

/// <summary>A scored topic label.</summary>
public readonly record struct TopicScore(string Label, double Score);

/// <summary>The article's topic: a label with a calibrated probability, alternatives and subtopics.</summary>
public sealed record TopicAssignment(string Label, double Score)
{
    public string? Name { get; init; }
    public ImmutableArray<TopicScore> Alternatives { get; init; } = [];
    public ImmutableArray<string> Subtopics { get; init; } = [];
}

/// <summary>
/// A document with what the stages have found so far. Immutable: each stage returns a copy
/// (<c>with { ... }</c>) carrying its own annotations. <see cref="Error"/> set means the document
/// could not be read or processed; later stages pass it through untouched.
/// </summary>
public sealed record AnnotatedDocument(Document Document)
{
    /// <summary>Position of the document in the input, 0-based; output keeps this order.</summary>
    public long Sequence { get; init; }
    public string? Error { get; init; }
    public ImmutableArray<Sentence> Sentences { get; init; } = [];
    public ImmutableArray<Token> Tokens { get; init; } = [];
    public ImmutableArray<Entity> Entities { get; init; } = [];
    public ImmutableArray<Quote> Quotes { get; init; } = [];
    public TopicAssignment? Topic { get; init; }

    public string Text => Document.Text;

    public static AnnotatedDocument Failed(string id, string error, long sequence) =>
        new(new Document(id, string.Empty)) { Error = error, Sequence = sequence };
}
