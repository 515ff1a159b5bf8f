using System.Globalization;
using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>A mined title head with its evidence: times seen right before a name (possibly across an ORG/LOC), right after <c>NAME,</c>, and in all.</summary>
public sealed record MinedHead(string Text, int Before, int After, int Total);

/// <summary>What <see cref="TitleLexiconMiner"/> found: heads, productive prefixes (<c>phó</c>, <c>cựu</c>) and modifiers.</summary>
public sealed record MinedTitleLexicon(
    IReadOnlyList<MinedHead> Heads,
    IReadOnlyList<(string Text, int Heads)> Prefixes,
    IReadOnlyList<(string Text, int Count)> Modifiers,
    IReadOnlyList<MinedHead> Rejected);

/// <summary>
/// Mines title heads and modifiers from gold-NER text. Heads: syllable n-grams (1–4) standing right before a
/// PER mention (skipping an ORG/LOC/MISC in between, as in <c>Ngoại trưởng Mỹ X</c>) or right after
/// <c>PER ,</c>; kept when seen at least <see cref="MinCount"/> times with a share of all their occurrences of at
/// least <see cref="MinShare"/>, not starting or ending with a function word or honorific, not mostly the tail
/// of a longer candidate (<c>trưởng</c> of <c>Bộ trưởng</c>) and not a candidate with extra left context
/// (<c>gia đình đại tướng</c>). A left syllable that forms candidates with three or more heads becomes a
/// prefix (<c>phó</c>). Candidates on the reviewed rejection list are reported apart. Modifiers: lower-cased
/// syllable n-grams seen between a head and the name, outside entities. Deterministic: output is sorted.
/// </summary>
public sealed class TitleLexiconMiner
{
    private readonly HashSet<string> _stop;
    private readonly HashSet<string> _function;
    private readonly HashSet<string> _surnames;
    private readonly HashSet<string> _rejected;

    public int MinCount { get; init; } = 3;
    public double MinShare { get; init; } = 0.05;
    public int MinModifierCount { get; init; } = 2;
    public int MinPrefixHeads { get; init; } = 3;

    /// <param name="functionWords">Function words that cannot start or end a title and never form words with one (lower-case).</param>
    /// <param name="honorifics">Honorifics and kinship words (<c>ông</c>, <c>con trai</c>): not titles themselves.</param>
    /// <param name="rejected">Reviewed candidates that are not titles under the project's definition.</param>
    /// <param name="surnames">Family names (lower-case): a candidate starting with one is a name, not a title.</param>
    public TitleLexiconMiner(IEnumerable<string> functionWords, IEnumerable<string> honorifics, IEnumerable<string> rejected, IEnumerable<string>? surnames = null)
    {
        _surnames = new HashSet<string>((surnames ?? []).Select(Lower), StringComparer.Ordinal);
        _function = new HashSet<string>(functionWords.Select(Lower), StringComparer.Ordinal);
        _stop = new HashSet<string>(_function.Concat(honorifics.Select(Lower)), StringComparer.Ordinal);
        _rejected = new HashSet<string>(rejected.Select(Lower), StringComparer.Ordinal);
    }

    private static string Lower(string s) => s.Trim().ToLower(CultureInfo.InvariantCulture);

    public MinedTitleLexicon Mine(IEnumerable<GoldEntityText> texts)
    {
        var corpus = texts.Select(t => (t, Syl: SyllableScanner.Scan(t.Text))).ToList();
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = new Dictionary<string, int>(StringComparer.Ordinal);
        var after = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var (t, syl) in corpus)
        {
            var words = syl.Select(s => s.IsWord ? t.Text[s.Start..s.End].ToLower(CultureInfo.InvariantCulture) : null).ToArray();
            for (var i = 0; i < words.Length; i++)
            {
                for (var n = 1; n <= 4 && i + n <= words.Length && words[i + n - 1] is not null; n++)
                    Add(total, string.Join(' ', words, i, n));
            }
            var entityAtEnd = t.Entities.Where(e => e.Type != EntityTypes.Person).GroupBy(e => e.End).ToDictionary(g => g.Key, g => g.First());
            foreach (var per in t.Entities.Where(e => e.Type == EntityTypes.Person))
            {
                var i = syl.FindIndex(s => s.Start >= per.Start);
                if (i < 0)
                    continue;
                var j = SkipModifierEntities(syl, i, entityAtEnd);
                for (var n = 1; n <= 4 && j - n >= 0 && words[j - n] is not null && !InsideEntity(t.Entities, syl[j - n]); n++)
                    Add(before, string.Join(' ', words, j - n, n));
                var k = syl.FindIndex(s => s.Start >= per.End);
                if (k >= 0 && k + 1 < syl.Count && !syl[k].IsWord && t.Text[syl[k].Start] == ',')
                {
                    for (var n = 1; n <= 4 && k + n < words.Length && words[k + n] is not null && !InsideEntity(t.Entities, syl[k + n]); n++)
                        Add(after, string.Join(' ', words, k + 1, n));
                }
            }
        }

