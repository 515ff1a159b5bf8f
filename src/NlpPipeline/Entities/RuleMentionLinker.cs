using System.Collections.Immutable;
using System.Globalization;
using NlpPipeline.Documents;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Entities;

/// <summary>
/// Ties mentions of one entity within a document together and links titles to their person. Sets
/// <see cref="Entity.Ref"/> on every entity (<c>e1</c>, <c>e2</c>, ... in order of first mention) and
/// <see cref="Entity.PersonRef"/> on each <c>TITLE</c> next to a person. Rules: PER mentions with the same
/// name (honorifics stripped, hyphens as spaces: <c>Kim Jong-un</c> = <c>Kim Jong Un</c>) share a ref; a shorter PER
/// mention joins the one fuller name it ends with (<c>Syromolotov</c>, <c>Phúc</c> of <c>Nguyễn Xuân Phúc</c>) or,
/// for a two-syllable name or one not led by a Vietnamese family name, begins with (<c>ông Vương</c>, <c>ông Ri</c>; in a name written
/// with Vietnamese letters only a one-word mention);
/// when two different fuller names fit, the honorific's gender may decide (<c>bà</c> → a name with <c>Thị</c>),
/// else it stays apart. An all-capitals PER mention joins the one full name with those initials (<c>HTC</c>).
/// ORG/LOC/MISC mentions share a ref when equal ignoring case, or when one is the initials of the other
/// (<c>LHQ</c> = <c>Liên hợp quốc</c>). TITLE mentions share a ref when equal ignoring case. Thread-safe.
/// </summary>
public sealed class RuleMentionLinker : IDocumentStage
{
    private readonly TitleLexicon _lexicon;

    public RuleMentionLinker(TitleLexicon? lexicon = null) => _lexicon = lexicon ?? TitleLexicon.Default;

    public string Name => "coref";

