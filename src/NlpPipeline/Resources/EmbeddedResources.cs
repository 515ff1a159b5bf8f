using System.Reflection;

namespace NlpPipeline.Resources;

/// <summary>
/// Reads the language resources (<c>data/vi/...</c>) and trained models (<c>models/...</c>) that are
/// embedded in the library, so the defaults work from any working directory.
/// </summary>
public static class EmbeddedResources
{
    private static readonly Assembly Assembly = typeof(EmbeddedResources).Assembly;

    /// <summary>Opens an embedded file by its repository path (<c>data/vi/abbreviations.txt</c>); throws when absent.</summary>
    public static Stream Open(string repositoryPath) =>
        Assembly.GetManifestResourceStream(repositoryPath)
        ?? throw new FileNotFoundException($"Embedded resource not found: {repositoryPath}", repositoryPath);

    public static bool Exists(string repositoryPath) => Assembly.GetManifestResourceInfo(repositoryPath) is not null;

    /// <summary>
    /// The lines of an embedded data file, trimmed, without blank lines and <c>#</c> comments
    /// (every data file opens with a comment on its source and licence).
    /// </summary>
    public static IReadOnlyList<string> ReadLines(string repositoryPath)
    {
        using var reader = new StreamReader(Open(repositoryPath));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
                lines.Add(trimmed.Normalize(System.Text.NormalizationForm.FormC));
        }
        return lines;
    }
}
