using NlpPipeline.Documents;

namespace NlpPipeline.Tests.Entities;

/// <summary>Builds test documents whose entities are given by the text they cover (the first occurrence after the previous one of the same text that overlaps no entity placed before).</summary>
internal static class EntityTestText
{
    /// <summary>Entities from <c>TYPE:text</c> specs, e.g. <c>PER:Oleg Syromolotov</c>; a repeated text takes its next occurrence.</summary>
    public static List<Entity> Entities(string text, params string[] specs)
    {
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Entity>();
        foreach (var spec in specs)
        {
            var colon = spec.IndexOf(':', StringComparison.Ordinal);
            var (type, surface) = (spec[..colon], spec[(colon + 1)..]);
            var from = next.GetValueOrDefault(surface);
            var start = text.IndexOf(surface, from, StringComparison.Ordinal);
            while (start >= 0 && result.Any(e => e.Start < start + surface.Length && start < e.End))
                start = text.IndexOf(surface, start + 1, StringComparison.Ordinal);
            if (start < 0)
                throw new ArgumentException($"'{surface}' not found after {from} in: {text}");
            next[surface] = start + surface.Length;
            result.Add(new Entity(type, start, start + surface.Length, surface));
        }
        return result;
    }

    public static AnnotatedDocument Document(string text, params string[] specs) =>
        new(new Document("test", text)) { Entities = [.. Entities(text, specs)] };

    /// <summary>The repository folder (holding NlpPipeline.sln), found from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NlpPipeline.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("NlpPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
