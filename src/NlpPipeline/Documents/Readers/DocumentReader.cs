namespace NlpPipeline.Documents.Readers;

/// <summary>
/// Reads documents from inputs given on the command line: files, folders (recursively, in ordinal
/// order of their relative paths, files with our extensions only) and <c>-</c> for standard input.
/// Lazy and streaming: one document (one archive entry, one JSON line) is held at a time. Every
/// document that cannot be read comes out as an error record, in its place; <see cref="Read"/> numbers
/// the results 0, 1, 2, ... in input order.
/// </summary>
/// <remarks>
/// Ids: a file given by name is known by its file name, a file in a folder by its path relative to the
/// folder, an archive entry by <c>archiveId/entryPath</c>, a JSON record by its <c>id</c> (else
/// <c>fileId:line</c>), standard input by <c>-</c>.
/// </remarks>
public sealed class DocumentReader
{
    /// <summary>The name that stands for standard input.</summary>
    public const string StandardInput = "-";

    private readonly ReaderOptions _options;
    private readonly Func<Stream> _openStandardInput;

    public DocumentReader(ReaderOptions? options = null, Func<Stream>? openStandardInput = null)
    {
        _options = options ?? ReaderOptions.Default;
        _openStandardInput = openStandardInput ?? Console.OpenStandardInput;
    }

    /// <summary>The documents of all inputs in order, numbered from 0.</summary>
    public IEnumerable<AnnotatedDocument> Read(IEnumerable<string> inputs)
    {
        long sequence = 0;
        foreach (var item in ReadItems(inputs))
            yield return item.ToAnnotated(sequence++);
    }

    /// <summary>The documents and read failures of all inputs, in order.</summary>
    public IEnumerable<ReadItem> ReadItems(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            if (input == StandardInput)
            {
                foreach (var item in ReadStandardInput())
                    yield return item;
            }
            else if (Directory.Exists(input))
            {
                foreach (var (path, relative) in EnumerateFolder(input))
                {
                    foreach (var item in ReadFile(path, relative, TarDocumentReader.ParentFolderName(relative)))
                        yield return item;
                }
            }
            else
            {
                foreach (var item in ReadFile(input, Path.GetFileName(input), goldTopic: null))
                    yield return item;
            }
        }
    }

    /// <summary>
    /// A line for each input that cannot be read (missing, not a file or folder); empty when all can.
    /// Checked before a run starts so that argument errors stop it at once.
    /// </summary>
    public static IReadOnlyList<string> FindUnreadableInputs(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var problems = new List<string>();
        foreach (var input in inputs)
        {
            if (input == StandardInput || Directory.Exists(input))
                continue;
            if (!File.Exists(input))
            {
                problems.Add($"input not found: {input}");
                continue;
            }
            try
            {
                using var _ = File.OpenRead(input);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"input cannot be read: {input}: {ex.Message}");
            }
        }
        return problems;
    }

    /// <summary>The files of a folder with an extension of ours, ordered by ordinal relative path (<c>/</c> separated).</summary>
    public static IReadOnlyList<(string Path, string Relative)> EnumerateFolder(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        var files = new List<(string Path, string Relative)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", options))
        {
            InputFormat.FromName(path, out var known);
            if (known)
                files.Add((path, Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/')));
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return files;
    }

    private IEnumerable<ReadItem> ReadFile(string path, string id, string? goldTopic)
    {
        var format = InputFormat.FromName(path, out _);
        FileStream? file = null;
        string? failure = null;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failure = $"cannot open: {ex.Message}";
        }
        if (file is null)
        {
            yield return ReadItem.Fail(id, failure ?? "cannot open");
            yield break;
        }
        using (file)
        {
            foreach (var item in ReadStream(file, format, id, goldTopic, format.Gzip ? null : file.Length))
                yield return item;
        }
    }

    private IEnumerable<ReadItem> ReadStandardInput()
    {
        using var input = _openStandardInput();
        var (stream, format) = Sniff(input);
        using (stream)
        {
            foreach (var item in ReadStream(stream, format, StandardInput, goldTopic: null, knownLength: null))
                yield return item;
        }
    }

    private IEnumerable<ReadItem> ReadStream(Stream stream, InputFormat format, string id, string? goldTopic, long? knownLength)
    {
        using var gzip = format.Gzip ? new VerifiedGzipStream(stream, leaveOpen: true) : null;
        var source = gzip ?? stream;
        switch (format.Kind)
        {
            case InputKind.Tar:
                foreach (var item in TarDocumentReader.Read(source, id, _options))
                    yield return item;
                break;
            case InputKind.JsonLines:
                foreach (var item in JsonLinesDocumentReader.Read(source, id, _options))
                    yield return item;
                break;
            default:
                yield return TextDocumentReader.Read(source, id, goldTopic, knownLength, _options);
                break;
        }
    }

    /// <summary>
    /// Tells the format of an unnamed stream from its first bytes: gzip magic, a tar header
    /// (<c>ustar</c> at 257), JSON Lines when the first non-blank byte is <c>{</c>, else text.
    /// </summary>
    internal static (Stream Stream, InputFormat Format) Sniff(Stream input)
    {
        var head = ReadHead(input, 2);
        var gzip = head.Span is [0x1F, 0x8B, ..];
        Stream stream = new PrefixedStream(head, input);
        if (gzip)
            stream = new VerifiedGzipStream(stream);
        var inner = ReadHead(stream, 512);
        stream = new PrefixedStream(inner, stream);
        var span = inner.Span;
        InputKind kind;
        if (span.Length >= 262 && span.Slice(257, 5).SequenceEqual("ustar"u8))
            kind = InputKind.Tar;
        else if (span.TrimStart(" \t\r\n\uFEFF"u8) is [(byte)'{', ..])
            kind = InputKind.JsonLines;
        else
            kind = InputKind.Text;
        return (stream, new InputFormat(kind, Gzip: false));
    }

    private static ReadOnlyMemory<byte> ReadHead(Stream stream, int count)
    {
        var head = new byte[count];
        var read = 0;
        while (read < count && stream.Read(head, read, count - read) is var n and > 0)
            read += n;
        return head.AsMemory(0, read);
    }
}
