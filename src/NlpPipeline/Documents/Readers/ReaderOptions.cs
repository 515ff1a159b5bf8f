namespace NlpPipeline.Documents.Readers;

/// <summary>Limits for reading documents.</summary>
public sealed record ReaderOptions
{
    public const int DefaultMaxDocumentBytes = 20 * 1024 * 1024;

    /// <summary>
    /// Largest document accepted, in bytes as stored (after decompression); a larger one becomes an error
    /// record and is skipped without being held in memory.
    /// </summary>
    public int MaxDocumentBytes { get; init; } = DefaultMaxDocumentBytes;

    public static ReaderOptions Default { get; } = new();
}
