namespace NlpPipeline.Resources;

/// <summary>
/// Locates the read-only shared data (corpora, lexicons, gold quotes) that training, evaluation and
/// tests read. <c>NLP_SHARED</c> names the shared folder; <c>NLP_CORPORA</c> may name its corpora folder
/// apart. Otherwise a <c>shared</c> folder beside the repository (or any parent) is used.
/// </summary>
public static class SharedData
{
    /// <summary>The shared folder, or null when none is found.</summary>
    public static string? Root { get; } = FindRoot();

    /// <summary>The corpora folder (<c>$NLP_CORPORA</c>, else <c>Root/corpora</c>), or null.</summary>
    public static string? Corpora =>
        Environment.GetEnvironmentVariable("NLP_CORPORA") is { Length: > 0 } c ? c
        : Root is null ? null : Path.Combine(Root, "corpora");

    public static string? Lexicons => Root is null ? null : Path.Combine(Root, "lexicons");

    public static string? Quotes => Root is null ? null : Path.Combine(Root, "quotes");

    /// <summary>The path of <paramref name="relative"/> under the shared folder; throws when there is none.</summary>
    public static string Require(string relative)
    {
        if (Root is null)
            throw new DirectoryNotFoundException("The shared data folder was not found: set NLP_SHARED to the folder holding corpora/ and lexicons/.");
        var path = relative.StartsWith("corpora/", StringComparison.Ordinal) && Corpora is { } corpora
            ? Path.Combine(corpora, relative["corpora/".Length..])
            : Path.Combine(Root, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"Shared data not found: {path}", path);
        return path;
    }

    private static string? FindRoot()
    {
        if (Environment.GetEnvironmentVariable("NLP_SHARED") is { Length: > 0 } env)
            return Path.GetFullPath(env);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "corpora")) || Directory.Exists(Path.Combine(candidate, "lexicons")))
                    return candidate;
            }
        }
        return null;
    }
}
