namespace NlpPipeline.Entities;

/// <summary>
/// Loads gold NER documents from a file or folder in either VLSP format (<c>.muc</c> files are VLSP 2018
/// inline-tagged text, other files VLSP 2016 column files), in ordinal path order, and holds the
/// deterministic document-level dev split of VLSP 2016.
/// </summary>
public static class NerCorpus
{
    /// <summary>Reads every gold document under <paramref name="path"/> (file or folder, recursive, ordinal order).</summary>
    public static IReadOnlyList<NerCorpusDocument> Load(string path, Func<string, bool>? include = null)
    {
        var files = File.Exists(path)
            ? [path]
            : Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".muc", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
        var root = File.Exists(path) ? Path.GetDirectoryName(path) ?? "." : path;
        var docs = new List<NerCorpusDocument>();
        foreach (var file in files)
        {
            if (include is not null && !include(file))
                continue;
            var id = Path.GetRelativePath(root, file).Replace('\\', '/');
            docs.Add(file.EndsWith(".muc", StringComparison.OrdinalIgnoreCase)
                ? Vlsp2018NerReader.ReadFile(file, id)
                : Vlsp2016NerReader.ReadFile(file) with { Id = id });
        }
        return docs;
    }

    /// <summary>
    /// True for the VLSP 2016 documents held out as dev: those whose file name hashes (FNV-1a, stable across
    /// runs and machines) to 0 modulo 8, about 12.5 % of the documents. Never trained on.
    /// </summary>
    public static bool IsVlsp2016Dev(string path) => Fnv(Path.GetFileName(path)) % 8 == 0;

    /// <summary>32-bit FNV-1a of the UTF-16 code units of <paramref name="s"/> (stable across runs).</summary>
    public static uint Fnv(string s)
    {
        var h = 2166136261u;
        foreach (var c in s)
            h = (h ^ c) * 16777619u;
        return h;
    }
}
