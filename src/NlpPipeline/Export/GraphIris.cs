using NlpPipeline.Documents;
using NlpPipeline.Storage;

namespace NlpPipeline.Export;

/// <summary>
/// Stable IRIs for graph nodes, built from names and document ids rather than database row ids, so
/// re-indexing or rebuilding the store gives the same IRIs: <c>urn:nlp:person:oleg-syromolotov</c>,
/// <c>urn:nlp:article:the-gioi%2F1.txt</c>, <c>urn:nlp:quote:the-gioi%2F1.txt:120-250</c>. A base ending with
/// <c>:</c> joins parts with <c>:</c>, any other base (<c>https://example.org/kg/</c>) with <c>/</c>.
/// </summary>
public sealed class GraphIris(string baseIri = GraphIris.DefaultBase)
{
    public const string DefaultBase = "urn:nlp:";

    private readonly string _base = baseIri.EndsWith(':') || baseIri.EndsWith('/') || baseIri.EndsWith('#') ? baseIri : baseIri + "/";
    private string Separator => _base.EndsWith(':') ? ":" : "/";

    public string Entity(GraphEntity entity) => _base + Kind(entity.Type) + Separator + entity.Slug;

    public string Article(string id) => _base + "article" + Separator + Uri.EscapeDataString(id);

    public string Quote(GraphQuote quote) => $"{_base}quote{Separator}{Uri.EscapeDataString(quote.ArticleId)}{Separator}{quote.Start}-{quote.End}";

    public string Topic(string label) => _base + "topic" + Separator + SearchText.Slug(label);

    public string Title(string title) => _base + "title" + Separator + SearchText.Slug(title);

    /// <summary>
    /// The role node of a title an entity held: <c>urn:nlp:person:oleg-syromolotov:title:thu-truong</c>; <paramref name="n"/>
    /// above 1 tells apart titles whose slugs collide (<c>thu-truong-2</c>).
    /// </summary>
    public string TitleHeld(GraphEntity entity, string title, int n = 1) =>
        Entity(entity) + Separator + "title" + Separator + SearchText.Slug(title) + (n > 1 ? $"-{n}" : "");

    /// <summary>The IRI segment of an entity type: <c>person</c>, <c>organization</c>, <c>place</c>, <c>thing</c> (MISC), <c>source</c> (other speakers).</summary>
    public static string Kind(string type) => type switch
    {
        EntityTypes.Person => "person",
        EntityTypes.Organization => "organization",
        EntityTypes.Location => "place",
        EntityTypes.Miscellaneous => "thing",
        _ => "source",
    };

    /// <summary>The schema.org class of an entity type.</summary>
    public static string SchemaClass(string type) => type switch
    {
        EntityTypes.Person => "Person",
        EntityTypes.Organization => "Organization",
        EntityTypes.Location => "Place",
        _ => "Thing",
    };
}
