using System.Globalization;
using System.Text;

namespace NlpPipeline.Export;

/// <summary>
/// Writes statements as Turtle (RDF 1.1), one block per subject. IRIs and literals are escaped per the
/// grammar: characters not allowed in an IRIREF become <c>\uXXXX</c>, literals escape quotes, backslashes
/// and control characters, so any text round-trips exactly.
/// </summary>
public static class TurtleGraphWriter
{
    public static void Write(IReadOnlyList<RdfTriple> triples, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(triples);
        ArgumentNullException.ThrowIfNull(output);
        output.Write("@prefix schema: <" + SchemaOrgTriples.Schema + "> .\n");
        output.Write("@prefix xsd: <" + SchemaOrgTriples.Xsd + "> .\n");
        string? subject = null;
        foreach (var t in triples)
        {
            if (t.Subject != subject)
            {
                if (subject is not null)
                    output.Write(" .\n");
                output.Write('\n');
                output.Write(Iri(t.Subject));
                output.Write('\n');
                subject = t.Subject;
            }
            else
            {
                output.Write(" ;\n");
            }
            output.Write("    ");
            output.Write(Predicate(t.Predicate));
            output.Write(' ');
            output.Write(Term(t.Object));
        }
        if (subject is not null)
            output.Write(" .\n");
    }

    private static string Predicate(string iri) =>
        iri == SchemaOrgTriples.RdfType ? "a"
        : iri.StartsWith(SchemaOrgTriples.Schema, StringComparison.Ordinal) && IsLocalName(iri[SchemaOrgTriples.Schema.Length..])
            ? "schema:" + iri[SchemaOrgTriples.Schema.Length..]
            : Iri(iri);

    private static string Term(RdfTerm term)
    {
        if (term.IsIri)
            return term.Value.StartsWith(SchemaOrgTriples.Schema, StringComparison.Ordinal) && IsLocalName(term.Value[SchemaOrgTriples.Schema.Length..])
                ? "schema:" + term.Value[SchemaOrgTriples.Schema.Length..]
                : Iri(term.Value);
        var literal = Literal(term.Value);
        if (term.Language is { } language)
            return literal + "@" + language;
        if (term.Datatype is { } datatype)
            return literal + "^^" + (datatype.StartsWith(SchemaOrgTriples.Xsd, StringComparison.Ordinal) ? "xsd:" + datatype[SchemaOrgTriples.Xsd.Length..] : Iri(datatype));
        return literal;
    }

    private static bool IsLocalName(string name) => name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>An IRIREF: <c>&lt;...&gt;</c> with forbidden characters written as <c>\uXXXX</c>.</summary>
    public static string Iri(string iri)
    {
        var builder = new StringBuilder(iri.Length + 2).Append('<');
        foreach (var c in iri)
        {
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.Append('>').ToString();
    }

    /// <summary>A STRING_LITERAL_QUOTE with ECHAR/UCHAR escapes.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
