using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using NlpPipeline.Documents;

namespace NlpPipeline.Tests.Storage;

/// <summary>
/// The sample article with hand-written expected annotations (Fixtures/seed-article.expected.json); every
/// offset is found in the article's text, so a wrong fixture fails loudly instead of shifting spans.
/// </summary>
internal static class SeedArticleFixture
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static AnnotatedDocument Load(string id = "seed-article.txt")
    {
        var raw = File.ReadAllText(Path.Combine(RepositoryRoot, "data", "samples", "seed-article.txt"));
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "seed-article.expected.json")));
        var root = json.RootElement;

        var taken = new List<(int Start, int End)>();
        var entities = new List<Entity>();
        foreach (var e in root.GetProperty("entities").EnumerateArray().OrderByDescending(e => e.GetProperty("text").GetString()!.Length))
        {
            var surface = e.GetProperty("text").GetString()!;
            foreach (var start in WholeWordOccurrences(text, surface))
            {
                var end = start + surface.Length;
                if (taken.Any(t => start < t.End && t.Start < end))
                    continue;
                taken.Add((start, end));
                entities.Add(new Entity(e.GetProperty("type").GetString()!, start, end, surface)
                {
                    Ref = e.TryGetProperty("ref", out var r) ? r.GetString() : null,
                    PersonRef = e.TryGetProperty("person_ref", out var p) ? p.GetString() : null,
                });
            }
        }

        var quotes = new List<Quote>();
        foreach (var q in root.GetProperty("quotes").EnumerateArray())
        {
            var content = q.GetProperty("content").GetString()!;
            var start = text.IndexOf(content, StringComparison.Ordinal);
            if (start < 0)
                throw new InvalidOperationException($"Fixture quote not in the article: {content}");
            var cue = q.GetProperty("cue").GetString();
            var cueStart = cue is null ? -1 : text.LastIndexOf(cue, start, StringComparison.Ordinal);
            var mention = q.GetProperty("speaker_mention").GetString()!;
            var mentionStart = text.LastIndexOf(mention, start, StringComparison.Ordinal);
            if (mentionStart < 0)
                throw new InvalidOperationException($"Fixture mention not before its quote: {mention}");
            quotes.Add(new Quote(q.GetProperty("type").GetString()!, start, start + content.Length, content)
            {
                Cue = cue,
                CueStart = cueStart < 0 ? null : cueStart,
                CueEnd = cueStart < 0 ? null : cueStart + cue!.Length,
                Confidence = 1.0,
                Speaker = new Speaker(q.GetProperty("speaker").GetString()!, mention, q.GetProperty("speaker_kind").GetString()!)
                {
                    Ref = q.TryGetProperty("speaker_ref", out var r) ? r.GetString() : null,
                    Title = q.GetProperty("speaker_title").GetString(),
                    MentionStart = mentionStart,
                    MentionEnd = mentionStart + mention.Length,
                },
            });
        }

        var document = new Document(id, text) { Date = root.GetProperty("date").GetString(), Title = root.GetProperty("title").GetString() };
        return new AnnotatedDocument(document)
        {
            Entities = [.. entities.OrderBy(e => e.Start)],
            Quotes = [.. quotes.OrderBy(q => q.Start)],
            Topic = new TopicAssignment(root.GetProperty("topic").GetString()!, 0.9),
        };
    }

    private static IEnumerable<int> WholeWordOccurrences(string text, string surface)
    {
        for (var i = text.IndexOf(surface, StringComparison.Ordinal); i >= 0; i = text.IndexOf(surface, i + 1, StringComparison.Ordinal))
        {
            var end = i + surface.Length;
            if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                yield return i;
        }
    }

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

/// <summary>Builds small annotated documents for store tests: quotes are found in the text, speakers named per quote.</summary>
internal static class StoreDocs
{
    /// <summary>
    /// A document whose text is <paramref name="sentences"/> joined by spaces; each sentence with a speaker
    /// becomes an indirect quote of everything after its cue word <c>nói</c>, attributed to that speaker.
    /// </summary>
    public static AnnotatedDocument Make(string id, string date, params (string Speaker, string Mention, string? Title, string Sentence)[] sentences)
    {
        var text = new StringBuilder();
        var quotes = ImmutableArray.CreateBuilder<Quote>();
        var entities = ImmutableArray.CreateBuilder<Entity>();
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (speaker, mention, title, sentence) in sentences)
        {
            if (text.Length > 0)
                text.Append(' ');
            var offset = text.Length;
            text.Append(sentence);
            if (speaker.Length == 0)
                continue;
            if (!refs.TryGetValue(speaker, out var r))
                refs[speaker] = r = "e" + (refs.Count + 1);
            var mentionStart = offset + sentence.IndexOf(mention, StringComparison.Ordinal);
            var nameStart = mentionStart + LongestNameSuffixStart(mention, speaker);
            entities.Add(new Entity(EntityTypes.Person, nameStart, mentionStart + mention.Length, text.ToString(nameStart, mentionStart + mention.Length - nameStart)) { Ref = r });
            if (title is not null)
            {
                var titleStart = mentionStart + mention.IndexOf(title, StringComparison.Ordinal);
                entities.Add(new Entity(EntityTypes.Title, titleStart, titleStart + title.Length, title) { PersonRef = r });
            }
            var cue = sentence.IndexOf(" nói ", StringComparison.Ordinal);
            var start = offset + cue + " nói ".Length;
            var end = offset + sentence.TrimEnd('.').Length;
            quotes.Add(new Quote(QuoteTypes.Indirect, start, end, text.ToString(start, end - start))
            {
                Cue = "nói",
                Confidence = 0.9,
                Speaker = new Speaker(speaker, mention, EntityTypes.Person) { Ref = r, Title = title, MentionStart = mentionStart, MentionEnd = mentionStart + mention.Length },
            });
        }
        var doc = new Document(id, text.ToString()) { Date = date };
        return new AnnotatedDocument(doc) { Entities = entities.ToImmutable().Sort((a, b) => a.Start.CompareTo(b.Start)), Quotes = quotes.ToImmutable() };
    }

    // Where the name (the mention's words that belong to the speaker's name) starts inside the mention.
    private static int LongestNameSuffixStart(string mention, string speaker)
    {
        var words = mention.Split(' ');
        var nameWords = speaker.Split(' ');
        var start = mention.Length;
        for (var i = words.Length - 1; i >= 0 && nameWords.Contains(words[i], StringComparer.Ordinal); i--)
            start = mention.Length - string.Join(' ', words[i..]).Length;
        return start;
    }
}
