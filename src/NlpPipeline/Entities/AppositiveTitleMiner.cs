using System.Globalization;

namespace NlpPipeline.Entities;

/// <summary>A head mined from appositives: times it opened a clause closed by <c>, ông|bà NAME</c>, times it opened the clause after <c>ông|bà NAME,</c> (or <c>-</c>), and all its occurrences.</summary>
public sealed record AppositiveHead(string Text, int Appositive, int AfterName, int Occurrences);

/// <summary>What <see cref="AppositiveTitleMiner"/> found in unlabelled text.</summary>
public sealed record MinedAppositives(
    IReadOnlyList<AppositiveHead> Heads,
    IReadOnlyList<(string Text, int Heads)> Prefixes,
    IReadOnlyList<(string Text, int Count)> Modifiers,
    IReadOnlyList<AppositiveHead> Rejected);

/// <summary>
/// Mines title heads, prefixes and modifiers from unlabelled text (no entity labels needed) through two appositives.
/// Before the name: a clause opened by a capitalised word (after <c>,</c> <c>;</c> <c>:</c> <c>.</c> <c>(</c>
/// <c>“</c> or a line start, and one optional function word such as <c>Theo</c>) and closed by a comma, a lower-case
/// <c>ông</c>/<c>bà</c> and a capitalised syllable. After the name: the clause after <c>ông|bà NAME,</c> (or
/// <c>-</c>), NAME being 1–4 capitalised syllables. A clause's first 1–4 syllables are a head candidate when what
/// follows them is at most two lower-case non-function syllables and then the clause end, a capitalised syllable or
/// <c>của</c> (<c>Đại diện Công ty X, ông Y</c>; not <c>Trao đổi với Báo X, ông Y</c>). A candidate is kept when
/// seen <see cref="MinCount"/> times in both, at least once after a name, in at least <see cref="MinShare"/> of all
/// its occurrences and in lower case in at least <see cref="MinLowerShare"/> of them (names never are); when no
/// syllable of it is a function word and it neither starts nor ends with an honorific nor starts with a family name;
/// when it is not mostly cut short of one longer candidate (<c>phó tổng giám</c>); and when it is not a known head,
/// a known modifier, a head plus more syllables (<c>giám đốc điều hành</c>) or syllables plus a head
/// (<c>phó giám đốc</c>). A capitalised syllable opening clauses before <see cref="MinPrefixHeads"/> different
/// heads is a prefix (<c>Cựu</c>); the lower-case runs between a head and a capitalised word or <c>của</c> seen
/// <see cref="MinModifierCount"/> times are modifiers. Deterministic: output is sorted.
/// </summary>
public sealed class AppositiveTitleMiner
{
    private const int MaxClause = 25;
    private readonly HashSet<string> _function;
    private readonly HashSet<string> _stop;
    private readonly HashSet<string> _honorifics;
    private readonly HashSet<string> _surnames;
    private readonly HashSet<string> _rejected;

    public int MinCount { get; init; } = 3;
    public double MinShare { get; init; } = 0.015;
    public int MinModifierCount { get; init; } = 2;
    /// <summary>Least share of a head's occurrences written in lower case (titles are, names never).</summary>
    public double MinLowerShare { get; init; } = 0.1;
    public int MinPrefixHeads { get; init; } = 3;

    /// <param name="functionWords">Function words (lower-case); one may open the clause (<c>Theo</c>), none may start or end a head.</param>
    /// <param name="honorifics">Honorifics; <paramref name="appositiveHonorifics"/> of them introduce the name after the comma.</param>
    /// <param name="rejected">Reviewed candidates that are not titles.</param>
    /// <param name="surnames">Family names: a candidate starting with one is a name.</param>
    /// <param name="appositiveHonorifics">The honorifics of the pattern; <c>ông</c> and <c>bà</c> when null.</param>
    public AppositiveTitleMiner(IEnumerable<string> functionWords, IEnumerable<string> honorifics, IEnumerable<string> rejected,
        IEnumerable<string> surnames, IEnumerable<string>? appositiveHonorifics = null)
    {
        _function = functionWords.Select(Lower).ToHashSet(StringComparer.Ordinal);
        _stop = _function.Concat(honorifics.Select(Lower)).ToHashSet(StringComparer.Ordinal);
        _rejected = rejected.Select(Lower).ToHashSet(StringComparer.Ordinal);
        _surnames = surnames.Select(Lower).ToHashSet(StringComparer.Ordinal);
        _honorifics = (appositiveHonorifics ?? ["ông", "bà"]).Select(Lower).ToHashSet(StringComparer.Ordinal);
    }

