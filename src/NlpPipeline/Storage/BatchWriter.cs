using Microsoft.Data.Sqlite;
using NlpPipeline.Documents;

namespace NlpPipeline.Storage;

/// <summary>Prepared statements that write documents inside one caller-owned transaction.</summary>
internal sealed class BatchWriter : IDisposable
{
    private readonly List<RawStatement> _commands = [];
    private readonly RawStatement _findDocument, _insertDocument, _insertEntity, _insertMention, _insertAlias,
        _insertTitle, _insertQuote, _insertQuoteFts, _insertTopic;
    private readonly RawStatement[] _deletes;

    public BatchWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        // Raw statements join the transaction the connection has open; the parameter only documents that.
        _ = transaction;
        RawStatement Make(string sql, params string[] parameters)
        {
            var cmd = new RawStatement(connection, sql, parameters);
            _commands.Add(cmd);
            return cmd;
        }

        _findDocument = Make("SELECT id FROM documents WHERE key = $key", "$key");
        _deletes =
        [
            Make("DELETE FROM quote_fts WHERE rowid IN (SELECT id FROM quotes WHERE doc_id = $doc)", "$doc"),
            Make("DELETE FROM quotes WHERE doc_id = $doc", "$doc"),
            Make("DELETE FROM titles WHERE doc_id = $doc", "$doc"),
            Make("DELETE FROM aliases WHERE doc_id = $doc", "$doc"),
            Make("DELETE FROM mentions WHERE doc_id = $doc", "$doc"),
            Make("DELETE FROM doc_entities WHERE doc_id = $doc", "$doc"),
            Make("DELETE FROM topics WHERE doc_id = $doc", "$doc"),
            Make("DELETE FROM documents WHERE id = $doc", "$doc"),
        ];
        _insertDocument = Make("""
            INSERT INTO documents(key, title, date, url, source, topic, topic_score, gold_topic, text_length, error, sort_date)
            VALUES ($key, $title, $date, $url, $source, $topic, $score, $gold, $length, $error, $sort)
            """, "$key", "$title", "$date", "$url", "$source", "$topic", "$score", "$gold", "$length", "$error", "$sort");
        _insertEntity = Make("""
            INSERT INTO doc_entities(doc_id, local_key, type, name, form_key) VALUES ($doc, $local, $type, $name, $form)
            """, "$doc", "$local", "$type", "$name", "$form");
        _insertMention = Make("""
            INSERT OR IGNORE INTO mentions(doc_id, start, "end", doc_entity_id, type) VALUES ($doc, $start, $end, $entity, $type)
            """, "$doc", "$start", "$end", "$entity", "$type");
        _insertAlias = Make("INSERT OR IGNORE INTO aliases(doc_id, doc_entity_id, alias) VALUES ($doc, $entity, $alias)",
            "$doc", "$entity", "$alias");
        _insertTitle = Make("""
            INSERT INTO titles(doc_id, doc_entity_id, title, start, "end") VALUES ($doc, $entity, $title, $start, $end)
            """, "$doc", "$entity", "$title", "$start", "$end");
        _insertQuote = Make("""
            INSERT INTO quotes(doc_id, type, start, "end", content, cue, speaker_entity_id, speaker_name, speaker_mention,
                               speaker_kind, speaker_title, confidence, sort_key)
            VALUES ($doc, $type, $start, $end, $content, $cue, $speaker, $name, $mention, $kind, $title, $confidence, $sort)
            """, "$doc", "$type", "$start", "$end", "$content", "$cue", "$speaker", "$name", "$mention", "$kind", "$title", "$confidence", "$sort");
        _insertQuoteFts = Make("INSERT INTO quote_fts(rowid, content) VALUES ($id, $content)", "$id", "$content");
        _insertTopic = Make("INSERT INTO topics(doc_id, label, kind, score) VALUES ($doc, $label, $kind, $score)",
            "$doc", "$label", "$kind", "$score");
    }

    /// <summary>Removes every row of the document with this id; true when it was stored.</summary>
    public bool Delete(string key)
    {
        if (_findDocument.Run(key) is not long id)
            return false;
        foreach (var delete in _deletes)
            delete.Run(id);
        return true;
    }

    /// <summary>Replaces the stored rows of <paramref name="doc"/>; returns the number of quotes written.</summary>
    public int Write(AnnotatedDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var d = doc.Document;
        Delete(d.Id);
        var sortDate = string.IsNullOrEmpty(d.Date) ? "~" : d.Date;
        var sortKey = sortDate + "\u0001" + d.Id;
        var docId = Insert(_insertDocument, d.Id, d.Title, d.Date, d.Url, d.Source, doc.Topic?.Label, doc.Topic?.Score,
            d.GoldTopic, d.Text.Length, doc.Error, sortDate);

        if (doc.Topic is { } topic)
        {
            Exec(_insertTopic, docId, topic.Label, "label", topic.Score);
            foreach (var sub in topic.Subtopics)
                Exec(_insertTopic, docId, sub, "subtopic", null);
            foreach (var alt in topic.Alternatives)
                Exec(_insertTopic, docId, alt.Label, "alternative", alt.Score);
        }
        if (d.GoldTopic is { Length: > 0 } gold)
            Exec(_insertTopic, docId, gold, "gold", null);

        var entities = LocalEntityGrouper.Group(doc, out var speakers);
        var rowIds = new Dictionary<LocalEntity, long>(ReferenceEqualityComparer.Instance);
        foreach (var entity in entities)
        {
            if (entity.Name.Length == 0)
                continue;
            var id = Insert(_insertEntity, docId, entity.LocalKey, entity.Type, entity.Name, SearchText.NameKey(entity.Name));
            rowIds[entity] = id;
            foreach (var m in entity.Mentions)
                Exec(_insertMention, docId, m.Start, m.End, id, m.Type);
            foreach (var alias in entity.Aliases)
                Exec(_insertAlias, docId, id, alias);
            foreach (var (title, start, end) in entity.Titles)
                Exec(_insertTitle, docId, id, title, start, end);
        }

        for (var i = 0; i < doc.Quotes.Length; i++)
        {
            var q = doc.Quotes[i];
            long? speaker = speakers[i] is { } s && rowIds.TryGetValue(s, out var sid) ? sid : null;
            var quoteId = Insert(_insertQuote, docId, q.Type, q.Start, q.End, q.Content, q.Cue, speaker,
                q.Speaker?.Name, q.Speaker?.Mention, q.Speaker?.Kind, q.Speaker?.Title, q.Confidence, sortKey);
            Exec(_insertQuoteFts, quoteId, SearchText.Fold(q.Content));
        }
        return doc.Quotes.Length;
    }

    private static void Exec(RawStatement cmd, params object?[] values) => cmd.Run(values);

    private static long Insert(RawStatement cmd, params object?[] values)
    {
        cmd.Run(values);
        return cmd.LastInsertRowId;
    }

    public void Dispose()
    {
        foreach (var cmd in _commands)
            cmd.Dispose();
    }
}
