namespace NlpPipeline.Storage;

/// <summary>
/// The store's tables. Per-document rows (everything but <c>entities</c>, <c>entity_forms</c>,
/// <c>entity_names</c>, <c>name_fts</c>) carry <c>doc_id</c> and are replaced whole when a document is indexed
/// again; the canonical tables are rebuilt from them by entity resolution. Search columns hold
/// <see cref="SearchText.Fold"/> text, so FTS5 matches without diacritics, <c>đ</c> included.
/// </summary>
internal static class StoreSchema
{
    public const int Version = 8;

    /// <summary>
    /// The secondary indexes of the per-document tables and of <c>forms</c> (a load into an empty store numbers its
    /// forms while preparing, so it looks none up by key). <see cref="SqliteAnnotationStore.Index"/> into a store
    /// without documents drops those not <c>InLoadOrder</c> for its batches and creates them again (one sort each)
    /// before resolution; the others stay, since a load appends to them in key order: the doc_id ones, and those on
    /// the document-entity ids that titles and quote speakers point to (NULL speakers go to one end). Random-order
    /// inserts into the rest were measured to cost more CPU than building them with one sort. After a crash mid-load,
    /// opening the store for writing creates them again (they are part of <see cref="Create"/>).
    /// </summary>
    public static readonly (string Name, string Definition, bool InLoadOrder, bool Unique)[] PerDocumentIndexes =
    [
        ("doc_entities_doc", "doc_entities(doc_id)", true, false),
        ("doc_entities_form", "doc_entities(form_id)", false, false),
        ("forms_key", "forms(type, form_key)", false, true),
        ("titles_doc", "titles(doc_id)", true, false),
        ("titles_entity", "titles(doc_entity_id)", true, false),
        ("quotes_doc", "quotes(doc_id, start)", true, false),
        ("quotes_order", "quotes(sort_key, start)", false, false),
        ("quotes_speaker", "quotes(speaker_entity_id)", true, false),
        ("topics_doc", "topics(doc_id)", true, false),
    ];

    /// <summary>Drops the per-document index with random insertion order (document entities by form).</summary>
    public const string DropFormIndex = "DROP INDEX IF EXISTS doc_entities_form;";

    /// <summary>Creates the missing <see cref="PerDocumentIndexes"/> (a form's (type, key) is unique).</summary>
    public static string CreatePerDocumentIndexes { get; } =
        string.Concat(PerDocumentIndexes.Select(i => $"CREATE {(i.Unique ? "UNIQUE " : "")}INDEX IF NOT EXISTS {i.Name} ON {i.Definition};\n"));

    /// <summary>Drops the <see cref="PerDocumentIndexes"/> that a load does not fill in key order.</summary>
    public static string DropPerDocumentIndexes { get; } =
        string.Concat(PerDocumentIndexes.Where(i => !i.InLoadOrder).Select(i => $"DROP INDEX IF EXISTS {i.Name};\n"));

    /// <summary>
    /// Indexes that earlier builds of schema 7 made and no query uses (EXPLAIN QUERY PLAN of every query, profile and
    /// export): documents are listed by <c>quotes.sort_key</c> or <c>documents.key</c>, and a topic is matched per
    /// document through <c>topics_doc</c> (<c>COLLATE NOCASE</c> cannot use a binary label index). Dropped on opening
    /// for writing, so that loads neither build nor maintain them.
    /// </summary>
    public const string DropRetiredIndexes = "DROP INDEX IF EXISTS documents_order; DROP INDEX IF EXISTS topics_label;";

    /// <summary>Creates every missing table and index, and drops the <see cref="DropRetiredIndexes"/>.</summary>
    public static string Create => Tables + CreatePerDocumentIndexes + CreateCanonicalIndexes + DropRetiredIndexes;

