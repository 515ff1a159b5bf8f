using NlpPipeline.Documents;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Storage;

/// <summary>
/// An <see cref="IDocumentSink"/> that writes into a <see cref="SqliteAnnotationStore"/>: documents are gathered
/// into batches of <c>batchSize</c>, each committed in one transaction; <see cref="Flush"/> commits the
/// partial batch and resolves entities across documents, so after it every document written is stored and
/// queryable. A crash loses at most the uncommitted batch and leaves the store consistent.
/// </summary>
public sealed class SqliteDocumentSink : IDocumentSink
{
    private readonly SqliteAnnotationStore _store;
    private readonly bool _ownsStore;
    private readonly int _batchSize;
    private readonly List<AnnotatedDocument> _batch;
    private bool _unresolved;

    public SqliteDocumentSink(SqliteAnnotationStore store, int batchSize = 500, bool ownsStore = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _store = store;
        _ownsStore = ownsStore;
        _batchSize = batchSize;
        _batch = new List<AnnotatedDocument>(Math.Min(batchSize, 4096));
    }

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/>; disposing the sink closes it.</summary>
    public static SqliteDocumentSink Open(string path, int batchSize = 500) => new(SqliteAnnotationStore.Open(path), batchSize, ownsStore: true);

    /// <summary>Documents committed so far.</summary>
    public long Count { get; private set; }

    public void Write(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _batch.Add(document);
        if (_batch.Count >= _batchSize)
            Commit();
    }

    public void Flush()
    {
        Commit();
        if (_unresolved)
        {
            _store.ResolveEntities();
            _unresolved = false;
        }
    }

    private void Commit()
    {
        if (_batch.Count == 0)
            return;
        try
        {
            _store.IndexBatch(_batch);
            Count += _batch.Count;
            _unresolved = true;
        }
        finally
        {
            _batch.Clear();
        }
    }

    public void Dispose()
    {
        try
        {
            Flush();
        }
        finally
        {
            if (_ownsStore)
                _store.Dispose();
        }
    }
}
