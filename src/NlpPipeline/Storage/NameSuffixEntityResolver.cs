using System.Runtime.CompilerServices;
using NlpPipeline.Documents;

namespace NlpPipeline.Storage;

/// <summary>
/// A distinct name form seen in the archive: entity type, identity key (<see cref="SearchText.NameKey"/>), display
/// name, and the keys (<see cref="SearchText.NameKey"/>) of the titles it was seen with, if any.
/// </summary>
public readonly record struct NameForm(string Type, string Key, string Name)
{
    public IReadOnlyCollection<string>? Titles { get; init; }

    /// <summary>The form's id in the store (<c>forms.id</c>; 0 when not from a store).</summary>
    internal long Id { get; init; }

    /// <summary>Where the form came from (<see cref="FormUses"/> sets its own index of the form, from 1; 0: none), kept by resolution.</summary>
    internal int Source { get; init; }
}

/// <summary>A canonical entity: one node across the archive, with the name forms it was seen under.</summary>
public sealed record CanonicalEntity(string Type, string Name, string Slug, IReadOnlyList<NameForm> Forms);

/// <summary>
/// Decides which name forms seen in different documents are one real entity. Forms with the same type and
/// key are one entity. A shorter person name whose words end exactly one known longest person name
/// (<c>Syromolotov</c>, <c>Xuân Phúc</c> → <c>Oleg Syromolotov</c>, <c>Nguyễn Xuân Phúc</c>) joins it; a short
/// name that ends two or more different full names (two people sharing it) stays its own node, as does
/// every other type's form. Titles are evidence: a full name whose titles conflict with the short name's (both
/// have titles and none is the other's word-prefix: <c>Ngoại trưởng</c> against <c>Bộ trưởng Tài chính</c>; but
/// <c>Thứ trưởng</c> fits <c>Thứ trưởng Ngoại giao Nga</c>) is not a candidate, so a same-surname pair with
/// conflicting titles stays apart and a title shared with one of two full names settles which one it is.
/// "Former" (<c>cựu</c>, <c>nguyên</c>) in front of a title is set aside: <c>cựu Tổng thống</c> fits <c>Tổng thống</c>. The result depends only on the set of forms, never on the order they were seen,
/// and is sorted by type then key.
/// </summary>
public static class NameSuffixEntityResolver
{
    // Runs once per resolution: compiled optimised at once (tiered compilation would run it unoptimised).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<CanonicalEntity> Resolve(IEnumerable<NameForm> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var distinct = Distinct(forms);

