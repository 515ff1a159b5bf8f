namespace NlpPipeline.Storage;

/// <summary>
/// Filters of <c>nlp query</c>; every filter given must hold. Names and text are matched diacritic-folded
/// (<c>đ</c>→<c>d</c>): <see cref="Speaker"/> and <see cref="Mentions"/> against every alias of every canonical
/// entity, <see cref="About"/> against quote content as a phrase (comma-separated phrases must all match).
/// <see cref="From"/>/<see cref="To"/> compare with the document date as a prefix (<c>2021</c>, <c>2021-11</c>).
/// <see cref="MinConfidence"/> keeps quotes whose <c>confidence</c> is at least that value (in [0, 1]).
/// </summary>
public sealed record QuoteQuery
{
    public string? Speaker { get; init; }
    public string? About { get; init; }
    public string? Mentions { get; init; }
    public string? Topic { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public double? MinConfidence { get; init; }
    public int Limit { get; init; } = 100;
}

/// <summary>A quote found by a query: the speaker's canonical name where resolved, else the name in the document.</summary>
public sealed record QuoteHit(
    string DocumentId, string? Date, string? Title, string Type, int Start, int End, string Content, string? Cue,
    string? Speaker, string? SpeakerMention, string? SpeakerTitle, string? Topic, double Confidence);

/// <summary>A title held by an entity, with the first and last document dates it was seen on and in how many documents.</summary>
public sealed record TitleSeen(string Title, string? FirstSeen, string? LastSeen, int Documents);

/// <summary>A speaker of <c>nlp people</c>.</summary>
public sealed record SpeakerSummary(string Name, string Type, string Slug, int Quotes, int Documents, IReadOnlyList<string> Titles);

/// <summary>A count of something (a topic, an entity) linked to a profile.</summary>
public sealed record NamedCount(string Name, string? Type, int Count);

/// <summary>The profile of one canonical entity (<c>nlp person</c>).</summary>
public sealed record PersonProfile(
    string Name, string Type, string Slug,
    IReadOnlyList<NamedCount> Aliases, IReadOnlyList<TitleSeen> Titles, IReadOnlyList<QuoteHit> Quotes,
    IReadOnlyList<NamedCount> Topics, IReadOnlyList<NamedCount> TalksAbout, IReadOnlyList<string> OtherMatches);