        // Candidates: enough evidence and share, no function word at either end.
        var candidates = new Dictionary<string, MinedHead>(StringComparer.Ordinal);
        foreach (var key in before.Keys.Union(after.Keys))
        {
            var b = before.GetValueOrDefault(key);
            var a = after.GetValueOrDefault(key);
            var tot = Math.Max(1, total.GetValueOrDefault(key));
            var parts = key.Split(' ');
            if (b + a < MinCount || (double)(b + a) / tot < MinShare)
                continue;
            if (_stop.Contains(parts[0]) || _stop.Contains(parts[^1]) || _stop.Contains(key) || parts.Any(p => !p.Any(char.IsLetter)) || _surnames.Contains(parts[0]))
                continue;
            candidates[key] = new MinedHead(key, b, a, tot);
        }
        int Evidence(MinedHead h) => h.Before + h.After;

        // Left-closed: no single left extension carries half the evidence ("trưởng" is mostly "bộ trưởng").
        var evidence = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in before.Keys.Union(after.Keys))
            evidence[key] = before.GetValueOrDefault(key) + after.GetValueOrDefault(key);
        // Productive left syllables ("phó", "cựu", "nguyên"): seen before 3+ multi-syllable candidates, twice each.
        // A syllable seen before 80% of all occurrences of the next one is part of a word with it ("chủ" of "chủ tịch"), not a prefix.
        var productive = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, ev) in evidence)
        {
            var sp = key.IndexOf(' ', StringComparison.Ordinal);
            var rest = sp < 0 ? "" : key[(sp + 1)..];
            if (ev < 2 || !rest.Contains(' ', StringComparison.Ordinal) || !candidates.ContainsKey(rest) || _stop.Contains(key[..sp]))
                continue;
            var next = rest[..rest.IndexOf(' ', StringComparison.Ordinal)];
            if (total.GetValueOrDefault(key[..sp] + " " + next) >= 0.8 * total.GetValueOrDefault(next))
                continue;
            productive[key[..sp]] = productive.GetValueOrDefault(key[..sp]) + 1;
        }
        var prefixSet = productive.Where(p => p.Value >= MinPrefixHeads).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var maxLeftExtension = new Dictionary<string, int>(StringComparer.Ordinal);
        var sumLeftExtension = new Dictionary<string, int>(StringComparer.Ordinal);
        var rightExtendedAfter = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, ev) in evidence)
        {
            var sp = key.IndexOf(' ', StringComparison.Ordinal);
            if (sp < 0)
                continue;
            var tail = key[(sp + 1)..];
            var head = key[..key.LastIndexOf(' ')];
            rightExtendedAfter[head] = Math.Max(rightExtendedAfter.GetValueOrDefault(head), after.GetValueOrDefault(key));
            // A prefix before a multi-syllable string ("phó bí thư") does not make "bí thư" a tail.
            if (!(prefixSet.Contains(key[..sp]) && tail.Contains(' ', StringComparison.Ordinal)))
                maxLeftExtension[tail] = Math.Max(maxLeftExtension.GetValueOrDefault(tail), ev);
            if (!_function.Contains(key[..sp]))
                sumLeftExtension[tail] = sumLeftExtension.GetValueOrDefault(tail) + ev;
        }
        // A single syllable must not be mostly inside longer words at all ("trưởng" of bộ/thứ/viện trưởng).
        bool LeftClosed(string key) => key.Contains(' ', StringComparison.Ordinal)
            ? maxLeftExtension.GetValueOrDefault(key) < 0.5 * evidence.GetValueOrDefault(key)
            : sumLeftExtension.GetValueOrDefault(key) < 0.5 * evidence.GetValueOrDefault(key);
        // Right-closed: a string seen mostly after "NAME," is not mostly one longer string cut short ("phó giám" of "phó giám đốc").
        bool RightClosed(MinedHead c) => c.Before >= c.After || rightExtendedAfter.GetValueOrDefault(c.Text) < 0.5 * c.After;
        var kept = candidates.Values.Where(c => LeftClosed(c.Text) && RightClosed(c)).ToDictionary(c => c.Text, StringComparer.Ordinal);

        // "p + s" where s is a left-closed string with more evidence is s with extra left context ("phạt bị cáo",
        // "gia đình đại tướng"); a p that combines so with 3+ kept heads is a prefix ("phó").
        var prefixHeads = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var composed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in kept.Values)
        {
            var parts = c.Text.Split(' ');
            for (var s = 1; s < parts.Length; s++)
            {
                var head = string.Join(' ', parts[s..]);
                if (LeftClosed(head) && evidence.GetValueOrDefault(head) > Evidence(c))
                {
                    composed.Add(c.Text);
                    if (kept.ContainsKey(head))
                    {
                        var prefix = string.Join(' ', parts[..s]);
                        if (!prefixHeads.TryGetValue(prefix, out var set))
                            prefixHeads[prefix] = set = new HashSet<string>(StringComparer.Ordinal);
                        set.Add(head);
                    }
                    break;
                }
            }
        }
        foreach (var c in kept.Values)
        {
            // "head + modifier" ("chủ tịch ubnd tỉnh") is covered by the head and the modifier rules.
            var parts = c.Text.Split(' ');
            for (var s = parts.Length - 1; s >= 1; s--)
            {
                if (kept.TryGetValue(string.Join(' ', parts[..s]), out var h) && Evidence(h) > Evidence(c))
                {
                    composed.Add(c.Text);
                    break;
                }
            }
        }
        foreach (var p in prefixSet)
        {
            if (!prefixHeads.ContainsKey(p))
                prefixHeads[p] = new HashSet<string>(StringComparer.Ordinal);
        }
        var prefixes = prefixHeads.Where(p => (p.Value.Count >= MinPrefixHeads || prefixSet.Contains(p.Key)) && !_stop.Contains(p.Key))
            .Select(p => (p.Key, Math.Max(p.Value.Count, productive.GetValueOrDefault(p.Key)))).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var heads = kept.Values.Where(c => !composed.Contains(c.Text))
            .OrderBy(c => c.Text, StringComparer.Ordinal).ToList();
        var accepted = heads.Where(h => !_rejected.Contains(h.Text)).ToList();
        var rejected = heads.Where(h => _rejected.Contains(h.Text)).ToList();

        // Modifiers: lower-case syllables between an accepted head and the name, outside entities.
        var headSet = accepted.Select(h => h.Text).ToHashSet(StringComparer.Ordinal);
        var modifiers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (t, syl) in corpus)
        {
            var words = syl.Select(s => s.IsWord ? t.Text[s.Start..s.End].ToLower(CultureInfo.InvariantCulture) : null).ToArray();
            foreach (var per in t.Entities.Where(e => e.Type == EntityTypes.Person))
            {
                var i = syl.FindIndex(s => s.Start >= per.Start);
                if (i < 0)
                    continue;
                for (var h = i - 1; h >= Math.Max(0, i - 12) && words[h] is not null; h--)
                {
                    if (InsideEntity(t.Entities, syl[h]) || !EndsHead(words, h, headSet))
                        continue;
                    // The whole gap between the head and the name, outside entities, when it holds no function word.
                    var gap = new List<string>();
                    var clean = i - h - 1 <= 6;
                    for (var g = h + 1; g < i && clean; g++)
                    {
                        if (InsideEntity(t.Entities, syl[g]))
                        {
                            Flush(gap, modifiers);
                            continue;
                        }
                        var w = words[g];
                        clean = w is not null && (!_stop.Contains(w) || w is "của" or "về");
                        if (w is "của" or "về")
                            Flush(gap, modifiers);
                        else
                            gap.Add(words[g]!);
                    }
                    if (clean)
                        Flush(gap, modifiers);
                    gap.Clear();
                    break;
                }
            }
        }
        var mods = modifiers.Where(m => m.Value >= MinModifierCount && !_stop.Contains(m.Key) && !_rejected.Contains(m.Key))
            .Select(m => (m.Key, m.Value)).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        return new MinedTitleLexicon(accepted, prefixes, mods, rejected);
    }

    private static void Flush(List<string> run, Dictionary<string, int> modifiers)
    {
        if (run.Count is > 0 and <= 5)
            Add(modifiers, string.Join(' ', run));
        run.Clear();
    }

    private static bool EndsHead(string?[] words, int h, HashSet<string> heads)
    {
        for (var n = 1; n <= 4 && h - n + 1 >= 0; n++)
        {
            if (words[h - n + 1] is null)
                return false;
            if (heads.Contains(string.Join(' ', words, h - n + 1, n)))
                return true;
        }
        return false;
    }

    private static bool InsideEntity(IReadOnlyList<Entity> entities, Syllable s)
    {
        foreach (var e in entities)
        {
            if (e.Start <= s.Start && s.End <= e.End)
                return true;
        }
        return false;
    }

    private static int SkipModifierEntities(List<Syllable> syl, int i, Dictionary<int, Entity> entityAtEnd)
    {
        var j = i;
        while (j > 0 && entityAtEnd.TryGetValue(syl[j - 1].End, out var e))
        {
            var start = syl.FindIndex(s => s.Start >= e.Start);
            if (start < 0 || start >= j)
                break;
            j = start;
        }
        return j;
    }

    private static void Add(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
