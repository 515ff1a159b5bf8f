namespace NlpPipeline.Storage;

/// <summary>
/// The store's tables. Per-document rows (everything but <c>entities</c>, <c>entity_forms</c>,
/// <c>entity_names</c>, <c>name_fts</c>) carry <c>doc_id</c> and are replaced whole when a document is indexed
/// again; the canonical tables are rebuilt from them by entity resolution. Search columns hold
/// <see cref="SearchText.Fold"/> text, so FTS5 matches without diacritics, <c>đ</c> included.
/// </summary>
internal static class StoreSchema
{
    public const int Version = 4;

    /// <summary>
    /// Indexes with random insertion order that <see cref="SqliteAnnotationStore.Index"/> drops during its batches
    /// and creates again (one sort) before resolution. After a crash mid-load, opening the store for writing
    /// creates them again from <see cref="Create"/>.
    /// </summary>
    public const string DropBulkLoadIndexes = "DROP INDEX IF EXISTS doc_entities_form;";

    /// <inheritdoc cref="DropBulkLoadIndexes"/>
    public const string CreateBulkLoadIndexes = "CREATE INDEX IF NOT EXISTS doc_entities_form ON doc_entities(type, form_key);";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS documents (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            title TEXT, date TEXT, url TEXT, source TEXT,
            topic TEXT, topic_score REAL, gold_topic TEXT,
            text_length INTEGER NOT NULL, error TEXT,
            sort_date TEXT NOT NULL); -- date, or '~' (after every date) when there is none
        CREATE INDEX IF NOT EXISTS documents_order ON documents(sort_date, key);
        -- One row per document-local entity (mentions sharing a ref, or a speaker).
        CREATE TABLE IF NOT EXISTS doc_entities (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id),
            local_key TEXT NOT NULL,
            type TEXT NOT NULL, name TEXT NOT NULL, form_key TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS doc_entities_doc ON doc_entities(doc_id);
        -- Dropped while Index loads batches and rebuilt before resolution (BulkLoadIndexes).
        CREATE INDEX IF NOT EXISTS doc_entities_form ON doc_entities(type, form_key);
        -- Mention spans, clustered by document and offset (the only access paths); the text is the document's.
        -- doc_entity_id is not a declared foreign key: checking it when doc_entities rows are deleted would scan
        -- this table (no index leads with it); rows of one document are deleted together and CheckIntegrity
        -- looks for orphans.
        CREATE TABLE IF NOT EXISTS mentions (
            doc_id INTEGER NOT NULL REFERENCES documents(id),
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            doc_entity_id INTEGER NOT NULL,
            type TEXT NOT NULL,
            PRIMARY KEY (doc_id, start, "end", doc_entity_id, type)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS aliases (
            doc_id INTEGER NOT NULL REFERENCES documents(id),
            doc_entity_id INTEGER NOT NULL REFERENCES doc_entities(id),
            alias TEXT NOT NULL,
            PRIMARY KEY (doc_entity_id, alias)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS aliases_doc ON aliases(doc_id);
        CREATE TABLE IF NOT EXISTS titles (
            doc_id INTEGER NOT NULL REFERENCES documents(id),
            doc_entity_id INTEGER NOT NULL REFERENCES doc_entities(id),
            title TEXT NOT NULL, start INTEGER, "end" INTEGER);
        CREATE INDEX IF NOT EXISTS titles_doc ON titles(doc_id);
        CREATE INDEX IF NOT EXISTS titles_entity ON titles(doc_entity_id);
        CREATE TABLE IF NOT EXISTS quotes (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id),
            type TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, content TEXT NOT NULL,
            cue TEXT,
            speaker_entity_id INTEGER REFERENCES doc_entities(id),
            speaker_name TEXT, speaker_mention TEXT, speaker_kind TEXT, speaker_title TEXT,
            confidence REAL NOT NULL,
            sort_key TEXT NOT NULL); -- documents.sort_date, U+0001, documents.key: the listing order
        CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc_id, start);
        CREATE INDEX IF NOT EXISTS quotes_order ON quotes(sort_key, start);
        CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_entity_id);
        -- Folded quote content; rowid = quotes.id.
        CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5(content, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
        CREATE TABLE IF NOT EXISTS topics (
            doc_id INTEGER NOT NULL REFERENCES documents(id),
            label TEXT NOT NULL, kind TEXT NOT NULL, score REAL);
        CREATE INDEX IF NOT EXISTS topics_doc ON topics(doc_id);
        CREATE INDEX IF NOT EXISTS topics_label ON topics(label, kind);
        -- Canonical entities, rebuilt by resolution.
        CREATE TABLE IF NOT EXISTS entities (
            id INTEGER PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, slug TEXT NOT NULL,
            quotes INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0,
            UNIQUE (type, slug));
        CREATE INDEX IF NOT EXISTS entities_quotes ON entities(quotes DESC);
        CREATE TABLE IF NOT EXISTS entity_forms (
            type TEXT NOT NULL, form_key TEXT NOT NULL, entity_id INTEGER NOT NULL REFERENCES entities(id),
            PRIMARY KEY (type, form_key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS entity_forms_entity ON entity_forms(entity_id);
        CREATE TABLE IF NOT EXISTS entity_names (
            id INTEGER PRIMARY KEY, entity_id INTEGER NOT NULL REFERENCES entities(id),
            name TEXT NOT NULL, documents INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS entity_names_entity ON entity_names(entity_id);
        -- Folded names; rowid = entity_names.id.
        CREATE VIRTUAL TABLE IF NOT EXISTS name_fts USING fts5(name, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
        """;
}
