using System.Text;
using System.Text.Json;
using NlpPipeline.Documents;
using NlpPipeline.Resources;

namespace NlpPipeline.Benchmarks.Storage;

/// <summary>
/// A realistic annotated archive of any size for store benchmarks, until the full pipeline's output over
/// VNTC is available: the 30 real articles of <c>shared/quotes</c> with their 316 gold quotes (real texts,
/// offsets, cues, speakers), replicated. Each replica gets its own ids, a month between 2010 and 2019, and
/// its person speakers renamed to full names from <c>vietnamese-namedb</c> drawn with a skew (a few people
/// are quoted often, most rarely), so the store holds thousands of distinct speakers. Deterministic per seed.
/// </summary>
internal static class ReplicatedArchive
{
    public static List<AnnotatedDocument> Generate(int documents, int seed = 7)
    {
        var gold = LoadGold();
        var names = LoadNames();
        var random = new Random(seed);
        var result = new List<AnnotatedDocument>(documents);
        for (var n = 0; n < documents; n++)
        {
            var (doc, quotes) = gold[n % gold.Count];
            var replica = n / gold.Count;
            var rename = new Dictionary<string, string>(StringComparer.Ordinal);
            string Person(string goldName)
            {
                if (!rename.TryGetValue(goldName, out var name))
                {
                    var u = random.NextDouble();
                    rename[goldName] = name = names[(int)(u * u * Math.Min(names.Count, 4000))];
                }
                return name;
            }

            var entities = new List<Entity>();
            var refs = new Dictionary<string, string>(StringComparer.Ordinal);
            var annotated = new List<Quote>();
            foreach (var q in quotes)
            {
                var speaker = q.Speaker;
                if (speaker is not null)
                {
                    var name = speaker.Kind == EntityTypes.Person ? Person(speaker.Name) : speaker.Name;
                    if (!refs.TryGetValue(name, out var r))
                        refs[name] = r = "e" + (refs.Count + 1);
                    if (speaker.MentionStart is { } ms)
                    {
                        entities.Add(new Entity(speaker.Kind == EntityTypes.Person ? EntityTypes.Person : EntityTypes.Organization, ms, speaker.MentionEnd!.Value, name) { Ref = r });
                        if (speaker.Title is { } title)
                            entities.Add(new Entity(EntityTypes.Title, ms, ms + title.Length, title) { PersonRef = r });
                    }
                    speaker = speaker with { Name = name, Ref = r };
                }
                annotated.Add(q with { Speaker = speaker });
            }
            var date = new DateTime(2010, 1, 1).AddMonths((replica * 7 + n) % 120);
            var document = doc with { Id = $"r{replica:D4}/{doc.Id}", Date = date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) };
            result.Add(new AnnotatedDocument(document)
            {
                Sequence = n,
                Entities = [.. entities.OrderBy(e => e.Start)],
                Quotes = [.. annotated],
                Topic = new TopicAssignment(doc.Id.Split('/')[0], 0.9),
            });
        }
        return result;
    }

    private static List<(Document Doc, List<Quote> Quotes)> LoadGold()
    {
        var quotesDir = SharedData.Require("quotes");
        var list = new List<(Document, List<Quote>)>();
        foreach (var file in new[] { "dev-A.jsonl", "dev-B.jsonl" })
        {
            foreach (var line in File.ReadLines(Path.Combine(quotesDir, file)))
            {
                using var json = JsonDocument.Parse(line);
                var id = json.RootElement.GetProperty("doc").GetString()!;
                var text = File.ReadAllText(Path.Combine(quotesDir, "texts", id)).Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
                var quotes = new List<Quote>();
                foreach (var q in json.RootElement.GetProperty("quotes").EnumerateArray())
                {
                    var content = q.GetProperty("content").GetString()!;
                    var start = text.IndexOf(content, StringComparison.Ordinal);
                    if (start < 0)
                        continue;
                    Speaker? speaker = null;
                    if (q.GetProperty("speaker").GetString() is { } name)
                    {
                        var mention = q.GetProperty("speaker_mention").GetString() ?? name;
                        var ms = text.LastIndexOf(mention, Math.Max(0, start), StringComparison.Ordinal);
                        if (ms < 0)
                            ms = text.IndexOf(mention, StringComparison.Ordinal);
                        var title = mention.Length > name.Length && mention.EndsWith(name, StringComparison.Ordinal) ? mention[..^name.Length].Trim() : null;
                        speaker = new Speaker(name, mention, q.GetProperty("speaker_kind").GetString() ?? "OTHER")
                        {
                            Title = title is { Length: > 3 } && char.IsUpper(title[0]) ? title : null,
                            MentionStart = ms < 0 ? null : ms,
                            MentionEnd = ms < 0 ? null : ms + mention.Length,
                        };
                    }
                    quotes.Add(new Quote(q.GetProperty("type").GetString()!, start, start + content.Length, content)
                    {
                        Cue = q.GetProperty("cue").GetString(),
                        Speaker = speaker,
                        Confidence = 0.9,
                    });
                }
                list.Add((new Document(id, text), quotes));
            }
        }
        return list;
    }

    private static List<string> LoadNames()
    {
        using var stream = File.OpenRead(SharedData.Require("lexicons/vietnamese-namedb/uit_member.json"));
        using var json = JsonDocument.Parse(stream);
        return [.. json.RootElement.EnumerateArray().Select(e => e.GetProperty("full_name").GetString()!).Where(n => n.Contains(' ', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];
    }
}
