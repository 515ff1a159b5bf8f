using System.Text.Encodings.Web;
using System.Text.Json;

namespace NlpPipeline.Export;

/// <summary>
/// Writes statements as one JSON-LD 1.1 document: an inline context (<c>@vocab</c> schema.org, so no network
/// fetch is needed to read it) and a <c>@graph</c> of node objects, one per subject in input order.
/// </summary>
public static class JsonLdGraphWriter
{
    public static void Write(IReadOnlyList<RdfTriple> triples, Stream output)
    {
        ArgumentNullException.ThrowIfNull(triples);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartObject("@context");
        json.WriteString("@vocab", SchemaOrgTriples.Schema);
        json.WriteString("xsd", SchemaOrgTriples.Xsd);
        json.WriteEndObject();
        json.WriteStartArray("@graph");
        foreach (var subject in triples.GroupBy(t => t.Subject))
        {
            json.WriteStartObject();
            json.WriteString("@id", subject.Key);
            var types = subject.Where(t => t.Predicate == SchemaOrgTriples.RdfType).Select(t => t.Object.Value).ToList();
            if (types.Count > 0)
            {
                json.WriteStartArray("@type");
                foreach (var type in types)
                    json.WriteStringValue(Compact(type));
                json.WriteEndArray();
            }
            foreach (var property in subject.Where(t => t.Predicate != SchemaOrgTriples.RdfType).GroupBy(t => t.Predicate))
            {
                json.WriteStartArray(Compact(property.Key));
                foreach (var t in property)
                    WriteTerm(json, t.Object);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // schema.org terms by their local name (resolved through @vocab); any other IRI in full.
    private static string Compact(string iri) =>
        iri.StartsWith(SchemaOrgTriples.Schema, StringComparison.Ordinal) && iri.Length > SchemaOrgTriples.Schema.Length
            && iri[SchemaOrgTriples.Schema.Length..].All(char.IsAsciiLetterOrDigit)
            ? iri[SchemaOrgTriples.Schema.Length..]
            : iri;

    // Values are written expanded ({"@id"}, {"@value", "@language"|"@type"}) so nothing depends on context coercion.
    private static void WriteTerm(Utf8JsonWriter json, RdfTerm term)
    {
        json.WriteStartObject();
        if (term.IsIri)
        {
            json.WriteString("@id", term.Value);
        }
        else
        {
            json.WriteString("@value", term.Value);
            if (term.Language is { } language)
                json.WriteString("@language", language);
            else if (term.Datatype is { } datatype)
                json.WriteString("@type", datatype);
        }
        json.WriteEndObject();
    }
}
