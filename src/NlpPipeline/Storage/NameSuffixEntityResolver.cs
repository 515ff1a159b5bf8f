using NlpPipeline.Documents;

namespace NlpPipeline.Storage;

/// <summary>A distinct name form seen in the archive: entity type, identity key (<see cref="SearchText.NameKey"/>), display name.</summary>
public readonly record struct NameForm(string Type, string Key, string Name);

/// <summary>A canonical entity: one node across the archive, with the name forms it was seen under.</summary>
public sealed record CanonicalEntity(string Type, string Name, string Slug, IReadOnlyList<NameForm> Forms);

/// <summary>
/// Decides which name forms seen in different documents are one real entity. Forms with the same type and
/// key are one entity. A shorter person name whose words end exactly one known longest person name
/// (<c>Syromolotov</c>, <c>Xuân Phúc</c> → <c>Oleg Syromolotov</c>, <c>Nguyễn Xuân Phúc</c>) joins it; a short
/// name that ends two or more different full names (two people sharing it) stays its own node, as does
/// every other type's form. The result depends only on the set of forms, never on the order they were seen,
/// and is sorted by type then key.
/// </summary>
public static class NameSuffixEntityResolver
{
    public static IReadOnlyList<CanonicalEntity> Resolve(IEnumerable<NameForm> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var distinct = forms
            .GroupBy(f => (f.Type, f.Key))
            .Select(g => g.OrderBy(f => f.Name, StringComparer.Ordinal).First())
            .OrderBy(f => f.Type, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal)
            .ToList();

        // target[i] = index of the form that form i joins (itself when it stands alone).
        var target = Enumerable.Range(0, distinct.Count).ToArray();
        // Every proper word-suffix of every person form, with the forms it ends ("phúc" → "xuân phúc", "nguyễn xuân phúc").
        var endings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++)
        {
            if (distinct[i].Type != EntityTypes.Person)
                continue;
            var key = distinct[i].Key;
            for (var space = key.IndexOf(' ', StringComparison.Ordinal); space >= 0; space = key.IndexOf(' ', space + 1))
            {
                var suffix = key[(space + 1)..];
                if (!endings.TryGetValue(suffix, out var list))
                    endings[suffix] = list = [];
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
                if (endings.ContainsKey(distinct[o].Key))
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

        var groups = new SortedDictionary<int, List<NameForm>>();
        for (var i = 0; i < distinct.Count; i++)
        {
            if (!groups.TryGetValue(target[i], out var list))
                groups[target[i]] = list = [];
            list.Add(distinct[i]);
        }

        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<CanonicalEntity>(groups.Count);
        foreach (var (head, list) in groups)
        {
            var name = distinct[head].Name;
            var baseSlug = SearchText.Slug(name);
            var slug = baseSlug;
            for (var n = 2; !slugs.Add(distinct[head].Type + "/" + slug); n++)
                slug = $"{baseSlug}-{n}";
            result.Add(new CanonicalEntity(distinct[head].Type, name, slug, list));
        }
        return result;
    }
}