    private static string Lower(string s) => s.Trim().ToLower(CultureInfo.InvariantCulture);

    /// <summary>
    /// Mines <paramref name="texts"/> (enumerated twice: clauses, then the occurrences of the candidates).
    /// <paramref name="knownHeads"/> (mined elsewhere) anchor modifiers and prefixes and make their extensions redundant;
    /// <paramref name="knownModifiers"/> (mined elsewhere, <c>thường trực</c>) are not heads.
    /// </summary>
    public MinedAppositives Mine(Func<IEnumerable<string>> texts, IReadOnlyCollection<string> knownHeads, IReadOnlyCollection<string>? knownModifiers = null)
    {
        var known = knownHeads.Select(Lower).ToHashSet(StringComparer.Ordinal);
        var knownMods = (knownModifiers ?? []).Select(Lower).ToHashSet(StringComparer.Ordinal);
        var appositive = new Dictionary<string, int>(StringComparer.Ordinal);
        var afterName = new Dictionary<string, int>(StringComparer.Ordinal);
        var clauses = new List<string[]>();
        foreach (var text in texts())
        {
            var syl = SyllableScanner.Scan(text);
            for (var i = 0; i + 2 < syl.Count; i++)
            {
                if (syl[i].IsWord && _honorifics.Contains(Lower(text[syl[i].Start..syl[i].End])))
                    CountAfterName(text, syl, i + 1, afterName);
                if (i == 0)
                    continue;
                if (syl[i].IsWord || text[syl[i].Start] != ',' || !syl[i + 1].IsWord || !syl[i + 2].IsWord
                    || !char.IsLower(text[syl[i + 1].Start]) || !_honorifics.Contains(Lower(text[syl[i + 1].Start..syl[i + 1].End]))
                    || !SyllableScanner.IsCapitalized(text, syl[i + 2]))
                    continue;
                if (Clause(text, syl, i) is not { } clause)
                    continue;
                clauses.Add(clause);
                foreach (var head in Candidates(clause))
                    Add(appositive, head);
            }
        }

        // Share: appositive uses among all occurrences of the candidate, and how many of those are in lower case.
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowerCase = new Dictionary<string, int>(StringComparer.Ordinal);
        var both = appositive.Keys.Union(afterName.Keys).Where(k => appositive.GetValueOrDefault(k) + afterName.GetValueOrDefault(k) >= MinCount).ToHashSet(StringComparer.Ordinal);
        var maxLen = both.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(0).Max();
        foreach (var text in texts())
        {
            var syl = SyllableScanner.Scan(text);
            for (var i = 0; i < syl.Count; i++)
            {
                if (!syl[i].IsWord)
                    continue;
                var key = "";
                for (var n = 0; n < maxLen && i + n < syl.Count && syl[i + n].IsWord; n++)
                {
                    key = n == 0 ? Lower(text[syl[i].Start..syl[i].End]) : key + " " + Lower(text[syl[i + n].Start..syl[i + n].End]);
                    if (both.Contains(key))
                    {
                        Add(occurrences, key);
                        if (char.IsLower(text[syl[i].Start]))
                            Add(lowerCase, key);
                    }
                }
            }
        }

        var candidates = both
            .Select(k => new AppositiveHead(k, appositive.GetValueOrDefault(k), afterName.GetValueOrDefault(k), occurrences.GetValueOrDefault(k)))
            .Where(c => c.AfterName > 0 && c.Appositive + c.AfterName >= MinShare * Math.Max(1, c.Occurrences) && lowerCase.GetValueOrDefault(c.Text) >= MinLowerShare * c.Occurrences)
            .Where(c => Plausible(c.Text))
            .ToDictionary(c => c.Text, StringComparer.Ordinal);
        // Right-closed: a single syllable whose extensions carry half its evidence, or a string one extension carries, is cut short.
        var rightSum = new Dictionary<string, int>(StringComparer.Ordinal);
        var rightMax = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in appositive.Keys.Union(afterName.Keys))
        {
            var count = appositive.GetValueOrDefault(key) + afterName.GetValueOrDefault(key);
            var sp = key.LastIndexOf(' ');
            if (sp < 0)
                continue;
            var shorter = key[..sp];
            rightSum[shorter] = rightSum.GetValueOrDefault(shorter) + count;
            rightMax[shorter] = Math.Max(rightMax.GetValueOrDefault(shorter), count);
        }
        bool RightClosed(AppositiveHead c) => c.Text.Contains(' ', StringComparison.Ordinal)
            ? rightMax.GetValueOrDefault(c.Text) < 0.8 * (c.Appositive + c.AfterName)
            : rightSum.GetValueOrDefault(c.Text) < 0.5 * (c.Appositive + c.AfterName);
        var closed = candidates.Values.Where(RightClosed).ToList();
        var closedSet = closed.ToDictionary(c => c.Text, StringComparer.Ordinal);
        var heads = closed.Where(c => !knownMods.Contains(c.Text) && !Covered(c, known, candidates, closedSet)).OrderBy(c => c.Text, StringComparer.Ordinal).ToList();
        var accepted = heads.Where(h => !_rejected.Contains(h.Text)).ToList();
        var rejected = heads.Where(h => _rejected.Contains(h.Text)).ToList();

