using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NlpPipeline.Documents;

namespace NlpPipeline.Storage;

/// <summary>Prepared statements that write documents inside one caller-owned transaction.</summary>
internal sealed class BatchWriter : IDisposable
{
    /// <summary>Separates the aliases in <c>doc_entities.aliases</c> (aliases are single-spaced names, never holding it).</summary>
    public const char AliasSeparator = '\n';

    private readonly List<RawStatement> _commands = [];
    private readonly RawStatement _findDocument, _insertDocument, _insertEntity, _findForm, _insertForm,
        _insertTitle, _insertQuote, _insertQuoteFts, _insertTopic;
    private readonly RawStatement[] _deletes;
    private byte[] _sortKey = new byte[256];

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
            Make("DELETE FROM doc_entities WHERE doc_id = $doc", "$doc"),
            Make("DELETE FROM topics WHERE doc_id = $doc", "$doc"),
            Make("DELETE FROM documents WHERE id = $doc", "$doc"),
        ];
        _insertDocument = Make("""
            INSERT INTO documents(key, title, date, url, source, topic, topic_score, gold_topic, text_length, error, sort_date, topic_alternatives)
            VALUES ($key, $title, $date, $url, $source, $topic, $score, $gold, $length, $error, $sort, $alternatives)
            """, "$key", "$title", "$date", "$url", "$source", "$topic", "$score", "$gold", "$length", "$error", "$sort", "$alternatives");
        _insertEntity = Make("""
            INSERT INTO doc_entities(doc_id, type, name, form_id, aliases, mentions) VALUES ($doc, $type, $name, $form, $aliases, $mentions)
            """, "$doc", "$type", "$name", "$form", "$aliases", "$mentions");
        _findForm = Make("SELECT id FROM forms WHERE type = $type AND form_key = $key", "$type", "$key");
        _insertForm = Make("INSERT INTO forms(id, type, form_key) VALUES ($id, $type, $key)", "$id", "$type", "$key");
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

    /// <summary>Stopwatch ticks spent inserting into <c>quote_fts</c> so far (for the benchmark's breakdown).</summary>
    public long QuoteFtsTicks { get; private set; }

    /// <summary>Runs once before the rows of a stored document are deleted (to replace it or on <see cref="Delete"/>).</summary>
    public Action? BeforeReplace { get; set; }

    /// <summary>
    /// Null (the default): a form's id is looked up in <c>forms</c> by its (type, key), and a new form is added with
    /// the next rowid. Otherwise the prepared entities carry form ids numbered 1, 2, … in the order this load first
    /// prepared them (<see cref="FormUses.Add"/>, into a store whose <c>forms</c> table was empty), and this is the
    /// highest of them written so far: a higher one is the next new form, added under its id.
    /// </summary>
    public long? PreparedFormsWritten { get; set; }

    /// <summary>
    /// Null (the default): every document written is looked up by its id first, to replace a stored one. Otherwise the
    /// load writes into a store that had no documents, and this holds the hash codes (<see cref="string.GetHashCode()"/>)
    /// of the ids it has written, in this batch and before: an id whose hash is not in it was not stored, so it is
    /// not looked up (the other ids are).
    /// </summary>
    public HashSet<int>? LoadedIdHashes { get; set; }

    /// <summary>Removes every row of the document with this id; true when it was stored.</summary>
    public bool Delete(string key)
    {
        if (_findDocument.Run(key) is not long id)
            return false;
        BeforeReplace?.Invoke();
        foreach (var delete in _deletes)
            delete.Run(id);
        return true;
    }

    /// <summary>
    /// The rows of <paramref name="doc"/> computed ahead of <see cref="Write"/>, which may run on another thread:
    /// local entities (<see cref="LocalEntityGrouper"/>) with their alias and mention columns, quote speakers and
    /// folded quote contents. When <paramref name="uses"/> is given, the document's entities are added to it under
    /// <paramref name="ordinal"/>, a number (not 0) that no other document added to it has.
    /// </summary>
    public static PreparedDocument Prepare(AnnotatedDocument doc, int textLength, FormUses? uses = null, long ordinal = 0)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var entities = LocalEntityGrouper.Group(doc, out var speakers);
        var spans = _spans ??= new byte[256];
        var rows = new List<PreparedEntity>(entities.Count);
        foreach (var entity in entities)
        {
            if (entity.Name.Length == 0)
                continue;
            entity.Row = rows.Count;
            var formId = uses?.Add(ordinal, entity.Type, entity.NameKey, entity.Name, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entity.Aliases)) ?? 0;
            rows.Add(new PreparedEntity(entity.Type, entity.Name, entity.NameKey, formId,
                entity.Aliases.Count == 1 ? entity.Aliases[0] : string.Join(AliasSeparator, entity.Aliases),
                MentionSpans(entity.Mentions, ref spans).ToArray(), entity.Titles.Count == 0 ? [] : [.. entity.Titles]));
            foreach (var (title, _, _) in entity.Titles)
                uses?.AddTitle(entity.Type, entity.NameKey, title);
        }
        var quoteSpeakers = new int[doc.Quotes.Length];
        var folded = new string[doc.Quotes.Length];
        int[]? rowQuotes = uses?.SpeakerQuotes is null ? null : new int[rows.Count];
        for (var i = 0; i < doc.Quotes.Length; i++)
        {
            var row = quoteSpeakers[i] = speakers[i]?.Row ?? -1;
            if (row >= 0 && rowQuotes is not null)
                rowQuotes[row]++;
            folded[i] = SearchText.Fold(doc.Quotes[i].Content);
        }
        for (var r = 0; rowQuotes is not null && r < rowQuotes.Length; r++)
        {
            if (rowQuotes[r] > 0)
                uses!.AddSpeakerQuotes(ordinal, rows[r].FormId, rowQuotes[r]);
        }
        _spans = spans;
        // The mentions are in the rows now: the prepared document does not keep them alive while it waits to be written.
        return new PreparedDocument(doc with { Entities = [] }, textLength, rows, quoteSpeakers, folded, TopicAlternatives(doc.Topic));
    }

    // Prepare's buffer for the mention spans of an entity, per thread.
    [ThreadStatic]
    private static byte[]? _spans;

    /// <summary>Replaces the stored rows of <paramref name="doc"/>; returns the number of quotes written.</summary>
    public int Write(AnnotatedDocument doc) => Write(Prepare(doc, doc.Text.Length));

    /// <summary>Replaces the stored rows of the prepared document; returns the number of quotes written.</summary>
    public int Write(PreparedDocument prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var doc = prepared.Document;
        var d = doc.Document;
        if (LoadedIdHashes?.Add(d.Id.GetHashCode()) != true)
            Delete(d.Id);
        var sortDate = string.IsNullOrEmpty(d.Date) ? "~" : d.Date;
        // The listing order of the document's quotes, encoded once for all of them.
        var sortKeyLength = System.Text.Encoding.UTF8.GetByteCount(sortDate) + 1 + System.Text.Encoding.UTF8.GetByteCount(d.Id);
        if (_sortKey.Length < sortKeyLength)
            _sortKey = new byte[Math.Max(sortKeyLength, _sortKey.Length * 2)];
        var written = System.Text.Encoding.UTF8.GetBytes(sortDate, _sortKey);
        _sortKey[written++] = 1;
        written += System.Text.Encoding.UTF8.GetBytes(d.Id, _sortKey.AsSpan(written));
        var sortKey = _sortKey.AsSpan(0, written);
        var topic = doc.Topic;
        var docId = _insertDocument.Text(0, d.Id).Text(1, d.Title).Text(2, d.Date).Text(3, d.Url).Text(4, d.Source)
            .Text(5, topic?.Label).Real(6, topic?.Score).Text(7, d.GoldTopic).Int(8, prepared.TextLength).Text(9, doc.Error)
            .Text(10, sortDate).Text(11, prepared.TopicAlternatives).Insert();

        if (topic is not null)
        {
            InsertTopic(docId, topic.Label, "label", topic.Score);
            foreach (var sub in topic.Subtopics)
                InsertTopic(docId, sub, "subtopic", null);
        }
        if (d.GoldTopic is { Length: > 0 } gold)
            InsertTopic(docId, gold, "gold", null);

        var rowIds = new long[prepared.Entities.Count];
        for (var r = 0; r < rowIds.Length; r++)
        {
            var entity = prepared.Entities[r];
            var id = rowIds[r] = _insertEntity.Int(0, docId).Text(1, entity.Type).Text(2, entity.Name)
                .Int(3, FormId(entity)).Text(4, entity.Aliases).Utf8(5, entity.Mentions).Insert();
            foreach (var (title, start, end) in entity.Titles)
                _insertTitle.Int(0, docId).Int(1, id).Text(2, title).Int(3, start).Int(4, end).Step();
        }

        for (var i = 0; i < doc.Quotes.Length; i++)
        {
            var q = doc.Quotes[i];
            long? speaker = prepared.Speakers[i] is var row and >= 0 ? rowIds[row] : null;
            var quoteId = _insertQuote.Int(0, docId).Text(1, q.Type).Int(2, q.Start).Int(3, q.End).Text(4, q.Content)
                .Text(5, q.Cue).Int(6, speaker).Text(7, q.Speaker?.Name).Text(8, q.Speaker?.Mention).Text(9, q.Speaker?.Kind)
                .Text(10, q.Speaker?.Title).Real(11, q.Confidence).Utf8(12, sortKey).Insert();
            var ftsStart = System.Diagnostics.Stopwatch.GetTimestamp();
            _insertQuoteFts.Int(0, quoteId).Text(1, prepared.FoldedQuotes[i]).Step();
            QuoteFtsTicks += System.Diagnostics.Stopwatch.GetTimestamp() - ftsStart;
        }
        return doc.Quotes.Length;
    }

    // The entity's forms.id, adding the form when it is new (see PreparedFormsWritten).
    private long FormId(PreparedEntity entity)
    {
        if (PreparedFormsWritten is { } written)
        {
            if (entity.FormId <= written)
                return entity.FormId;
            if (entity.FormId != written + 1)
                throw new InvalidOperationException($"Form {entity.FormId} was prepared out of order (forms up to {written} written).");
            PreparedFormsWritten = entity.FormId;
            return _insertForm.Int(0, entity.FormId).Text(1, entity.Type).Text(2, entity.NameKey).Insert();
        }
        return _findForm.Text(0, entity.Type).Text(1, entity.NameKey).Step()
            ?? _insertForm.Null(0).Text(1, entity.Type).Text(2, entity.NameKey).Insert();
    }

    /// <summary>
    /// <c>documents.topic_alternatives</c>: the topic's alternatives as a JSON array of <c>{"label", "score"}</c>
    /// objects in their order, or null without a topic.
    /// </summary>
    internal static string? TopicAlternatives(TopicAssignment? topic)
    {
        if (topic is null)
            return null;
        var json = new System.Text.StringBuilder("[", 128);
        foreach (var alt in topic.Alternatives)
        {
            if (json.Length > 1)
                json.Append(',');
            json.Append("{\"label\":").Append(JsonLabel(alt.Label))
                .Append(CultureInfo.InvariantCulture, $",\"score\":{alt.Score:R}}}");
        }
        return json.Append(']').ToString();
    }

    // Topic labels are a handful of names: each one's JSON string (JsonSerializer's escaping) is made once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> JsonLabels = new(StringComparer.Ordinal);

    private static string JsonLabel(string label) =>
        JsonLabels.TryGetValue(label, out var json) ? json
        : JsonLabels.Count < 1024 ? JsonLabels.GetOrAdd(label, static l => JsonSerializer.Serialize(l))
        : JsonSerializer.Serialize(label);

    /// <summary>
    /// <c>doc_entities.mentions</c> for <paramref name="mentions"/>: a JSON array of [start, end] pairs in text order,
    /// one per distinct (start, end, type), as UTF-8 written into <paramref name="buffer"/> (grown when short). Sorts <paramref name="mentions"/>.
    /// </summary>
    internal static ReadOnlySpan<byte> MentionSpans(List<Entity> mentions, ref byte[] buffer)
    {
        mentions.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? a.End.CompareTo(b.End) : string.CompareOrdinal(a.Type, b.Type));
        // '[' + per pair: ",[" + two ints of at most 11 chars + ',' + ']' + final ']'.
        var needed = 2 + mentions.Count * 27;
        if (buffer.Length < needed)
            buffer = new byte[Math.Max(needed, buffer.Length * 2)];
        var bytes = buffer.AsSpan();
        var n = 0;
        bytes[n++] = (byte)'[';
        Entity? previous = null;
        foreach (var m in mentions)
        {
            if (previous is not null && previous.Start == m.Start && previous.End == m.End && previous.Type == m.Type)
                continue;
            if (previous is not null)
                bytes[n++] = (byte)',';
            previous = m;
            bytes[n++] = (byte)'[';
            m.Start.TryFormat(bytes[n..], out var w, default, CultureInfo.InvariantCulture);
            n += w;
            bytes[n++] = (byte)',';
            m.End.TryFormat(bytes[n..], out w, default, CultureInfo.InvariantCulture);
            n += w;
            bytes[n++] = (byte)']';
        }
        bytes[n++] = (byte)']';
        return bytes[..n];
    }

    private void InsertTopic(long docId, string label, string kind, double? score) =>
        _insertTopic.Int(0, docId).Text(1, label).Text(2, kind).Real(3, score).Step();

    public void Dispose()
    {
        foreach (var cmd in _commands)
            cmd.Dispose();
    }
}

/// <summary>
/// The <c>doc_entities</c> columns of a local entity (<see cref="LocalEntity"/>; the mentions as UTF-8; the form's id as
/// <see cref="FormUses.Add"/> numbered it, 0 when not) and its titles.
/// </summary>
internal sealed record PreparedEntity(string Type, string Name, string NameKey, long FormId, string Aliases, byte[] Mentions,
    (string Title, int? Start, int? End)[] Titles);

/// <summary>
/// A document ready for <see cref="BatchWriter.Write(PreparedDocument)"/> (<see cref="Document"/> without its entity
/// mentions): its entities to store (those with a name),
/// for each quote the index of its speaker in <see cref="Entities"/> (-1 for none) and its folded content.
/// </summary>
internal sealed record PreparedDocument(AnnotatedDocument Document, int TextLength, List<PreparedEntity> Entities,
    int[] Speakers, string[] FoldedQuotes, string? TopicAlternatives);
