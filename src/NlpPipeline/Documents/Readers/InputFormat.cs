namespace NlpPipeline.Documents.Readers;

/// <summary>How the bytes of an input are laid out.</summary>
public enum InputKind
{
    /// <summary>One document: plain text or the archive record layout.</summary>
    Text,
    /// <summary>One JSON document a line.</summary>
    JsonLines,
    /// <summary>A tar archive of text and JSON Lines files.</summary>
    Tar,
}

/// <summary>The layout of an input and whether it is gzip-compressed, as its name tells.</summary>
public readonly record struct InputFormat(InputKind Kind, bool Gzip)
{
    /// <summary>
    /// The format for a file name; <paramref name="known"/> is false for a name with no extension of
    /// ours (read as plain text when named explicitly, left out of a folder).
    /// </summary>
    public static InputFormat FromName(string name, out bool known)
    {
        ArgumentNullException.ThrowIfNull(name);
        known = true;
        if (name.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
            return new(InputKind.Tar, true);
        var gzip = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var inner = gzip ? name[..^3] : name;
        if (inner.EndsWith(".tar", StringComparison.OrdinalIgnoreCase))
            return new(InputKind.Tar, gzip);
        if (inner.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || inner.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
            return new(InputKind.JsonLines, gzip);
        known = inner.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
        return new(InputKind.Text, gzip);
    }
}
