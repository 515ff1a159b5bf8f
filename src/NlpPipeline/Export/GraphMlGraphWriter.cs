using System.Globalization;
using System.Text;
using System.Xml;

namespace NlpPipeline.Export;

/// <summary>
/// Writes the graph as one directed GraphML file (as read by Gephi, networkx, yEd): nodes for articles,
/// entities, quotes, topics and titles with a <c>label</c> and a <c>kind</c>; edges with a <c>label</c>
/// (<c>SAID_BY</c>, <c>PART_OF</c>, <c>ABOUT</c>, <c>MENTIONS</c>, <c>HAS_TOPIC</c>, <c>HELD_TITLE</c>) and a
/// <c>weight</c>. Node ids are the IRIs of <see cref="GraphIris"/>; XML escaping is the writer's.
/// </summary>
public static class GraphMlGraphWriter
{
    private static readonly (string Id, string For, string Name, string Type)[] Keys =
    [
        ("label", "node", "label", "string"), ("kind", "node", "kind", "string"), ("type", "node", "type", "string"),
        ("date", "node", "date", "string"), ("text", "node", "text", "string"), ("aliases", "node", "aliases", "string"),
        ("titles", "node", "titles", "string"), ("url", "node", "url", "string"),
        ("elabel", "edge", "label", "string"), ("weight", "edge", "weight", "double"),
        ("firstSeen", "edge", "firstSeen", "string"), ("lastSeen", "edge", "lastSeen", "string"),
    ];

    public static void Write(KnowledgeGraph graph, GraphIris iris, Stream output)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(iris);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = true };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", "http://graphml.graphdrawing.org/xmlns");
        foreach (var (id, target, name, type) in Keys)
        {
            xml.WriteStartElement("key");
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("for", target);
            xml.WriteAttributeString("attr.name", name);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }
        xml.WriteStartElement("graph");
        xml.WriteAttributeString("id", "nlp");
        xml.WriteAttributeString("edgedefault", "directed");

        var entityIri = graph.Entities.ToDictionary(e => e.Id, iris.Entity);
        var articleDate = graph.Articles.ToDictionary(a => a.Id, a => a.Date, StringComparer.Ordinal);
        foreach (var a in graph.Articles)
            Node(xml, iris.Article(a.Id), ("label", a.Title ?? a.Id), ("kind", "Article"), ("date", a.Date), ("url", a.Url));
        foreach (var e in graph.Entities)
            Node(xml, entityIri[e.Id], ("label", e.Name), ("kind", GraphIris.SchemaClass(e.Type)), ("type", e.Type),
                ("aliases", string.Join("; ", e.Aliases)), ("titles", string.Join("; ", e.Titles.Select(t => t.Title))));
        foreach (var q in graph.Quotes)
            Node(xml, iris.Quote(q), ("label", Shorten(q.Content)), ("kind", "Quotation"), ("type", q.Type), ("text", q.Content),
                ("date", articleDate.GetValueOrDefault(q.ArticleId)));
        var topics = graph.Articles.Where(a => a.Topic is not null).Select(a => a.Topic!).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).DistinctBy(iris.Topic).ToList();
        foreach (var t in topics)
            Node(xml, iris.Topic(t), ("label", t), ("kind", "Topic"));
        var titles = graph.Entities.SelectMany(e => e.Titles.Select(t => t.Title)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).DistinctBy(iris.Title).ToList();
        foreach (var t in titles)
            Node(xml, iris.Title(t), ("label", t), ("kind", "Title"));

        var edge = 0;
        void Edge(string source, string target, string label, double weight = 1, string? first = null, string? last = null)
        {
            xml.WriteStartElement("edge");
            xml.WriteAttributeString("id", "e" + (edge++).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", source);
            xml.WriteAttributeString("target", target);
            Data(xml, "elabel", label);
            Data(xml, "weight", weight.ToString("R", CultureInfo.InvariantCulture));
            Data(xml, "firstSeen", first);
            Data(xml, "lastSeen", last);
            xml.WriteEndElement();
        }
        foreach (var q in graph.Quotes)
        {
            var quote = iris.Quote(q);
            Edge(quote, iris.Article(q.ArticleId), "PART_OF");
            if (q.SpeakerId is { } s && entityIri.TryGetValue(s, out var speaker))
                Edge(quote, speaker, "SAID_BY");
            foreach (var about in q.About)
            {
                if (entityIri.TryGetValue(about, out var e))
                    Edge(quote, e, "ABOUT");
            }
        }
        foreach (var m in graph.Mentions)
        {
            if (entityIri.TryGetValue(m.EntityId, out var e))
                Edge(iris.Article(m.ArticleId), e, "MENTIONS", m.Count);
        }
        foreach (var a in graph.Articles.Where(a => a.Topic is not null))
            Edge(iris.Article(a.Id), iris.Topic(a.Topic!), "HAS_TOPIC");
        foreach (var e in graph.Entities)
        {
            foreach (var t in e.Titles)
                Edge(entityIri[e.Id], iris.Title(t.Title), "HELD_TITLE", t.Documents, t.FirstSeen, t.LastSeen);
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Node(XmlWriter xml, string id, params (string Key, string? Value)[] data)
    {
        xml.WriteStartElement("node");
        xml.WriteAttributeString("id", id);
        foreach (var (key, value) in data)
            Data(xml, key, value);
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        xml.WriteStartElement("data");
        xml.WriteAttributeString("key", key);
        xml.WriteString(XmlSafe(value));
        xml.WriteEndElement();
    }

    // XML 1.0 cannot carry most control characters even escaped; they are replaced by a space.
    private static string XmlSafe(string value) =>
        value.Any(c => char.IsControl(c) && c is not '\t' and not '\n' and not '\r')
            ? new string(value.Select(c => char.IsControl(c) && c is not '\t' and not '\n' and not '\r' ? ' ' : c).ToArray())
            : value;

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
