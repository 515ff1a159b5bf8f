using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace NlpPipeline.Storage;

public sealed partial class SqliteAnnotationStore
{
    // Quote rows with the speaker's canonical entity; the WHERE clause is appended by the caller.
    private const string QuoteColumns = """
        SELECT d.key, d.date, d.title, q.type, q.start, q."end", q.content, q.cue,
               coalesce(e.name, q.speaker_name), q.speaker_mention, q.speaker_title, d.topic, q.confidence
        """;

    private const string SpeakerJoins = """
        FROM quotes q JOIN documents d ON d.id = q.doc_id
        LEFT JOIN doc_entities de ON de.id = q.speaker_entity_id
        LEFT JOIN entity_forms ef ON ef.form_id = de.form_id
        LEFT JOIN entities e ON e.id = ef.entity_id
        WHERE 1 = 1
        """;

    private const string QuoteSelect = QuoteColumns + "\n" + SpeakerJoins;

    private const string OrderBy = "\nORDER BY q.sort_key, q.start LIMIT $limit";

    // Quotes whose speaker is one of the canonical entities in the JSON array parameter.
    private const string SpeakerIn =
        "q.speaker_entity_id IN (SELECT de.id FROM entity_forms ef "
        + "JOIN doc_entities de ON de.form_id = ef.form_id "
        + "WHERE ef.entity_id IN (SELECT value FROM json_each(";