    /// <summary>
    /// The secondary indexes of the canonical tables. Entity resolution writes the tables whole: it drops those
    /// filled in random order before and creates them again after (inside its transaction), and keeps
    /// <c>entity_names_entity</c>, since names are written in entity order (appended to, cheaper than a scan and a sort).
    /// </summary>
    public const string CreateCanonicalIndexes = """
        CREATE INDEX IF NOT EXISTS entities_quotes ON entities(quotes DESC);
        CREATE INDEX IF NOT EXISTS entity_forms_entity ON entity_forms(entity_id);
        CREATE INDEX IF NOT EXISTS entity_names_entity ON entity_names(entity_id);
        """;

    /// <inheritdoc cref="CreateCanonicalIndexes"/>
    public const string DropCanonicalIndexes = "DROP INDEX IF EXISTS entities_quotes; DROP INDEX IF EXISTS entity_forms_entity;";

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS documents (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            title TEXT, date TEXT, url TEXT, source TEXT,
            topic TEXT, topic_score REAL, gold_topic TEXT,
            text_length INTEGER NOT NULL, error TEXT,
            sort_date TEXT NOT NULL, -- date, or '~' (after every date) when there is none
            topic_alternatives TEXT); -- the topic's alternatives: JSON array of {"label", "score"}; NULL without a topic
        -- The name forms (type, SearchText.NameKey) of document entities, numbered as first stored: document entities
        -- and canonical entities join on the integer id. A load into an empty store numbers them while preparing.
        CREATE TABLE IF NOT EXISTS forms (id INTEGER PRIMARY KEY, type TEXT NOT NULL, form_key TEXT NOT NULL);
        -- One row per document-local entity (mentions sharing a ref, or a speaker).
        CREATE TABLE IF NOT EXISTS doc_entities (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id),
            type TEXT NOT NULL, name TEXT NOT NULL, form_id INTEGER NOT NULL REFERENCES forms(id),
            aliases TEXT NOT NULL, -- the name forms it goes by in the document, BatchWriter.AliasSeparator between
            -- Its mention spans: a JSON array of [start, end] pairs (offsets into the document's text), one per distinct
            -- span and mention type, in text order; '[]' for a speaker never mentioned. Read with json_each.
            mentions TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS titles (
            doc_id INTEGER NOT NULL REFERENCES documents(id),
            doc_entity_id INTEGER NOT NULL REFERENCES doc_entities(id),
            title TEXT NOT NULL, start INTEGER, "end" INTEGER);
        CREATE TABLE IF NOT EXISTS quotes (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id),
            type TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, content TEXT NOT NULL,
            cue TEXT,
            speaker_entity_id INTEGER REFERENCES doc_entities(id),
            speaker_name TEXT, speaker_mention TEXT, speaker_kind TEXT, speaker_title TEXT,
            confidence REAL NOT NULL,
            sort_key TEXT NOT NULL); -- documents.sort_date, U+0001, documents.key: the listing order
        -- Folded quote content; rowid = quotes.id.
        CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5(content, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
        -- The labels a document is filed under: kind 'label' (the topic, with its score), 'subtopic' or 'gold'.
        CREATE TABLE IF NOT EXISTS topics (
            doc_id INTEGER NOT NULL REFERENCES documents(id),
            label TEXT NOT NULL, kind TEXT NOT NULL, score REAL);
        -- Canonical entities, rebuilt by resolution.
        CREATE TABLE IF NOT EXISTS entities (
            id INTEGER PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, slug TEXT NOT NULL,
            quotes INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0,
            UNIQUE (type, slug));
        CREATE TABLE IF NOT EXISTS entity_forms (
            form_id INTEGER PRIMARY KEY REFERENCES forms(id), entity_id INTEGER NOT NULL REFERENCES entities(id));
        CREATE TABLE IF NOT EXISTS entity_names (
            id INTEGER PRIMARY KEY, entity_id INTEGER NOT NULL REFERENCES entities(id),
            name TEXT NOT NULL, documents INTEGER NOT NULL);
        -- Folded names; rowid = entity_names.id.
        CREATE VIRTUAL TABLE IF NOT EXISTS name_fts USING fts5(name, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
        """;
}