        // Prefixes and modifiers, anchored on all accepted heads.
        var all = known.Concat(accepted.Select(h => h.Text)).ToHashSet(StringComparer.Ordinal);
        var prefixHeads = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var modifiers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var clause in clauses)
        {
            var start = 0;
            var len = HeadAt(clause, 0, all);
            if (len == 0 && clause.Length > 1 && !_stop.Contains(Bare(clause[0])) && !all.Contains(Bare(clause[0])) && (len = HeadAt(clause, 1, all)) > 0)
            {
                if (!prefixHeads.TryGetValue(Bare(clause[0]), out var set))
                    prefixHeads[Bare(clause[0])] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(string.Join(' ', clause, 1, len));
                start = 1;
            }
            if (len == 0)
                continue;
            var run = LowerRun(clause, start + len);
            var next = start + len + run;
            if (run > 0 && next < clause.Length && (clause[next].StartsWith('^') || clause[next] == "của"))
                Add(modifiers, string.Join(' ', clause, start + len, run));
        }
        var prefixes = prefixHeads.Where(p => p.Value.Count >= MinPrefixHeads && !_rejected.Contains(p.Key))
            .Select(p => (p.Key, p.Value.Count)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var mods = modifiers.Where(m => m.Value >= MinModifierCount && !_rejected.Contains(m.Key) && !all.Contains(m.Key))
            .Select(m => (m.Key, m.Value)).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        return new MinedAppositives(accepted, prefixes, mods, rejected);
    }

    /// <summary>
    /// The lower-cased words of the clause ending at the comma <paramref name="comma"/>, from its opening capitalised
    /// word; capitalised syllables keep a leading <c>^</c> mark. Null when the clause has no clear opening.
    /// </summary>
    private string[]? Clause(string text, List<Syllable> syl, int comma)
    {
        var b = comma;
        while (b > 0 && comma - b < MaxClause && syl[b - 1].IsWord && !text.AsSpan(syl[b - 1].End, syl[b].Start - syl[b - 1].End).Contains('\n'))
            b--;
        if (b == comma || comma - b >= MaxClause)
            return null;
        if (b > 0 && !(syl[b - 1].IsWord || text[syl[b - 1].Start] is ',' or ';' or ':' or '.' or '(' or '!' or '?' or '“' or '"'
            || text.AsSpan(syl[b - 1].End, syl[b].Start - syl[b - 1].End).Contains('\n')))
            return null;
        if (_function.Contains(Lower(text[syl[b].Start..syl[b].End])) && b + 1 < comma)
            b++;
        if (!SyllableScanner.IsCapitalized(text, syl[b]))
            return null;
        return syl.Skip(b).Take(comma - b)
            .Select(s => (SyllableScanner.IsCapitalized(text, s) ? "^" : "") + Lower(text[s.Start..s.End])).ToArray();
    }

    /// <summary>Counts the head candidates of the clause after <c>NAME ,</c> or <c>NAME -</c>, NAME being 1–4 capitalised syllables from <paramref name="i"/>.</summary>
    private void CountAfterName(string text, List<Syllable> syl, int i, Dictionary<string, int> counts)
    {
        var j = i;
        while (j < syl.Count && j - i < 4 && SyllableScanner.IsCapitalized(text, syl[j]))
            j++;
        if (j == i || j + 1 >= syl.Count || syl[j].IsWord || text[syl[j].Start] is not (',' or '-'))
            return;
        var end = j + 1;
        while (end < syl.Count && end - j <= MaxClause && syl[end].IsWord)
            end++;
        var clause = syl.Skip(j + 1).Take(end - j - 1)
            .Select(s => (SyllableScanner.IsCapitalized(text, s) ? "^" : "") + Lower(text[s.Start..s.End])).ToArray();
        foreach (var head in Candidates(clause))
            Add(counts, head);
    }

    /// <summary>The clause's opening 1–4 syllables that are followed by at most two lower-case modifiers and then the end, a capitalised word or <c>của</c>.</summary>
    private IEnumerable<string> Candidates(string[] clause)
    {
        for (var n = 1; n <= 4 && n <= clause.Length; n++)
        {
            var q = n + LowerRun(clause, n);
            if (q - n > 2 || q < clause.Length && !clause[q].StartsWith('^') && clause[q] != "của")
                continue;
            yield return string.Join(' ', clause.Take(n).Select(Bare));
        }
    }

    /// <summary>Lower-case non-function syllables from <paramref name="i"/>, at most three.</summary>
    private int LowerRun(string[] clause, int i)
    {
        var j = i;
        while (j < clause.Length && j - i < 3 && !clause[j].StartsWith('^') && !_stop.Contains(clause[j]) && clause[j].Any(char.IsLetter))
            j++;
        return j - i;
    }

    private static int HeadAt(string[] clause, int i, HashSet<string> heads)
    {
        for (var n = Math.Min(4, clause.Length - i); n >= 1; n--)
        {
            if (heads.Contains(string.Join(' ', clause.Skip(i).Take(n).Select(Bare))))
                return n;
        }
        return 0;
    }

    private static string Bare(string w) => w.TrimStart('^');

    private bool Plausible(string key)
    {
        var parts = key.Split(' ');
        return !_stop.Contains(parts[0]) && !_stop.Contains(parts[^1]) && !_surnames.Contains(parts[0]) && !parts.Any(_function.Contains)
            && parts.All(p => p.Any(char.IsLetter));
    }

    /// <summary>A known or shorter candidate head plus modifiers (<c>giám đốc điều hành</c>), or a syllable plus a head (<c>phó giám đốc</c>).</summary>
    private static bool Covered(AppositiveHead head, HashSet<string> known, Dictionary<string, AppositiveHead> candidates, Dictionary<string, AppositiveHead> closed)
    {
        if (known.Contains(head.Text))
            return true;
        var parts = head.Text.Split(' ');
        for (var s = 1; s < parts.Length; s++)
        {
            var left = string.Join(' ', parts[..s]);
            var right = string.Join(' ', parts[s..]);
            if (known.Contains(left) || known.Contains(right) || candidates.ContainsKey(right)
                || closed.TryGetValue(left, out var l) && l.Appositive + l.AfterName > head.Appositive + head.AfterName)
                return true;
        }
        return false;
    }

    private static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
