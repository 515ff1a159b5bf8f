using NlpPipeline.Documents;
using NlpPipeline.Documents.Readers;

namespace NlpPipeline.Pipeline;

/// <summary>
/// What an earlier, interrupted run already wrote, so that a re-run skips those documents and appends
/// the rest: no duplicates, no gaps. Each id is skipped as many times as it was written, so repeated ids
/// in the input are handled in order. Not thread-safe; used by the reading thread only.
/// </summary>
public sealed class ResumeState
{
    private readonly Dictionary<string, int> _remaining;

    public ResumeState(IEnumerable<string> writtenIds)
    {
        ArgumentNullException.ThrowIfNull(writtenIds);
        _remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in writtenIds)
        {
            _remaining[id] = _remaining.GetValueOrDefault(id) + 1;
            Written++;
        }
    }

    /// <summary>Records found in the output.</summary>
    public long Written { get; }

    /// <summary>Documents skipped so far.</summary>
    public long Skipped { get; private set; }

    /// <summary>
    /// Reads the ids of a JSON Lines output file and cuts away an incomplete last line (a run killed
    /// mid-write), so that appending starts on a line of its own. A missing file means nothing written.
    /// </summary>
    public static ResumeState FromJsonLinesFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            return new ResumeState([]);
        var ids = new List<string>();
        long completeLength = 0;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        {
            using (var lines = new BoundedLineReader(file, 1 << 30))
            {
                while (lines.ReadLine(out var line, out _) && lines.LastLineTerminated)
                {
                    if (JsonLineParser.TryReadId(line) is not { } id)
                        break; // an unreadable line: it and everything after it are cut away
                    ids.Add(id);
                    completeLength = lines.Position;
                }
            }
            if (completeLength < file.Length)
                file.SetLength(completeLength);
        }
        return new ResumeState(ids);
    }

    /// <summary>The documents not yet written, in input order.</summary>
    public IEnumerable<AnnotatedDocument> Filter(IEnumerable<AnnotatedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            var id = document.Document.Id;
            if (_remaining.TryGetValue(id, out var count) && count > 0)
            {
                _remaining[id] = count - 1;
                Skipped++;
                continue;
            }
            yield return document;
        }
    }
}