    /// <summary>Quotes matching every filter of <paramref name="query"/>, by date, document, then position.</summary>
    public IReadOnlyList<QuoteHit> FindQuotes(QuoteQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The filters pick and order quote ids on the quotes table alone (sort_key holds the document's date
        // and id); only the page of hits is then joined with documents and speakers.
        var sql = new StringBuilder("WITH page AS (SELECT q.id, q.sort_key, q.start FROM quotes q");
        using var cmd = Command("", null);
        var speakerIds = query.Speaker is { } speaker ? JsonSerializer.Serialize(FindEntityIds(speaker)) : null;
        if (ListingWalkIsCheaper(query, speakerIds))
        {
            sql.Append(" INDEXED BY quotes_order");
            if (speakerIds is not null)
            {
                cmd.Parameters.AddWithValue("$speakers", speakerIds);
                sql.Append("""

                    CROSS JOIN doc_entities de ON de.id = q.speaker_entity_id
                    CROSS JOIN entity_forms ef ON ef.form_id = de.form_id
                    WHERE +ef.entity_id IN (SELECT value FROM json_each($speakers))
                    """);
            }
            else
            {
                sql.Append(" WHERE 1 = 1");
            }
        }
        else if (speakerIds is not null)
        {
            cmd.Parameters.AddWithValue("$speakers", speakerIds);
            sql.Append(" WHERE " + SpeakerIn + "$speakers)))");
        }
        else
        {
            sql.Append(" WHERE 1 = 1");
        }
        if (query.About is { } about)
        {
            cmd.Parameters.AddWithValue("$about", SearchText.ToMatchExpression(about) ?? "\"\"");
            sql.Append("\nAND q.id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH $about)");
        }
        if (query.Mentions is { } mentions)
        {
            // CROSS JOIN fixes the order (the quote's document entities, their spans within the quote, then their
            // canonical entity); probing entity_forms by a long id list per document entity is far slower.
            cmd.Parameters.AddWithValue("$mentioned", JsonSerializer.Serialize(FindEntityIds(mentions)));
            sql.Append("""

                AND EXISTS (SELECT 1 FROM doc_entities me
                    CROSS JOIN json_each(me.mentions) m
                    CROSS JOIN entity_forms mf ON mf.form_id = me.form_id
                    WHERE me.doc_id = q.doc_id AND m.value ->> 0 >= q.start AND m.value ->> 1 <= q."end"
                      AND +mf.entity_id IN (SELECT value FROM json_each($mentioned)))
                """);
        }
        if (query.Topic is { } topic)
        {
            cmd.Parameters.AddWithValue("$topic", topic.Trim());
            sql.Append("\nAND EXISTS (SELECT 1 FROM topics t WHERE t.doc_id = q.doc_id AND t.label = $topic COLLATE NOCASE AND t.kind IN ('label', 'subtopic', 'gold'))");
        }
        if (query.From is { } from)
        {
            cmd.Parameters.AddWithValue("$from", from);
            sql.Append("\nAND q.sort_key >= $from AND q.sort_key < '~'");
        }
        if (query.To is { } to)
        {
            cmd.Parameters.AddWithValue("$to", to);
            sql.Append("\nAND q.sort_key <= $to || '~'"); // '~' sorts after digits, '-' and U+0001: 2021 takes in 2021-12-31
        }
        if (query.MinConfidence is { } minConfidence)
        {
            cmd.Parameters.AddWithValue("$minconf", minConfidence);
            sql.Append("\nAND q.confidence >= $minconf");
        }
        cmd.Parameters.AddWithValue("$limit", query.Limit <= 0 ? -1 : query.Limit);
        sql.Append(OrderBy).Append(")\n").Append(QuoteColumns).Append('\n').Append("""
            FROM page JOIN quotes q ON q.id = page.id JOIN documents d ON d.id = q.doc_id
            LEFT JOIN doc_entities de ON de.id = q.speaker_entity_id
            LEFT JOIN entity_forms ef ON ef.form_id = de.form_id
            LEFT JOIN entities e ON e.id = ef.entity_id
            ORDER BY page.sort_key, page.start
            """);
        cmd.CommandText = sql.ToString();
        return ReadHits(cmd);
    }

    /// <summary>
    /// True when a broad query (a surname, a common phrase) should walk quotes in listing order and test
    /// each one, instead of collecting every match and sorting it: the walk reads about
    /// <c>limit x total / matched</c> rows, the sort <c>matched</c>. Matches of several filters are estimated
    /// as independent. Costs one count per filter (the speakers' stored counts, an FTS count).
    /// </summary>
    private bool ListingWalkIsCheaper(QuoteQuery query, string? speakerIds)
    {
        if (query.Limit <= 0 || (speakerIds is null && query.About is null))
            return false;
        double total = Scalar<long>("SELECT coalesce(max(rowid), 0) FROM quotes");
        if (total == 0)
            return false;
        var fraction = 1.0;
        if (speakerIds is not null)
            fraction *= Scalar<long>("SELECT coalesce(sum(quotes), 0) FROM entities WHERE id IN (SELECT value FROM json_each($ids))", ("$ids", speakerIds)) / total;
        if (query.About is { } about)
            fraction *= Scalar<long>("SELECT count(*) FROM quote_fts WHERE quote_fts MATCH $m", ("$m", SearchText.ToMatchExpression(about) ?? "\"\"")) / total;
        var matched = fraction * total;
        return matched * matched > query.Limit * total;
    }

    /// <summary>
    /// Canonical entity ids having a name that contains <paramref name="name"/> as a folded phrase
    /// (<c>Syromolotov</c> finds <c>Oleg Syromolotov</c>); exact name matches come first, then by documents.
    /// </summary>
    public IReadOnlyList<long> FindEntityIds(string name, string? type = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var match = SearchText.ToMatchExpression(name.Replace(',', ' '));
        if (match is null)
            return [];
        using var cmd = Command("""
            SELECT n.entity_id, max(n.name = $exact COLLATE NOCASE) AS exact, sum(n.documents) AS docs
            FROM entity_names n JOIN entities e ON e.id = n.entity_id
            WHERE n.id IN (SELECT rowid FROM name_fts WHERE name_fts MATCH $match)
              AND ($type IS NULL OR e.type = $type)
            GROUP BY n.entity_id
            ORDER BY exact DESC, docs DESC, n.entity_id
            """, null);
        cmd.Parameters.AddWithValue("$match", match);
        cmd.Parameters.AddWithValue("$exact", name.Trim());
        cmd.Parameters.AddWithValue("$type", (object?)type ?? DBNull.Value);
        var ids = new List<long>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>Speakers (canonical entities with at least one quote), most quoted first, with their titles most recent first.</summary>
    public IReadOnlyList<SpeakerSummary> People(int limit = 100, string? type = null)
    {
        using var cmd = Command("""
            SELECT e.id, e.name, e.type, e.slug, e.quotes, e.documents FROM entities e
            WHERE e.quotes > 0 AND ($type IS NULL OR e.type = $type)
            ORDER BY e.quotes DESC, e.name, e.id LIMIT $limit
            """, null);
        cmd.Parameters.AddWithValue("$type", (object?)type ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", limit <= 0 ? -1 : limit);
        var rows = new List<(long Id, string Name, string Type, string Slug, int Quotes, int Docs)>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5)));
        }
        return rows.Select(r => new SpeakerSummary(r.Name, r.Type, r.Slug, r.Quotes, r.Docs,
            Titles(r.Id).OrderByDescending(t => t.LastSeen, StringComparer.Ordinal).ThenByDescending(t => t.Documents)
                .Select(t => t.Title).ToList())).ToList();
    }

    /// <summary>The profile of the entity best matching <paramref name="name"/>, or null when none does.</summary>
    public PersonProfile? Person(string name, int quoteLimit = 1000)
    {
        var ids = FindEntityIds(name);
        if (ids.Count == 0)
            return null;
        // The best match: an exact name first, then the entity named in most documents (FindEntityIds order).
        var id = ids[0];
        var (entityName, type, slug) = EntityRow(id);
        var aliases = List("SELECT name, NULL, documents FROM entity_names WHERE entity_id = $id ORDER BY documents DESC, name", id);
        var quotes = new List<QuoteHit>();
        using (var cmd = Command(QuoteSelect + "\nAND " + SpeakerIn + "$ids)))" + OrderBy, null))
        {
            cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(new[] { id }));
            cmd.Parameters.AddWithValue("$limit", quoteLimit <= 0 ? -1 : quoteLimit);
            quotes.AddRange(ReadHits(cmd));
        }
        var topics = List("""
            SELECT t.label, NULL, count(DISTINCT q.doc_id) FROM quotes q
            JOIN doc_entities de ON de.id = q.speaker_entity_id
            JOIN entity_forms ef ON ef.form_id = de.form_id
            JOIN topics t ON t.doc_id = q.doc_id AND t.kind IN ('label', 'subtopic')
            WHERE ef.entity_id = $id GROUP BY t.label ORDER BY 3 DESC, t.label
            """, id);
        var about = List("""
            SELECT e.name, e.type, count(*) FROM quotes q
            JOIN doc_entities de ON de.id = q.speaker_entity_id
            JOIN entity_forms ef ON ef.form_id = de.form_id
            JOIN doc_entities me ON me.doc_id = q.doc_id
            JOIN json_each(me.mentions) m ON m.value ->> 0 >= q.start AND m.value ->> 1 <= q."end"
            JOIN entity_forms mf ON mf.form_id = me.form_id
            JOIN entities e ON e.id = mf.entity_id
            WHERE ef.entity_id = $id AND mf.entity_id <> $id
            GROUP BY e.id ORDER BY 3 DESC, e.name
            """, id);
        var others = ids.Skip(1).Take(10).Select(o => EntityRow(o).Name).ToList();
        return new PersonProfile(entityName, type, slug, aliases, Titles(id), quotes, topics, about, others);
    }

    /// <summary>Titles of a canonical entity with the dates they were seen, earliest first.</summary>
    internal IReadOnlyList<TitleSeen> Titles(long entityId)
    {
        using var cmd = Command("""
            SELECT t.title, min(d.date), max(d.date), count(DISTINCT t.doc_id)
            FROM titles t
            JOIN doc_entities de ON de.id = t.doc_entity_id
            JOIN entity_forms ef ON ef.form_id = de.form_id
            JOIN documents d ON d.id = t.doc_id
            WHERE ef.entity_id = $id
            GROUP BY t.title ORDER BY min(d.date) IS NULL, min(d.date), t.title
            """, null);
        cmd.Parameters.AddWithValue("$id", entityId);
        var titles = new List<TitleSeen>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            titles.Add(new TitleSeen(reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2), reader.GetInt32(3)));
        return titles;
    }

    private (string Name, string Type, string Slug) EntityRow(long id)
    {
        using var cmd = Command("SELECT name, type, slug FROM entities WHERE id = $id", null);
        cmd.Parameters.AddWithValue("$id", id);
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    private List<NamedCount> List(string sql, long id)
    {
        using var cmd = Command(sql, null);
        cmd.Parameters.AddWithValue("$id", id);
        var list = new List<NamedCount>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            list.Add(new NamedCount(reader.GetString(0), NullableString(reader, 1), reader.GetInt32(2)));
        return list;
    }

    private static List<QuoteHit> ReadHits(SqliteCommand cmd)
    {
        var hits = new List<QuoteHit>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            hits.Add(new QuoteHit(reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2), reader.GetString(3),
                reader.GetInt32(4), reader.GetInt32(5), reader.GetString(6), NullableString(reader, 7), NullableString(reader, 8),
                NullableString(reader, 9), NullableString(reader, 10), NullableString(reader, 11), reader.GetDouble(12)));
        }
        return hits;
    }

    private static string? NullableString(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
