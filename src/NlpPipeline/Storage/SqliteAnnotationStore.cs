using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NlpPipeline.Documents;

namespace NlpPipeline.Storage;

/// <summary>What one indexing run wrote.</summary>
public readonly record struct IndexStats(int Documents, int Quotes, int Entities, int Batches);

/// <summary>
/// The SQLite store of annotated documents (WAL, so readers keep working while a batch writes). Each batch of
/// documents is one transaction: a crash mid-batch leaves every earlier batch and nothing of the failed one.
/// Indexing a document whose id is already stored replaces all of its rows. Canonical entities across
/// documents are rebuilt by <see cref="ResolveEntities"/>, which <see cref="Index"/> runs at its end.
/// One instance is not thread-safe; open one per thread.
/// </summary>
public sealed partial class SqliteAnnotationStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private bool _bulkLoad;
    private FormUses? _loadUses;
    // During a load into an empty store: the highest prepared form id committed (BatchWriter.PreparedFormsWritten).
    private long? _loadFormsWritten;
    // During a load into a store that had no documents: the hash codes of the ids written (BatchWriter.LoadedIdHashes).
    private HashSet<int>? _loadIdHashes;
    private readonly List<(string Phase, TimeSpan Elapsed)> _phases = [];
    private long _quoteFtsTicks;

    /// <summary>The background checkpointer of the last load into an empty store (null: none), for tests.</summary>
    internal WalCheckpointer? LastCheckpointer { get; private set; }

    /// <summary>
    /// Wall time of each phase of the last <see cref="Index(IEnumerable{AnnotatedDocument}, int)"/> or
    /// <see cref="ResolveEntities()"/> call, in order (for the benchmark's breakdown); phases prefixed with
    /// "of which" are part of the phase before them, those prefixed with "alongside:" ran on another thread during it.
    /// </summary>
    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> LastPhases => _phases;

    private void Phase(string name, ref long since)
    {
        var now = Stopwatch.GetTimestamp();
        _phases.Add((name, Stopwatch.GetElapsedTime(since, now)));
        since = now;
    }

    private SqliteAnnotationStore(SqliteConnection connection) => _connection = connection;

    // The page cache outside loads into an empty store: 64 MB (negative: KiB).
    private const int CacheSize = -65536;

    internal SqliteConnection Connection => _connection;

    /// <summary>Opens (creating when missing, unless <paramref name="readOnly"/>) the store at <paramref name="path"/>.</summary>
    public static SqliteAnnotationStore Open(string path, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (readOnly && !File.Exists(path))
            throw new FileNotFoundException($"No store at {path}.", path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 30000;");
            if (!readOnly)
            {
                Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
                var version = TableExists(connection, "store_meta")
                    ? Scalar(connection, "SELECT value FROM store_meta WHERE key = 'schema_version'")
                    : null;
                if (version is not null && version != StoreSchema.Version.ToString(CultureInfo.InvariantCulture))
                    throw new InvalidOperationException($"{path} has store schema {version}; this build reads schema {StoreSchema.Version}. Index into a new file.");
                Execute(connection, StoreSchema.Create);
                Execute(connection, $"INSERT OR IGNORE INTO store_meta(key, value) VALUES ('schema_version', '{StoreSchema.Version}');");
            }
            Execute(connection, $"PRAGMA temp_store = MEMORY; PRAGMA cache_size = {CacheSize};");
            return new SqliteAnnotationStore(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Indexes <paramref name="documents"/> in transactions of <paramref name="batchSize"/> documents, then
    /// resolves entities. An exception from the source or the database rolls back the current batch only.
    /// </summary>
    public IndexStats Index(IEnumerable<AnnotatedDocument> documents, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return Index(uses => Prepared(documents.Select(d => (d, d.Text.Length)), uses), batchSize);
    }

    /// <summary>
    /// Indexes annotation JSON Lines files (<see cref="AnnotationLines"/>) as <see cref="Index(IEnumerable{AnnotatedDocument}, int)"/>
    /// does, in a pipeline of three threads: one reads and parses the lines, one prepares their rows
    /// (<see cref="BatchWriter.Prepare"/>), and the calling thread writes them, each up to 16 documents ahead of the
    /// next, in order; a malformed line is reported to <paramref name="malformed"/> (on the parsing thread) and skipped.
    /// </summary>
    public IndexStats IndexJsonLines(IEnumerable<string> paths, Action<string, int, JsonException> malformed, int batchSize = 500) =>
        Index(uses => AnnotationLines.Prefetch(Prepared(AnnotationLines.Prefetch(AnnotationLines.ReadForStore(paths, malformed), 16), uses), 16), batchSize);

    // The documents prepared in order; with uses, each one's entities are added to it under its 1-based position.
    private static IEnumerable<PreparedDocument> Prepared(IEnumerable<(AnnotatedDocument Document, int TextLength)> documents, FormUses? uses)
    {
        long ordinal = 0;
        foreach (var (doc, textLength) in documents)
            yield return BatchWriter.Prepare(doc, textLength, uses, ++ordinal);
    }

    // source: the documents to write, given the form uses to gather while preparing them (null: none).
    private IndexStats Index(Func<FormUses?, IEnumerable<PreparedDocument>> source, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int docs = 0, quotes = 0, batches = 0;
        // Loading into a store with documents: checkpoint the WAL every 64 MB rather than every 4 MB (pages rewritten
        // by later batches are copied to the database once). Into an empty store: a 256 MB page cache and no
        // checkpoints on the writing connection; once the batches are written, a WalCheckpointer copies them on its
        // own thread while the indexes are rebuilt and entities resolved, and a final checkpoint copies what those
        // wrote. Every batch is one transaction in the WAL either way, so commits and crash safety are unchanged.
        // Indexes are dropped for the batches and rebuilt with one sort each before resolution: into a store
        // without documents, every per-document index but those a load appends to in key order (StoreSchema.PerDocumentIndexes);
        // otherwise the random-order form index only, since
        // replacing documents deletes by doc_id. Each batch stays one transaction, and a store left without
        // them is repaired when next opened for writing.
        // Into an empty store, foreign keys are not checked (each check is an index seek per row: ≈ 0.15-0.3 s of CPU
        // per VNTC load): the writer adds every parent row before its children in the same transaction, and deletes
        // children first when a document repeats. CheckIntegrity counts orphans. Nor is each document looked up by its
        // key before it is written, unless its key's hash code was written before in the load (BatchWriter.LoadedIdHashes).
        _bulkLoad = Scalar<long>("SELECT EXISTS (SELECT 1 FROM documents)") == 0;
        var bulkLoad = _bulkLoad;
        Execute(_connection, bulkLoad ? "PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF;" : "PRAGMA wal_autocheckpoint = 16384;");
        // Into an empty store, preparing the documents also gathers the form uses that resolution would read back.
        _loadUses = _bulkLoad ? new FormUses(countSpeakers: true) : null;
        var documents = source(_loadUses);
        // Into an empty store, the forms are numbered while preparing, from 1: forms left by deleted documents go
        // (with the canonical forms that point to them, which resolution rewrites whole).
        _loadFormsWritten = _bulkLoad ? 0 : null;
        _loadIdHashes = _bulkLoad ? [] : null;
        Execute(_connection, _bulkLoad ? "DELETE FROM entity_forms; DELETE FROM forms;" + StoreSchema.DropPerDocumentIndexes : StoreSchema.DropFormIndex);
        // Into an empty store, the WAL is copied into the database file alongside the load, on another connection.
        using var checkpointer = bulkLoad && !string.IsNullOrEmpty(_connection.DataSource) ? new WalCheckpointer(_connection.DataSource) : null;
        LastCheckpointer = checkpointer;
        try
        {
            return IndexBatches();
        }
        finally
        {
            _bulkLoad = false;
            _loadUses = null;
            _loadFormsWritten = null;
            _loadIdHashes = null;
            Execute(_connection, StoreSchema.CreatePerDocumentIndexes);
            Execute(_connection, $"PRAGMA wal_autocheckpoint = 1000; PRAGMA cache_size = {CacheSize}; PRAGMA foreign_keys = ON;");
        }

        IndexStats IndexBatches()
        {
            _phases.Clear();
            _quoteFtsTicks = 0;
            var since = Stopwatch.GetTimestamp();
            // Documents are written as they come, batchSize to a transaction: only the prefetched ones wait in memory.
            using (var source = documents.GetEnumerator())
            {
                var more = true;
                while (more)
                {
                    var (written, batchQuotes) = IndexBatch(Take(source, batchSize, () => more = false));
                    if (written == 0)
                        break;
                    docs += written;
                    quotes += batchQuotes;
                    batches++;
                }
            }
            Phase("batches (parse wait + document writes)", ref since);
            _phases.Add(("of which quote FTS inserts", Stopwatch.GetElapsedTime(0, _quoteFtsTicks)));
            _bulkLoad = false;
            // Resolution needs only the form uses: with them in hand, it runs while SQLite builds the indexes.
            var planTime = TimeSpan.Zero;
            var plan = _loadUses is { } uses ? Task.Run(() =>
            {
                var start = Stopwatch.GetTimestamp();
                var planned = PlanResolution(uses);
                planTime = Stopwatch.GetElapsedTime(start);
                return planned;
            }) : null;
            checkpointer?.Committed(); // the batches
            Execute(_connection, StoreSchema.CreatePerDocumentIndexes);
            checkpointer?.Committed(); // the indexes: copied while resolution writes
            Phase("per-document index rebuild (resolver alongside)", ref since);
            var planPhase = _phases.Count;
            var entities = ResolveEntities(plan, clearPhases: false);
            _phases.Insert(planPhase, ("alongside: the resolver's plan, on another thread", planTime));
            since = Stopwatch.GetTimestamp();
            if (bulkLoad)
            {
                // Copies the rest of the load into the database file now rather than when the store is closed
                // (readers are not waited for), once a background checkpoint still running has ended.
                checkpointer?.Stop();
                Execute(_connection, "PRAGMA wal_checkpoint(PASSIVE);");
                Phase("WAL checkpoint", ref since);
            }
            return new IndexStats(docs, quotes, entities, batches);
        }
    }

    // Up to count items of source; calls ended when the source has no more.
    private static IEnumerable<T> Take<T>(IEnumerator<T> source, int count, Action ended)
    {
        for (var i = 0; i < count; i++)
        {
            if (!source.MoveNext())
            {
                ended();
                yield break;
            }
            yield return source.Current;
        }
    }

    /// <summary>Writes one batch in one transaction (all or nothing) and returns the number of quotes written.</summary>
    public int IndexBatch(IReadOnlyList<AnnotatedDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return IndexBatch(batch.Select(d => BatchWriter.Prepare(d, d.Text.Length))).Quotes;
    }

    // Writes the documents in one transaction, committed when there is at least one; returns the numbers written.
    private (int Documents, int Quotes) IndexBatch(IEnumerable<PreparedDocument> batch)
    {
        using var transaction = _connection.BeginTransaction();
        using var writer = new BatchWriter(_connection, transaction) { PreparedFormsWritten = _loadFormsWritten, LoadedIdHashes = _loadIdHashes };
        // A document indexed again during a bulk load: its rows are found through the per-document indexes,
        // the form uses gathered so far include the replaced rows, so resolution reads them back, and forms are
        // looked up from here on (those prepared later were numbered in the uses).
        if (_bulkLoad)
            writer.BeforeReplace = () =>
            {
                _bulkLoad = false;
                _loadUses = null;
                _loadFormsWritten = writer.PreparedFormsWritten = null;
                writer.BeforeReplace = null;
                Execute(_connection, StoreSchema.CreatePerDocumentIndexes, transaction);
            };
        int docs = 0, quotes = 0;
        foreach (var doc in batch)
        {
            quotes += writer.Write(doc);
            docs++;
        }
        _quoteFtsTicks += writer.QuoteFtsTicks;
        if (docs > 0)
            transaction.Commit();
        _loadFormsWritten = writer.PreparedFormsWritten;
        return (docs, quotes);
    }

    /// <summary>Removes a document and all of its rows; true when it was stored. Run <see cref="ResolveEntities"/> after.</summary>
    public bool Delete(string documentId)
    {
        using var transaction = _connection.BeginTransaction();
        using var writer = new BatchWriter(_connection, transaction);
        var removed = writer.Delete(documentId);
        transaction.Commit();
        return removed;
    }

    /// <summary>
    /// Rebuilds the canonical entities, their name forms and searchable names from the per-document rows
    /// (<see cref="NameSuffixEntityResolver"/>), in one transaction; returns the number of entities.
    /// </summary>
    public int ResolveEntities() => ResolveEntities(null, clearPhases: true);

    /// <summary>
    /// What resolution writes: the canonical entities (ids from 1 in order), per entity its quote and document counts
    /// as a speaker (null when the form uses did not count them), and their searchable names (made on another thread
    /// while the entities are written).
    /// </summary>
    internal sealed record ResolutionPlan(IReadOnlyList<CanonicalEntity> Entities, (long Quotes, long Documents)[]? SpeakerCounts,
        Task<List<(long Entity, string Alias, long Documents, string Folded)>> Names);

    // The managed part of resolution, from the form uses alone (no database access, so it may run on another thread).
    // Runs once per load: compiled optimised at once (tiered compilation would run it unoptimised).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static ResolutionPlan PlanResolution(FormUses uses)
    {
        var entities = NameSuffixEntityResolver.Resolve(uses.Forms());
        for (var i = 0; i < entities.Count; i++)
        {
            foreach (var form in entities[i].Forms)
                uses.SetEntity(form, i + 1);
        }
        // The names only read the uses from here on, as do the speaker counts.
        return new ResolutionPlan(entities, SpeakerCounts(uses, entities.Count), Task.Run(() => Names(uses, entities.Count)));
    }

    // Every alias of every form, counted in documents, becomes a searchable name of its entity: per entity, aliases
    // equal under the default string comparer are one name, spelt as first seen, and the names are in that comparer's
    // order (as in a map sorted by entity and alias). The forms' entities are set.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static List<(long Entity, string Alias, long Documents, string Folded)> Names(FormUses uses, int entities)
    {
        var perEntity = new List<(string Alias, long Documents)>?[entities + 1];
        var count = 0;
        foreach (var (entity, alias, documents) in uses.EntityAliases())
        {
            (perEntity[entity] ??= new(1)).Add((alias, documents));
            count++;
        }
        var names = new List<(long Entity, string Alias, long Documents, string Folded)>(count);
        var order = new List<int>();
        for (var entity = 1; entity < perEntity.Length; entity++)
        {
            if (perEntity[entity] is not { } list)
                continue;
            if (list.Count == 1)
            {
                names.Add((entity, list[0].Alias, list[0].Documents, SearchText.Fold(list[0].Alias)));
                continue;
            }
            // Sorted by the comparer, equal aliases in the order seen: each run of equal ones is one name.
            order.Clear();
            for (var i = 0; i < list.Count; i++)
                order.Add(i);
            order.Sort((a, b) => Comparer<string>.Default.Compare(list[a].Alias, list[b].Alias) is var c and not 0 ? c : a.CompareTo(b));
            for (var start = 0; start < order.Count;)
            {
                var (alias, documents) = list[order[start]];
                var end = start + 1;
                for (; end < order.Count && Comparer<string>.Default.Compare(list[order[end]].Alias, alias) == 0; end++)
                    documents += list[order[end]].Documents;
                names.Add((entity, alias, documents, SearchText.Fold(alias)));
                start = end;
            }
        }
        return names;
    }

    // Per entity (index id - 1): its attributed quotes and the distinct documents they are in, as the speaker-count
    // query of ResolveEntities computes them; null when the uses did not count speakers. The forms' entities are set.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (long Quotes, long Documents)[]? SpeakerCounts(FormUses uses, int entities)
    {
        if (uses.SpeakerQuotes is not { } speakerQuotes)
            return null;
        var counts = new (long Quotes, long Documents)[entities];
        var lastDocument = new long[entities];
        // Added document by document: an entity's documents are counted once each, whichever of its forms spoke.
        foreach (var (document, form, quotes) in speakerQuotes)
        {
            var i = uses.EntityOf(form) - 1;
            counts[i].Quotes += quotes;
            if (lastDocument[i] != document)
            {
                lastDocument[i] = document;
                counts[i].Documents++;
            }
        }
        return counts;
    }

    // planned: resolution planned (on another thread) from the form uses of every stored per-document entity when the
    // caller had them (a load into an empty store), waited for here; otherwise the uses are read from doc_entities and planned here.
    private int ResolveEntities(Task<ResolutionPlan>? planned, bool clearPhases)
    {
        if (clearPhases)
            _phases.Clear();
        var since = Stopwatch.GetTimestamp();
        var plan = planned?.GetAwaiter().GetResult();
        using var transaction = _connection.BeginTransaction();
        if (plan is null)
        {
            var uses = new FormUses();
            // Rowid order: a document's rows are consecutive.
            using var cmd = Command("""
                SELECT de.doc_id, f.type, f.form_key, de.name, de.aliases, f.id FROM doc_entities de JOIN forms f ON f.id = de.form_id ORDER BY de.id
                """, transaction);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                uses.Add(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4).Split(BatchWriter.AliasSeparator, StringSplitOptions.RemoveEmptyEntries), reader.GetInt64(5));
            using var titles = Command("""
                SELECT f.type, f.form_key, t.title FROM titles t JOIN doc_entities de ON de.id = t.doc_entity_id JOIN forms f ON f.id = de.form_id
                """, transaction);
            using var titleReader = titles.ExecuteReader();
            while (titleReader.Read())
                uses.AddTitle(titleReader.GetString(0), titleReader.GetString(1), titleReader.GetString(2));
            Phase("resolve: read form uses", ref since);
            plan = PlanResolution(uses);
        }
        Phase("resolve: resolver (managed; after a load, the wait for it)", ref since);

        // The canonical tables are written whole: their secondary indexes are built once after the rows.
        // Forms no document entity has any more (their documents were deleted or replaced) go, when read from the rows.
        Execute(_connection, "DELETE FROM entity_forms; DELETE FROM entity_names; DELETE FROM entities; INSERT INTO name_fts(name_fts) VALUES ('delete-all');"
            + (planned is null ? "DELETE FROM forms WHERE id NOT IN (SELECT form_id FROM doc_entities);" : "")
            + StoreSchema.DropCanonicalIndexes, transaction);
        using (var insertEntity = new RawStatement(_connection, "INSERT INTO entities(id, type, name, slug, quotes, documents) VALUES ($id, $type, $name, $slug, $quotes, $docs)",
            "$id", "$type", "$name", "$slug", "$quotes", "$docs"))
        using (var insertForm = new RawStatement(_connection, "INSERT INTO entity_forms(form_id, entity_id) VALUES ($form, $id)", "$form", "$id"))
        {
            long id = 0;
            List<long> forms = new(plan.Entities.Count), formEntities = new(plan.Entities.Count);
            foreach (var entity in plan.Entities)
            {
                id++;
                var (quotes, documents) = plan.SpeakerCounts?[id - 1] ?? default;
                insertEntity.Int(0, id).Text(1, entity.Type).Text(2, entity.Name).Text(3, entity.Slug).Int(4, quotes).Int(5, documents).Step();
                foreach (var form in entity.Forms)
                {
                    forms.Add(form.Id);
                    formEntities.Add(id);
                }
            }
            // In form id order, so that the table is appended to.
            var formIds = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(forms);
            formIds.Sort(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(formEntities));
            for (var i = 0; i < formIds.Length; i++)
                insertForm.Int(0, formIds[i]).Int(1, formEntities[i]).Step();
        }

        Phase("resolve: clear canonical tables + write entities, forms (names made alongside)", ref since);
        using (var insertName = new RawStatement(_connection, "INSERT INTO entity_names(id, entity_id, name, documents) VALUES ($id, $entity, $name, $docs)", "$id", "$entity", "$name", "$docs"))
        using (var insertFts = new RawStatement(_connection, "INSERT INTO name_fts(rowid, name) VALUES ($id, $folded)", "$id", "$folded"))
        {
            long id = 0;
            foreach (var (entity, alias, count, folded) in plan.Names.GetAwaiter().GetResult())
            {
                id++;
                insertName.Int(0, id).Int(1, entity).Text(2, alias).Int(3, count).Step();
                insertFts.Int(0, id).Text(1, folded).Step();
            }
        }
        Phase("resolve: write names + name FTS", ref since);
        // Quote and document counts per speaker, so that listing speakers needs no scan of the quotes (a load into an
        // empty store counted them while preparing its documents).
        if (plan.SpeakerCounts is null)
            Execute(_connection, """
            WITH c AS (
                SELECT ef.entity_id AS id, count(*) AS n, count(DISTINCT q.doc_id) AS d FROM quotes q
                JOIN doc_entities de ON de.id = q.speaker_entity_id
                JOIN entity_forms ef ON ef.form_id = de.form_id
                GROUP BY ef.entity_id)
            UPDATE entities SET quotes = c.n, documents = c.d FROM c WHERE c.id = entities.id;
            """, transaction);
        Phase("resolve: speaker counts", ref since);
        Execute(_connection, StoreSchema.CreateCanonicalIndexes, transaction);
        Phase("resolve: canonical index build", ref since);
        transaction.Commit();
        Phase("resolve: commit", ref since);
        return plan.Entities.Count;
    }

    /// <summary>Number of stored documents, quotes and canonical entities.</summary>
    public (long Documents, long Quotes, long Entities) Counts() => (
        Scalar<long>("SELECT count(*) FROM documents"),
        Scalar<long>("SELECT count(*) FROM quotes"),
        Scalar<long>("SELECT count(*) FROM entities"));

    /// <summary>Runs SQLite's integrity check and FTS5 integrity checks; returns "ok" or the first problem.</summary>
    public string CheckIntegrity()
    {
        var result = Scalar<string>("PRAGMA integrity_check") ?? "no answer";
        if (result != "ok")
            return result;
        var orphans = Scalar<long>("""
            SELECT (SELECT count(*) FROM quotes WHERE doc_id NOT IN (SELECT id FROM documents))
                 + (SELECT count(*) FROM doc_entities WHERE doc_id NOT IN (SELECT id FROM documents))
                 + (SELECT count(*) FROM doc_entities WHERE form_id NOT IN (SELECT id FROM forms))
                 + (SELECT count(*) FROM titles WHERE doc_entity_id NOT IN (SELECT id FROM doc_entities))
                 + (SELECT count(*) FROM quotes WHERE speaker_entity_id NOT IN (SELECT id FROM doc_entities))
                 + (SELECT count(*) FROM topics WHERE doc_id NOT IN (SELECT id FROM documents))
                 + (SELECT count(*) FROM doc_entities WHERE NOT json_valid(mentions))
            """);
        return orphans == 0 ? "ok" : $"{orphans} orphan or malformed rows";
    }

    public void Dispose() => _connection.Dispose();

    internal T? Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, null);
        foreach (var (name, value) in parameters)
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var value2 = cmd.ExecuteScalar();
        return value2 is null or DBNull ? default : (T)Convert.ChangeType(value2, typeof(T), CultureInfo.InvariantCulture);
    }

    internal SqliteCommand Command(string sql, SqliteTransaction? transaction)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = transaction;
        return cmd;
    }

    private static void Run(SqliteCommand cmd, params (string Name, object? Value)[] values)
    {
        cmd.Parameters.Clear();
        foreach (var (name, value) in values)
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    private static bool TableExists(SqliteConnection connection, string table) =>
        Scalar(connection, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{table}'") is not null;

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar()?.ToString();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = transaction;
        cmd.ExecuteNonQuery();
    }
}