        // target[i] = index of the form that form i joins (itself when it stands alone).
        var target = Enumerable.Range(0, distinct.Count).ToArray();
        // Every proper word-suffix of every person form, with the forms it ends ("phúc" → "xuân phúc", "nguyễn xuân phúc").
        var endings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var endingsBySpan = endings.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < distinct.Count; i++)
        {
            if (distinct[i].Type != EntityTypes.Person)
                continue;
            var key = distinct[i].Key;
            for (var space = key.IndexOf(' ', StringComparison.Ordinal); space >= 0; space = key.IndexOf(' ', space + 1))
            {
                // A suffix becomes a string only the first time it is seen.
                var suffix = key.AsSpan(space + 1);
                if (!endingsBySpan.TryGetValue(suffix, out var list))
                    endings[suffix.ToString()] = list = new List<int>(1);
                list.Add(i);
            }
        }

        // Only the longest forms count as candidates: "Phúc" ends "Xuân Phúc" and "Nguyễn Xuân Phúc", one person.
        // A form is maximal when no other form ends with it.
        for (var i = 0; i < distinct.Count; i++)
        {
            if (distinct[i].Type != EntityTypes.Person || !endings.TryGetValue(distinct[i].Key, out var longer))
                continue;
            var only = -1;
            foreach (var o in longer)
            {
                if (endings.ContainsKey(distinct[o].Key) || TitlesConflict(distinct[i], distinct[o]))
                    continue;
                if (only >= 0)
                {
                    only = -2;
                    break;
                }
                only = o;
            }
            if (only >= 0)
                target[i] = only;
        }

        // members[head]: the forms that join form head, in form order; entities come out in head order.
        var members = new List<NameForm>?[distinct.Count];
        for (var i = 0; i < distinct.Count; i++)
            (members[target[i]] ??= new List<NameForm>(1)).Add(distinct[i]);

        var slugs = new HashSet<(string Type, string Slug)>();
        var result = new List<CanonicalEntity>();
        for (var head = 0; head < distinct.Count; head++)
        {
            if (members[head] is not { } list)
                continue;
            var name = distinct[head].Name;
            var baseSlug = SearchText.Slug(name);
            var slug = baseSlug;
            for (var n = 2; !slugs.Add((distinct[head].Type, slug)); n++)
                slug = $"{baseSlug}-{n}";
            result.Add(new CanonicalEntity(distinct[head].Type, name, slug, list));
        }
        return result;
    }

    // One form per (type, key), sorted ordinally by type then key: the ordinal-first name, and the union of the
    // titles (null when none has any).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<NameForm> Distinct(IEnumerable<NameForm> forms)
    {
        var all = forms as NameForm[] ?? forms.ToArray();
        // Sorted as keys with the forms' indexes, per type (a handful): the sort compares strings held in one array
        // rather than reaching each through its form. Forms of one (type, key) are then put in name order.
        var byType = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
            (byType.TryGetValue(all[i].Type, out var list) ? list : byType[all[i].Type] = []).Add(i);
        var order = new int[all.Length];
        var keys = new string[all.Length];
        var n = 0;
        foreach (var type in byType.Keys.Order(StringComparer.Ordinal))
        {
            var start = n;
            foreach (var i in byType[type])
            {
                order[n] = i;
                keys[n++] = all[i].Key;
            }
            Array.Sort(keys, order, start, n - start, StringComparer.Ordinal);
        }
        var distinct = new List<NameForm>(all.Length);
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && all[order[end]].Type == all[order[start]].Type && keys[end] == keys[start])
                end++;
            if (end - start == 1)
            {
                var only = all[order[start]];
                distinct.Add(only.Titles is null or { Count: > 0 } ? only : only with { Titles = null });
                start = end;
                continue;
            }
            Array.Sort(order, start, end - start, Comparer<int>.Create((a, b) => FormOrder(all[a], all[b])));
            HashSet<string>? titles = null;
            for (var i = start; i < end; i++)
                if (all[order[i]].Titles is { Count: > 0 } t)
                    (titles ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(t);
            distinct.Add(all[order[start]] with { Titles = titles });
            start = end;
        }
        return distinct;
    }

    // Ordinal by type, key, then name.
    private static int FormOrder(NameForm a, NameForm b)
    {
        var c = string.CompareOrdinal(a.Type, b.Type);
        if (c == 0)
            c = string.CompareOrdinal(a.Key, b.Key);
        return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
    }

    // Both forms have titles and no title of one is a word-prefix of (or equal to) a title of the other, once
    // "former" is set aside.
    private static bool TitlesConflict(NameForm a, NameForm b)
    {
        if (a.Titles is not { Count: > 0 } ta || b.Titles is not { Count: > 0 } tb)
            return false;
        static bool Fits(string x, string y) =>
            x.StartsWith(y, StringComparison.Ordinal) && (x.Length == y.Length || x[y.Length] == ' ');
        var coreA = ta.Select(Core).Where(t => t.Length > 0).ToList();
        var coreB = tb.Select(Core).Where(t => t.Length > 0).ToList();
        return coreA.Count > 0 && coreB.Count > 0 && !coreA.Any(x => coreB.Any(y => Fits(x, y) || Fits(y, x)));
    }

    // A title without the words for "former" ("cựu", "nguyên") in front: a former minister held the title.
    private static string Core(string title)
    {
        foreach (var former in (ReadOnlySpan<string>)["cựu", "nguyên"])
        {
            if (title == former)
                return string.Empty;
            if (title.StartsWith(former + " ", StringComparison.Ordinal))
                return title[(former.Length + 1)..];
        }
        return title;
    }
}
