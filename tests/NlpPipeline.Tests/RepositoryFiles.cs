namespace NlpPipeline.Tests;

/// <summary>Finds files of the repository (the sample article) from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SeedArticle => Path.Combine(Root, "data", "samples", "seed-article.txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NlpPipeline.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("NlpPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
