using System.Collections.Immutable;
using System.Text.Json;

namespace NlpPipeline.Documents;

/// <summary>
/// One input document as read. <see cref="Text"/> is Unicode NFC with LF line ends and never
/// changes after reading: every offset of every annotation is a [start, end) UTF-16 index into it.
/// </summary>
public sealed record Document(string Id, string Text)
{
    /// <summary>Publication date as written by the source (e.g. <c>2021-11</c>), or null.</summary>
    public string? Date { get; init; }
    public string? Title { get; init; }
    public string? Lead { get; init; }
    public string? Url { get; init; }
    public string? Source { get; init; }
    /// <summary>Topic given by the input (gold label of a corpus), or null.</summary>
    public string? GoldTopic { get; init; }
    /// <summary>Input fields this contract does not know, kept verbatim.</summary>
    public ImmutableDictionary<string, JsonElement> Meta { get; init; } = ImmutableDictionary<string, JsonElement>.Empty;
}
