using System.Collections.Immutable;
using NlpPipeline.Documents;
using System.Text.Json;

namespace NlpPipeline.Entities;

/// <summary>
/// Where the NER model's training and dev data come from: VLSP 2016 (minus its held-out dev documents,
/// <see cref="NerCorpus.IsVlsp2016Dev"/>) and VLSP 2018 <c>train/</c> for training; the held-out VLSP 2016
/// documents and VLSP 2018 <c>dev/</c> for evaluation; gazetteers from the MIT-licensed lexicons.
/// </summary>
public static class NerTrainingData
{
    public static string Vlsp2016(string corpora) => Path.Combine(corpora, "vlsp2016-ner", "train");

    public static string Vlsp2018(string corpora, string split) => Path.Combine(corpora, "vlsp2018-ner", split);

    /// <summary>
    /// Training documents of the named <paramref name="sources"/> (<c>vlsp2016</c>: without its dev documents;
    /// <c>vlsp2018</c>: its train folder), in that order, each in ordinal path order. A source named twice is
    /// loaded twice, so the perceptron visits its documents twice per epoch (up-weighting that corpus; the CLI
    /// default names VLSP 2016 three times).
    /// </summary>
    public static IReadOnlyList<NerCorpusDocument> LoadTrain(string corpora, IReadOnlyCollection<string>? sources = null)
    {
        sources ??= ["vlsp2016", "vlsp2018"];
        var docs = new List<NerCorpusDocument>();
        foreach (var source in sources)
        {
            if (source == "vlsp2016")
                docs.AddRange(NerCorpus.Load(Vlsp2016(corpora), f => !NerCorpus.IsVlsp2016Dev(f)));
            else if (source == "vlsp2018")
                docs.AddRange(NerCorpus.Load(Vlsp2018(corpora, "train")));
        }
        return docs;
    }

    public static IReadOnlyList<NerCorpusDocument> LoadDev2016(string corpora) =>
        NerCorpus.Load(Vlsp2016(corpora), NerCorpus.IsVlsp2016Dev);

    public static IReadOnlyList<NerCorpusDocument> LoadDev2018(string corpora) =>
        NerCorpus.Load(Vlsp2018(corpora, "dev"));

    /// <summary>
    /// Scores <paramref name="recognizer"/> end to end on the documents' raw text; <paramref name="words"/>, when
    /// given, supplies the words of each text (as the words stage would) instead of the recognizer's own segmentation.
    /// </summary>
    public static EntityScorer Evaluate(
        PerceptronEntityRecognizer recognizer, IEnumerable<NerCorpusDocument> documents, Func<string, ImmutableArray<Token>>? words = null)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        var scorer = new EntityScorer();
        foreach (var doc in documents)
            scorer.Add(doc.Entities, recognizer.Recognize(doc.Text, words?.Invoke(doc.Text) ?? default));
        return scorer;
    }

    /// <summary>
    /// Names for the gazetteer from <c>lexicons/</c>: surnames, given names and full names
    /// (vietnamese-namedb), country names (country-names-vi), provinces and districts (vn-admin-units).
    /// Missing files are skipped.
    /// </summary>
    internal static List<(string Name, GazetteerKind Kind)> LoadGazetteerNames(string lexicons)
    {
        var names = new List<(string, GazetteerKind)>();
        var namedb = Path.Combine(lexicons, "vietnamese-namedb");
        foreach (var file in new[] { "boy.txt", "girl.txt" })
        {
            var path = Path.Combine(namedb, file);
            if (!File.Exists(path))
                continue;
            foreach (var line in File.ReadLines(path))
            {
                var name = line.Trim();
                if (name.Length == 0)
                    continue;
                names.Add((name, GazetteerKind.GivenName));
                foreach (var syllable in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    names.Add((syllable, GazetteerKind.GivenName));
            }
        }
        var members = Path.Combine(namedb, "uit_member.json");
        if (File.Exists(members))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(members));
            foreach (var m in doc.RootElement.EnumerateArray())
            {
                Add(names, m, "full_name", GazetteerKind.FullName);
                Add(names, m, "first_name", GazetteerKind.GivenName);
                Add(names, m, "last_name_group", GazetteerKind.Surname);
                if (m.TryGetProperty("last_name", out var last) && last.GetString() is { Length: > 0 } l)
                    names.Add((l.Split(' ')[0], GazetteerKind.Surname));
            }
        }
        var countries = Path.Combine(lexicons, "country-names-vi", "vi.json");
        if (File.Exists(countries))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(countries));
            foreach (var c in doc.RootElement.GetProperty("countries").EnumerateObject())
            {
                if (c.Value.ValueKind == JsonValueKind.String && c.Value.GetString() is { Length: > 0 } name)
                    names.Add((name, GazetteerKind.Country));
            }
        }
        AddAdmin(names, Path.Combine(lexicons, "vn-admin-units", "tinh_tp.json"), GazetteerKind.Province);
        AddAdmin(names, Path.Combine(lexicons, "vn-admin-units", "quan_huyen.json"), GazetteerKind.District);
        return names;
    }

    /// <summary>The gazetteer built from <see cref="LoadGazetteerNames"/>.</summary>
    internal static Gazetteer BuildGazetteer(string lexicons) => Gazetteer.Build(LoadGazetteerNames(lexicons));

    private static void AddAdmin(List<(string, GazetteerKind)> names, string path, GazetteerKind kind)
    {
        if (!File.Exists(path))
            return;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var unit in doc.RootElement.EnumerateObject())
        {
            Add(names, unit.Value, "name", kind);
            Add(names, unit.Value, "name_with_type", kind);
        }
    }

    private static void Add(List<(string, GazetteerKind)> names, JsonElement e, string property, GazetteerKind kind)
    {
        if (e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s)
            names.Add((s, kind));
    }
}
