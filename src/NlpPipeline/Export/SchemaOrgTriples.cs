using System.Globalization;
using NlpPipeline.Documents;

namespace NlpPipeline.Export;

/// <summary>An RDF term: an IRI, or a literal with an optional language tag or datatype IRI.</summary>
public readonly record struct RdfTerm(string Value, bool IsIri, string? Language = null, string? Datatype = null)
{
    public static RdfTerm Iri(string iri) => new(iri, true);
    public static RdfTerm Text(string text, string? language = null) => new(text, false, language);
    public static RdfTerm Typed(string value, string datatype) => new(value, false, null, datatype);
}

/// <summary>One RDF statement.</summary>
public readonly record struct RdfTriple(string Subject, string Predicate, RdfTerm Object);

/// <summary>
/// The knowledge graph as schema.org statements: <c>NewsArticle</c> (headline, dateCreated, url, about a
/// <c>DefinedTerm</c> topic, mentions), <c>Person</c>/<c>Organization</c>/<c>Place</c>/<c>Thing</c> (name,
/// alternateName, jobTitle, and for each title a <c>Role</c> with the jobTitle and the startDate / endDate it
/// was first and last seen) and <c>Quotation</c> (text, creator and spokenByCharacter, isPartOf, about,
/// dateCreated). Turtle and JSON-LD are both written from this one list, so they hold the same graph.
/// </summary>
public static class SchemaOrgTriples
{
    public const string Schema = "https://schema.org/";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string RdfType = Rdf + "type";

    /// <summary>Statements grouped by subject, in the graph's stable order.</summary>
    public static IReadOnlyList<RdfTriple> Build(KnowledgeGraph graph, GraphIris iris)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(iris);
        var triples = new List<RdfTriple>();
        void Add(string s, string localName, RdfTerm o) => triples.Add(new RdfTriple(s, Schema + localName, o));
        var entityIri = graph.Entities.ToDictionary(e => e.Id, iris.Entity);
        var articleDate = graph.Articles.ToDictionary(a => a.Id, a => a.Date, StringComparer.Ordinal);
        var mentionsByArticle = graph.Mentions.ToLookup(m => m.ArticleId, StringComparer.Ordinal);
        var topics = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var article in graph.Articles)
        {
            var s = iris.Article(article.Id);
            triples.Add(new RdfTriple(s, RdfType, RdfTerm.Iri(Schema + "NewsArticle")));
            Add(s, "identifier", RdfTerm.Text(article.Id));
            if (article.Title is { } title)
                Add(s, "headline", RdfTerm.Text(title, "vi"));
            if (Date(article.Date) is { } date)
                Add(s, "dateCreated", date);
            if (article.Url is { } url)
                Add(s, "url", RdfTerm.Typed(url, Xsd + "anyURI"));
            if (article.Topic is { } topic)
            {
                Add(s, "about", RdfTerm.Iri(iris.Topic(topic)));
                topics.Add(topic);
            }
            foreach (var m in mentionsByArticle[article.Id])
            {
                if (entityIri.TryGetValue(m.EntityId, out var e))
                    Add(s, "mentions", RdfTerm.Iri(e));
            }
        }

        foreach (var topic in topics.DistinctBy(iris.Topic))
        {
            var s = iris.Topic(topic);
            triples.Add(new RdfTriple(s, RdfType, RdfTerm.Iri(Schema + "DefinedTerm")));
            Add(s, "name", RdfTerm.Text(topic));
        }

        foreach (var entity in graph.Entities)
        {
            var s = entityIri[entity.Id];
            triples.Add(new RdfTriple(s, RdfType, RdfTerm.Iri(Schema + GraphIris.SchemaClass(entity.Type))));
            Add(s, "name", RdfTerm.Text(entity.Name));
            foreach (var alias in entity.Aliases.Where(a => a != entity.Name))
                Add(s, "alternateName", RdfTerm.Text(alias));
            if (entity.Type == EntityTypes.Person)
            {
                foreach (var title in entity.Titles)
                    Add(s, "jobTitle", RdfTerm.Text(title.Title, "vi"));
                // Title history (schema.org's Role pattern): a Role per title with the dates it was first and last seen.
                var roles = new HashSet<string>(StringComparer.Ordinal);
                foreach (var title in entity.Titles)
                {
                    var role = iris.TitleHeld(entity, title.Title);
                    for (var n = 2; !roles.Add(role); n++)
                        role = iris.TitleHeld(entity, title.Title, n);
                    Add(s, "jobTitle", RdfTerm.Iri(role));
                    triples.Add(new RdfTriple(role, RdfType, RdfTerm.Iri(Schema + "Role")));
                    Add(role, "jobTitle", RdfTerm.Text(title.Title, "vi"));
                    if (Date(title.FirstSeen) is { } first)
                        Add(role, "startDate", first);
                    if (Date(title.LastSeen) is { } last)
                        Add(role, "endDate", last);
                }
            }
        }

        foreach (var quote in graph.Quotes)
        {
            var s = iris.Quote(quote);
            triples.Add(new RdfTriple(s, RdfType, RdfTerm.Iri(Schema + "Quotation")));
            Add(s, "text", RdfTerm.Text(quote.Content, "vi"));
            Add(s, "isPartOf", RdfTerm.Iri(iris.Article(quote.ArticleId)));
            if (quote.SpeakerId is { } speaker && entityIri.TryGetValue(speaker, out var speakerIri))
            {
                Add(s, "creator", RdfTerm.Iri(speakerIri));
                Add(s, "spokenByCharacter", RdfTerm.Iri(speakerIri));
            }
            foreach (var about in quote.About)
            {
                if (entityIri.TryGetValue(about, out var e))
                    Add(s, "about", RdfTerm.Iri(e));
            }
            if (articleDate.GetValueOrDefault(quote.ArticleId) is { } d && Date(d) is { } date)
                Add(s, "dateCreated", date);
        }
        return triples;
    }

    /// <summary>A typed date literal: <c>xsd:gYear</c>, <c>xsd:gYearMonth</c> or <c>xsd:date</c> by precision; other text as a plain literal.</summary>
    public static RdfTerm? Date(string? date)
    {
        if (string.IsNullOrWhiteSpace(date))
            return null;
        var formats = new[] { ("yyyy-MM-dd", "date"), ("yyyy-MM", "gYearMonth"), ("yyyy", "gYear") };
        foreach (var (format, type) in formats)
        {
            if (date.Length == format.Length && DateTime.TryParseExact(date, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return RdfTerm.Typed(date, Xsd + type);
        }
        return RdfTerm.Text(date);
    }
}
