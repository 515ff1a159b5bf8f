using System.Text.RegularExpressions;
using NlpPipeline.Documents;
using NlpPipeline.Documents.Readers;

namespace NlpPipeline.Topics;

/// <summary>A gold-labelled document: its split key (see <see cref="TopicCorpus.Key"/>), its gold topic as given, and the document.</summary>
public sealed record LabelledText(string Id, string GoldTopic, Document Document)
{
    public string Text => Document.Text;
}

/// <summary>
/// Topic gold data read with the project's <see cref="DocumentReader"/>: a folder or a <c>.tar.gz</c> laid out
/// as <c>&lt;topic&gt;/&lt;file&gt;</c> (like VNTC; the parent folder is the gold topic), or JSON Lines with a
/// <c>topic</c> field. Streams in input order; a document that cannot be read is reported to the caller's
/// callback, never passed on.
/// </summary>
public static partial class TopicCorpus
{
    /// <summary>The VNTC training archive under the shared corpora folder.</summary>
    public const string VntcTrainArchive = "corpora/vntc/VNTC_10Topics_Train_Full.utf16.tar.gz";

    /// <summary>The readable documents of <paramref name="path"/>; <paramref name="onError"/> hears of each unreadable one.</summary>
    public static IEnumerable<LabelledText> Read(string path, Action<string, string>? onError = null)
    {
        foreach (var item in new DocumentReader().ReadItems([path]))
        {
            if (item.Document is { } doc)
                yield return new LabelledText(Key(doc.Id), doc.GoldTopic ?? string.Empty, doc);
            else
                onError?.Invoke(item.Id, item.Error ?? "unreadable");
        }
    }

    /// <summary>
    /// The split key of a reader id: an archive entry's path inside its archive (without the
    /// <c>archive.tar.gz/</c> prefix, so renaming the archive keeps the split), else the id itself.
    /// </summary>
    public static string Key(string id)
    {
        foreach (var marker in (string[])[".tar.gz/", ".tgz/", ".tar/"])
        {
            var at = id.LastIndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
                return id[(at + marker.Length)..];
        }
        return id;
    }

    /// <summary>Dev split membership: a stable hash of the split key puts about one document in ten in dev.</summary>
    public static bool IsDev(string key) => Bucket(key, 2166136261u) == 0;

    /// <summary>
    /// Inner validation membership (for tuning on the train split, never on dev): another stable hash of the
    /// split key puts about one train document in ten aside.
    /// </summary>
    public static bool IsInnerValidation(string key) => !IsDev(key) && Bucket(key, 0x811C9DC5u ^ 0x5BD1E995u) == 0;

    private static uint Bucket(string key, uint basis)
    {
        var h = basis;
        foreach (var c in key)
            h = (h ^ c) * 16777619u;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return h % 10;
    }

    /// <summary>The text of one VLSP 2018 <c>.muc</c> file, read with <see cref="DocumentReader"/>, without its inline <c>ENAMEX</c> tags.</summary>
    public static string ReadMucText(string path)
    {
        var item = new DocumentReader().ReadItems([path]).Single();
        var doc = item.Document ?? throw new InvalidDataException($"{path}: {item.Error}");
        var text = InlineTag().Replace(doc.Text, string.Empty);
        return doc.Title is { Length: > 0 } title ? title + "\n" + text : text;
    }

    [GeneratedRegex("</?ENAMEX[^>]*>")]
    private static partial Regex InlineTag();
}
