using Microsoft.Data.Sqlite;
using NlpPipeline.Storage;

namespace NlpPipeline.Export;

/// <summary>A news article node.</summary>
public sealed record GraphArticle(string Id, string? Title, string? Date, string? Url, string? Topic);

/// <summary>A canonical entity node with every alias and every title it was seen with.</summary>
public sealed record GraphEntity(long Id, string Type, string Name, string Slug, IReadOnlyList<string> Aliases, IReadOnlyList<TitleSeen> Titles);

/// <summary>A quote node: its article, speaker (canonical entity id, or just a name) and the entities its words mention.</summary>
public sealed record GraphQuote(
    string ArticleId, int Start, int End, string Type, string Content, string? Cue, long? SpeakerId, string? SpeakerName,
    double Confidence, IReadOnlyList<long> About);

/// <summary>An article mentioning an entity, <see cref="Count"/> times.</summary>
public readonly record struct GraphMention(string ArticleId, long EntityId, int Count);

/// <summary>
/// A snapshot of the store as a graph, in a stable order (articles by id, entities by type and key, quotes by
/// article and position), so that exports of the same store are byte-identical.
/// </summary>
public sealed record KnowledgeGraph(
    IReadOnlyList<GraphArticle> Articles, IReadOnlyList<GraphEntity> Entities, IReadOnlyList<GraphQuote> Quotes,
    IReadOnlyList<GraphMention> Mentions)
{
    /// <summary>
    /// Reads the whole graph from <paramref name="store"/>, keeping the quotes whose confidence is at least
    /// <paramref name="minConfidence"/>; entities that nothing links to are left out.
    /// </summary>
    public static KnowledgeGraph Load(SqliteAnnotationStore store, double minConfidence = 0)
    {
        ArgumentNullException.ThrowIfNull(store);
        var articles = Read(store, "SELECT key, title, date, url, topic FROM documents WHERE error IS NULL ORDER BY key",
            r => new GraphArticle(r.GetString(0), S(r, 1), S(r, 2), S(r, 3), S(r, 4)));

        var aliases = Read(store, "SELECT entity_id, name FROM entity_names ORDER BY entity_id, documents DESC, name",
            r => (r.GetInt64(0), r.GetString(1))).ToLookup(a => a.Item1, a => a.Item2);
        var titles = Read(store, """
            SELECT ef.entity_id, t.title, min(d.date), max(d.date), count(DISTINCT t.doc_id)
            FROM titles t
            JOIN doc_entities de ON de.id = t.doc_entity_id
            JOIN entity_forms ef ON ef.form_id = de.form_id
            JOIN documents d ON d.id = t.doc_id
            GROUP BY ef.entity_id, t.title ORDER BY ef.entity_id, min(d.date) IS NULL, min(d.date), t.title
            """, r => (r.GetInt64(0), new TitleSeen(r.GetString(1), S(r, 2), S(r, 3), r.GetInt32(4)))).ToLookup(t => t.Item1, t => t.Item2);

        var quotes = Read(store, """
            SELECT d.key, q.start, q."end", q.type, q.content, q.cue, ef.entity_id, q.speaker_name, q.confidence, q.id
            FROM quotes q JOIN documents d ON d.id = q.doc_id
            LEFT JOIN doc_entities de ON de.id = q.speaker_entity_id
            LEFT JOIN entity_forms ef ON ef.form_id = de.form_id
            ORDER BY d.key, q.start, q.id
            """, r => (Id: r.GetInt64(9), Quote: new GraphQuote(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3), r.GetString(4),
                S(r, 5), r.IsDBNull(6) ? null : r.GetInt64(6), S(r, 7), r.GetDouble(8), [])));
        var about = Read(store, """
            SELECT DISTINCT q.id, mf.entity_id FROM quotes q
            JOIN doc_entities me ON me.doc_id = q.doc_id
            JOIN json_each(me.mentions) m ON m.value ->> 0 >= q.start AND m.value ->> 1 <= q."end"
            JOIN entity_forms mf ON mf.form_id = me.form_id
            ORDER BY q.id, mf.entity_id
            """, r => (r.GetInt64(0), r.GetInt64(1))).ToLookup(a => a.Item1, a => a.Item2);
        var graphQuotes = quotes.Where(q => q.Quote.Confidence >= minConfidence).Select(q => q.Quote with
        {
            About = [.. about[q.Id].Where(e => e != q.Quote.SpeakerId)],
        }).ToList();

        var mentions = Read(store, """
            SELECT d.key, ef.entity_id, sum(json_array_length(de.mentions)) FROM doc_entities de
            JOIN documents d ON d.id = de.doc_id
            JOIN entity_forms ef ON ef.form_id = de.form_id
            WHERE de.mentions <> '[]'
            GROUP BY d.key, ef.entity_id ORDER BY d.key, ef.entity_id
            """, r => new GraphMention(r.GetString(0), r.GetInt64(1), r.GetInt32(2)));

        var linked = new HashSet<long>(mentions.Select(m => m.EntityId));
        linked.UnionWith(graphQuotes.Where(q => q.SpeakerId is not null).Select(q => q.SpeakerId!.Value));
        var entities = Read(store, "SELECT id, type, name, slug FROM entities ORDER BY id",
                r => (r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3)))
            .Where(e => linked.Contains(e.Item1))
            .Select(e => new GraphEntity(e.Item1, e.Item2, e.Item3, e.Item4, [.. aliases[e.Item1]], [.. titles[e.Item1]]))
            .ToList();
        return new KnowledgeGraph(articles, entities, graphQuotes, mentions);
    }

    private static List<T> Read<T>(SqliteAnnotationStore store, string sql, Func<SqliteDataReader, T> map)
    {
        using var cmd = store.Command(sql, null);
        using var reader = cmd.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
            list.Add(map(reader));
        return list;
    }

    private static string? S(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
