using System.Collections.Immutable;
using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>
/// A gold NER document: plain text (NFC, LF) and its outer-level entities, each with
/// <c>Text == text[Start..End]</c>, sorted by start.
/// </summary>
public sealed record NerCorpusDocument(string Id, string Text, ImmutableArray<Entity> Entities);
