using System.Text;
using NlpPipeline.Resources;

namespace NlpPipeline.Entities;

/// <summary>
/// The training texts title mining reads: VLSP 2016 NER train (all files) and VLSP 2018 NER train, leaving out
/// every document that also appears in <c>quotes/texts</c> (the title gold set is drawn from those), in ordinal
/// path order so mining is reproducible. Requires the shared data folder.
/// </summary>
public static class TitleMiningSources
{
    /// <summary>Base names (without extension) of the quote-gold articles, which mining must not see.</summary>
    public static HashSet<string> HeldOutIds()
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (SharedData.Quotes is { } q && Directory.Exists(Path.Combine(q, "texts")))
        {
            foreach (var f in Directory.EnumerateFiles(Path.Combine(q, "texts"), "*.txt", SearchOption.AllDirectories))
                held.Add(Path.GetFileNameWithoutExtension(f));
        }
        return held;
    }

    /// <summary>
    /// Common family names (the first syllable of <c>last_name</c> borne by at least <paramref name="minPeople"/>
    /// people) from the shared name database (MIT); rare ones (<c>Phó</c>, <c>Thượng</c>) are also title words.
    /// </summary>
    public static IEnumerable<string> Surnames(int minPeople = 100)
    {
        var path = SharedData.Require("lexicons/vietnamese-namedb/uit_member.json");
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var person in doc.RootElement.EnumerateArray())
        {
            if (person.TryGetProperty("last_name", out var last) && last.GetString() is { Length: > 0 } s)
            {
                var surname = s.Split(' ')[0].Normalize(NormalizationForm.FormC);
                names[surname] = names.GetValueOrDefault(surname) + 1;
            }
        }
        return names.Where(n => n.Value >= minPeople).Select(n => n.Key).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The unlabelled VNTC train texts (appositive mining), in archive order.</summary>
    public static IEnumerable<string> Vntc() =>
        SyllableClusterer.ReadVntc(SharedData.Require(Topics.TopicCorpus.VntcTrainArchive));

    public static IEnumerable<GoldEntityText> Read()
    {
        var held = HeldOutIds();
        var v16 = SharedData.Require("corpora/vlsp2016-ner/train");
        foreach (var f in Directory.EnumerateFiles(v16, "*.txt").Order(StringComparer.Ordinal))
        {
            foreach (var t in GoldEntityCorpus.ReadColumns(Path.GetFileName(f), File.ReadLines(f, Encoding.UTF8)))
                yield return t;
        }
        var v18 = SharedData.Require("corpora/vlsp2018-ner/train");
        foreach (var f in Directory.EnumerateFiles(v18, "*.muc", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (held.Contains(Path.GetFileNameWithoutExtension(f)))
                continue;
            yield return GoldEntityCorpus.ReadInline(Path.GetRelativePath(v18, f), File.ReadAllText(f, Encoding.UTF8));
        }
    }
}
