using System.Globalization;
using System.Text;

namespace NlpPipeline.Export;

/// <summary>
/// Writes the graph as CSV files for <c>neo4j-admin database import full</c>: node files with <c>:ID</c> and
/// <c>:LABEL</c> columns, relationship files with <c>:START_ID</c>, <c>:END_ID</c> and <c>:TYPE</c>, one ID space
/// (the nodes' IRIs), and <c>import.sh</c> with the command that loads them. Array properties use <c>;</c>
/// (Neo4j's default delimiter), so a <c>;</c> inside an alias or title is written as <c>,</c>.
/// </summary>
public static class Neo4jCsvGraphWriter
{
    /// <summary>Writes the files into <paramref name="directory"/> (created when missing) and returns their names in import order.</summary>
    public static IReadOnlyList<string> Write(KnowledgeGraph graph, GraphIris iris, string directory)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(iris);
        Directory.CreateDirectory(directory);
        var entityIri = graph.Entities.ToDictionary(e => e.Id, iris.Entity);
        var articleTopic = graph.Articles.Where(a => a.Topic is not null).ToDictionary(a => a.Id, a => a.Topic!, StringComparer.Ordinal);
        var articleDate = graph.Articles.ToDictionary(a => a.Id, a => a.Date, StringComparer.Ordinal);
        var files = new List<(string Name, bool Nodes)>();

        void File(string name, bool nodes, string[] header, IEnumerable<string?[]> rows)
        {
            using var writer = new StreamWriter(Path.Combine(directory, name), false, new UTF8Encoding(false));
            CsvText.WriteRow(writer, header);
            foreach (var row in rows)
                CsvText.WriteRow(writer, row);
            files.Add((name, nodes));
        }

        File("nodes_article.csv", true, ["id:ID", "identifier", "headline", "date", "url", "topic", ":LABEL"],
            graph.Articles.Select(a => new[] { iris.Article(a.Id), a.Id, a.Title, a.Date, a.Url, a.Topic, "Article" }));
        File("nodes_entity.csv", true, ["id:ID", "name", "type", "aliases:string[]", "titles:string[]", ":LABEL"],
            graph.Entities.Select(e => new[]
            {
                entityIri[e.Id], e.Name, e.Type, Array(e.Aliases), Array(e.Titles.Select(t => t.Title)),
                "Entity;" + GraphIris.SchemaClass(e.Type),
            }));
        File("nodes_quote.csv", true, ["id:ID", "text", "type", "cue", "speaker", "confidence:double", "date", ":LABEL"],
            graph.Quotes.Select(q => new[]
            {
                iris.Quote(q), q.Content, q.Type, q.Cue, q.SpeakerName, Number(q.Confidence), articleDate.GetValueOrDefault(q.ArticleId), "Quote",
            }));
        var topics = articleTopic.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).DistinctBy(iris.Topic).ToList();
        File("nodes_topic.csv", true, ["id:ID", "name", ":LABEL"], topics.Select(t => new[] { iris.Topic(t), t, "Topic" }));
        var titles = graph.Entities.SelectMany(e => e.Titles.Select(t => t.Title)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).DistinctBy(iris.Title).ToList();
        File("nodes_title.csv", true, ["id:ID", "name", ":LABEL"], titles.Select(t => new[] { iris.Title(t), t, "Title" }));

        File("rels_said_by.csv", false, [":START_ID", ":END_ID", ":TYPE"],
            graph.Quotes.Where(q => q.SpeakerId is { } s && entityIri.ContainsKey(s))
                .Select(q => new[] { iris.Quote(q), entityIri[q.SpeakerId!.Value], "SAID_BY" }));
        File("rels_part_of.csv", false, [":START_ID", ":END_ID", ":TYPE"],
            graph.Quotes.Select(q => new[] { iris.Quote(q), iris.Article(q.ArticleId), "PART_OF" }));
        File("rels_about.csv", false, [":START_ID", ":END_ID", ":TYPE"],
            graph.Quotes.SelectMany(q => q.About.Where(entityIri.ContainsKey).Select(e => new[] { iris.Quote(q), entityIri[e], "ABOUT" })));
        File("rels_mentions.csv", false, [":START_ID", ":END_ID", ":TYPE", "count:int"],
            graph.Mentions.Where(m => entityIri.ContainsKey(m.EntityId))
                .Select(m => new[] { iris.Article(m.ArticleId), entityIri[m.EntityId], "MENTIONS", m.Count.ToString(CultureInfo.InvariantCulture) }));
        File("rels_has_topic.csv", false, [":START_ID", ":END_ID", ":TYPE"],
            articleTopic.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new[] { iris.Article(a.Key), iris.Topic(a.Value), "HAS_TOPIC" }));
        File("rels_held_title.csv", false, [":START_ID", ":END_ID", ":TYPE", "title", "firstSeen", "lastSeen", "documents:int"],
            graph.Entities.SelectMany(e => e.Titles.Select(t => new[]
            {
                entityIri[e.Id], iris.Title(t.Title), "HELD_TITLE", t.Title, t.FirstSeen, t.LastSeen, t.Documents.ToString(CultureInfo.InvariantCulture),
            })));

        var command = new StringBuilder("#!/bin/sh\n# Loads this folder into an empty Neo4j database named by $1 (default: neo4j).\n")
            .Append("cd \"$(dirname \"$0\")\" && neo4j-admin database import full --overwrite-destination --multiline-fields=true --array-delimiter=\";\"");
        foreach (var (name, nodes) in files)
            command.Append(nodes ? " --nodes=" : " --relationships=").Append(name);
        command.Append(" \"${1:-neo4j}\"\n");
        System.IO.File.WriteAllText(Path.Combine(directory, "import.sh"), command.ToString(), new UTF8Encoding(false));
        return [.. files.Select(f => f.Name), "import.sh"];
    }

    private static string Array(IEnumerable<string> values) =>
        string.Join(';', values.Select(v => v.Replace(';', ',')));

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
