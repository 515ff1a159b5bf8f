using System.Collections.Immutable;
using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>
/// Read-only view of a document's linked entities (after <see cref="RuleMentionLinker"/>): the mentions of
/// each ref, its fullest name, its aliases and its best title, and the most recent person before an offset.
/// For the quote stage and exporters. Built in O(n log n); immutable and thread-safe.
/// </summary>
public sealed class MentionGraph
{
    private readonly Dictionary<string, ImmutableArray<Entity>> _byRef;
    private readonly Dictionary<string, ImmutableArray<Entity>> _titlesByPerson;
    private readonly ImmutableArray<Entity> _persons;

    public MentionGraph(IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var sorted = entities.OrderBy(e => e.Start).ThenBy(e => e.End).ToImmutableArray();
        Entities = sorted;
        _byRef = sorted.Where(e => e.Ref is not null).GroupBy(e => e.Ref!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        _titlesByPerson = sorted.Where(e => e.Type == EntityTypes.Title && e.PersonRef is not null)
            .GroupBy(e => e.PersonRef!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        _persons = sorted.Where(e => e.Type == EntityTypes.Person).ToImmutableArray();
    }

    public MentionGraph(AnnotatedDocument document)
        : this((document ?? throw new ArgumentNullException(nameof(document))).Entities.IsDefault ? [] : document.Entities)
    {
    }

    /// <summary>All entities, sorted by start.</summary>
    public ImmutableArray<Entity> Entities { get; }

    /// <summary>The refs, in order of first mention.</summary>
    public IEnumerable<string> Refs => _byRef.Values.OrderBy(m => m[0].Start).Select(m => m[0].Ref!);

    /// <summary>The mentions of <paramref name="entityRef"/> in text order; empty when unknown.</summary>
    public ImmutableArray<Entity> Mentions(string entityRef) =>
        _byRef.TryGetValue(entityRef, out var m) ? m : [];

    /// <summary>The entity type of <paramref name="entityRef"/> (<c>PER</c>, <c>ORG</c>...), or null when unknown.</summary>
    public string? TypeOf(string entityRef) => _byRef.TryGetValue(entityRef, out var m) ? m[0].Type : null;

    /// <summary>
    /// The fullest name of <paramref name="entityRef"/>: its mention with the most syllables (the earliest on
    /// ties), as written; null when the ref is unknown.
    /// </summary>
    public string? FullestName(string entityRef)
    {
        if (!_byRef.TryGetValue(entityRef, out var mentions))
            return null;
        Entity? best = null;
        var bestCount = -1;
        foreach (var m in mentions)
        {
            var n = SyllableScanner.Scan(m.Text).Count(s => s.IsWord);
            if (n > bestCount)
                (best, bestCount) = (m, n);
        }
        return best?.Text;
    }

    /// <summary>The other distinct names of <paramref name="entityRef"/> (ignoring case), fullest name left out, in text order.</summary>
    public IReadOnlyList<string> Aliases(string entityRef)
    {
        var full = FullestName(entityRef);
        return Mentions(entityRef).Select(m => m.Text)
            .Where(t => !string.Equals(t, full, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The title mentions linked to person <paramref name="personRef"/>, in text order.</summary>
    public ImmutableArray<Entity> Titles(string personRef) =>
        _titlesByPerson.TryGetValue(personRef, out var t) ? t : [];

    /// <summary>
    /// The best title of <paramref name="personRef"/>: the linked title with the most syllables (the earliest on
    /// ties), so an office beats a bare rank or degree; null when none is linked.
    /// </summary>
    public string? BestTitle(string personRef)
    {
        Entity? best = null;
        var bestCount = -1;
        foreach (var t in Titles(personRef))
        {
            var n = SyllableScanner.Scan(t.Text).Count(s => s.IsWord);
            if (n > bestCount)
                (best, bestCount) = (t, n);
        }
        return best?.Text;
    }

    /// <summary>
    /// The ref of the one person whose linked titles include <paramref name="title"/> (ignoring case and surrounding
    /// spaces), for a title standing alone as a speaker (<c>Ngoại trưởng Mỹ cho biết</c>); null when no person or
    /// more than one holds it.
    /// </summary>
    public string? PersonWithTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var key = TitleLexicon.Key(title);
        string? found = null;
        foreach (var (person, titles) in _titlesByPerson)
        {
            if (!titles.Any(t => TitleLexicon.Key(t.Text) == key))
                continue;
            if (found is not null && found != person)
                return null;
            found = person;
        }
        return found;
    }

    /// <summary>The entity whose span is exactly [start, end), or null.</summary>
    public Entity? At(int start, int end)
    {
        foreach (var e in Entities)
        {
            if (e.Start == start && e.End == end)
                return e;
            if (e.Start > start)
                break;
        }
        return null;
    }

    /// <summary>
    /// The last PER mention that ends at or before <paramref name="offset"/> and satisfies <paramref name="accept"/>
    /// (for example "a woman" for <c>bà</c>), or null. For resolving <c>ông</c>, <c>bà</c>, <c>người này</c>.
    /// </summary>
    public Entity? MostRecentPerson(int offset, Func<Entity, bool>? accept = null)
    {
        for (var i = _persons.Length - 1; i >= 0; i--)
        {
            var p = _persons[i];
            if (p.End <= offset && (accept is null || accept(p)))
                return p;
        }
        return null;
    }
}