    public AnnotatedDocument Process(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Entities.IsDefaultOrEmpty)
            return document;
        return document with { Entities = Link(document.Text, document.Entities) };
    }

    /// <summary>The entities sorted by start, with refs and title links set.</summary>
    public ImmutableArray<Entity> Link(string text, IReadOnlyList<Entity> input)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(input);
        var entities = input.OrderBy(e => e.Start).ThenBy(e => e.End).ToList();
        var cluster = new int[entities.Count];
        for (var i = 0; i < cluster.Length; i++)
            cluster[i] = i;
        int Find(int i) => cluster[i] == i ? i : cluster[i] = Find(cluster[i]);
        void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
                cluster[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }

        // PER: same name; then short names to their one fuller name.
        var persons = Enumerable.Range(0, entities.Count).Where(i => entities[i].Type == EntityTypes.Person).ToList();
        var names = persons.ToDictionary(i => i, i => NameSyllables(entities[i].Text));
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in persons)
        {
            if (names[i].Length > 0)
                byName.TryAdd(string.Join(' ', names[i]), i);
        }
        var fullNames = byName.Where(n => names[n.Value].Length > 1).ToList();
        var unresolved = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in persons)
        {
            if (names[i].Length == 0)
                continue;
            var key = string.Join(' ', names[i]);
            // Each occurrence of a short name is resolved on its own: "bà Nghĩa" and "ông Nghĩa" may be two people.
            var fits = fullNames.Where(f => f.Key.Length > key.Length && Extends(names[f.Value], names[i]))
                .Select(f => f.Value).ToList();
            // Keep only the fullest names: "Xuân Phúc" and "Nguyễn Xuân Phúc" are one candidate.
            var maximal = fits.Where(f => !fits.Any(g => g != f && names[g].Length > names[f].Length && Extends(names[g], names[f]))).ToList();
            if (maximal.Count > 1)
                maximal = ByGender(text, entities[i], maximal, names);
            if (maximal.Count == 1)
            {
                Union(maximal[0], i);
            }
            else if (fits.Count == 0)
            {
                Union(byName[key], i);
            }
            else if (!unresolved.TryAdd(key, i))
            {
                Union(unresolved[key], i);
            }
        }
        foreach (var (_, i) in byName)
        {
            // "HTC" for "Hoàng Tuấn Công": an all-capitals mention equal to the initials of exactly one full name.
            if (!IsAcronym(entities[i].Text) || names[i].Length != 1)
                continue;
            var expansions = fullNames.Where(f => f.Value != i && string.Equals(Initials(entities[f.Value].Text), entities[i].Text.Replace(".", "", StringComparison.Ordinal), StringComparison.Ordinal))
                .Select(f => Find(f.Value)).Distinct().ToList();
            if (expansions.Count == 1)
                Union(expansions[0], i);
        }

        // ORG / LOC / MISC: equal ignoring case, or initials.
        var others = Enumerable.Range(0, entities.Count)
            .Where(i => entities[i].Type is EntityTypes.Organization or EntityTypes.Location or EntityTypes.Miscellaneous).ToList();
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in others)
        {
            var key = TitleLexicon.Key(entities[i].Text);
            if (byText.TryGetValue(key, out var first))
                Union(first, i);
            else
                byText[key] = i;
        }
        foreach (var (key, i) in byText)
        {
            var text0 = entities[i].Text;
            if (!IsAcronym(text0))
                continue;
            var expansions = byText.Where(o => o.Value != i && Initials(entities[o.Value].Text) is { Length: > 1 } ini
                    && string.Equals(ini, text0.Replace(".", "", StringComparison.Ordinal), StringComparison.Ordinal))
                .Select(o => Find(o.Value)).Distinct().ToList();
            if (expansions.Count == 1)
                Union(expansions[0], i);
        }

        // TITLE: equal ignoring case.
        var byTitle = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entities.Count; i++)
        {
            if (entities[i].Type != EntityTypes.Title)
                continue;
            var key = TitleLexicon.Key(entities[i].Text);
            if (byTitle.TryGetValue(key, out var first))
                Union(first, i);
            else
                byTitle[key] = i;
        }

        // Refs in order of first mention.
        var refs = new Dictionary<int, string>();
        var result = new Entity[entities.Count];
        for (var i = 0; i < entities.Count; i++)
        {
            var root = Find(i);
            if (!refs.TryGetValue(root, out var r))
                refs[root] = r = "e" + (refs.Count + 1).ToString(CultureInfo.InvariantCulture);
            result[i] = entities[i] with { Ref = r, PersonRef = null };
        }
        var personMentions = result.Where(e => e.Type == EntityTypes.Person).ToList();
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i].Type == EntityTypes.Title && TitleAttachment.Person(text, result[i], personMentions, _lexicon) is { } person)
                result[i] = result[i] with { PersonRef = person.Ref };
        }
        return [.. result];
    }

    /// <summary>The name's syllables, lower-cased, without leading honorifics or titles-as-honorifics.</summary>
    private string[] NameSyllables(string mention)
    {
        // "Kim Jong-un" and "Kim Jong Un" are one name: hyphenated syllables count apart.
        var keys = SyllableScanner.Scan(mention).Where(s => s.IsWord)
            .SelectMany(s => TitleLexicon.Key(mention[s.Start..s.End]).Split('-', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var skip = 0;
        while (skip < keys.Length - 1)
        {
            var n = _lexicon.MatchHonorific(keys.Cast<string?>().ToList(), skip);
            if (n == 0 || skip + n >= keys.Length)
                break;
            skip += n;
        }
        return keys[skip..];
    }

    /// <summary>
    /// True when <paramref name="shorter"/> is a proper suffix of <paramref name="full"/>, or a prefix of a two-syllable
    /// name (<c>ông Vương</c> of <c>Vương Nghị</c>) or of a name not led by a Vietnamese family name (<c>ông Ri</c>).
    /// </summary>
    private bool Extends(string[] full, string[] shorter)
    {
        if (shorter.Length >= full.Length || shorter.Length == 0)
            return false;
        if (full.AsSpan(full.Length - shorter.Length).SequenceEqual(shorter))
            return true;
        // In a name written with Vietnamese letters a prefix is a short form only as one word ("ông Ri"): two words are a name
        // of its own ("Ánh Hoàng" beside the sister "Ánh Hoàng Anh"); "Lisa Marie" is still "Lisa Marie Presley".
        return (shorter.Length == 1 || !full.Any(w => w.Any(c => c > '\u007f' && char.IsLetter(c))))
            && (full.Length == 2 || !_lexicon.Surnames.Contains(full[0])) && full.AsSpan(0, shorter.Length).SequenceEqual(shorter);
    }

    /// <summary>
    /// Among several full names a short mention fits, those of the gender its honorific gives: after <c>bà</c>,
    /// <c>chị</c>, <c>cô</c> the names with the women's middle name <c>Thị</c>; after <c>ông</c>, <c>anh</c> those without.
    /// </summary>
    private static List<int> ByGender(string text, Entity mention, List<int> candidates, Dictionary<int, string[]> names)
    {
        var before = text.AsSpan(0, mention.Start).TrimEnd();
        var space = before.LastIndexOfAny(' ', '\n');
        var word = TitleLexicon.Key(before[(space + 1)..].ToString());
        bool? female = word switch
        {
            "bà" or "chị" or "cô" => true,
            "ông" or "anh" => false,
            _ => null,
        };
        if (female is null)
            return candidates;
        return candidates.Where(c => names[c].Contains("thị") == female).ToList();
    }

    private static bool IsAcronym(string s)
    {
        var letters = 0;
        foreach (var c in s)
        {
            if (char.IsLower(c) || char.IsWhiteSpace(c))
                return false;
            if (char.IsLetter(c))
                letters++;
        }
        return letters >= 2;
    }

    /// <summary>Upper-cased first letters of the syllables of a multi-syllable name (<c>Liên hợp quốc</c> → <c>LHQ</c>).</summary>
    private static string Initials(string s)
    {
        var syl = SyllableScanner.Scan(s).Where(x => x.IsWord).ToList();
        if (syl.Count < 2)
            return string.Empty;
        return string.Concat(syl.Select(x => char.ToUpperInvariant(RemoveTone(s[x.Start]))));
    }

    private static char RemoveTone(char c)
    {
        if (c is 'đ' or 'Đ')
            return c;
        var d = c.ToString().Normalize(System.Text.NormalizationForm.FormD);
        return d[0];
    }
}
