using System.Collections.Immutable;
using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>Counts of one entity type: true positives, false positives (spurious), false negatives (missed).</summary>
public readonly record struct EntityCounts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static EntityCounts operator +(EntityCounts a, EntityCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

/// <summary>
/// Exact-match NER scoring (CoNLL style): a predicted entity counts only when its start, end and type all
/// equal a gold entity's. Accumulates over documents.
/// </summary>
public sealed class EntityScorer
{
    private readonly SortedDictionary<string, EntityCounts> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, EntityCounts> ByType => _counts;

    /// <summary>Adds one document's gold and predicted entities (each list free of exact duplicates).</summary>
    public void Add(IEnumerable<Entity> gold, IEnumerable<Entity> predicted)
    {
        var goldSet = gold.Select(e => (e.Type, e.Start, e.End)).ToHashSet();
        var predSet = predicted.Select(e => (e.Type, e.Start, e.End)).ToHashSet();
        foreach (var g in goldSet)
            Bump(g.Type, predSet.Contains(g) ? new EntityCounts(1, 0, 0) : new EntityCounts(0, 0, 1));
        foreach (var p in predSet)
        {
            if (!goldSet.Contains(p))
                Bump(p.Type, new EntityCounts(0, 1, 0));
        }
    }

    /// <summary>Sum of the counts of <paramref name="types"/> (micro average).</summary>
    public EntityCounts Micro(IEnumerable<string> types) =>
        types.Aggregate(default(EntityCounts), (acc, t) => acc + _counts.GetValueOrDefault(t));

    /// <summary>Micro average over PER, ORG and LOC, the figure the targets are stated in.</summary>
    public EntityCounts MicroPerOrgLoc => Micro([EntityTypes.Person, EntityTypes.Organization, EntityTypes.Location]);

    public static ImmutableArray<string> MainTypes { get; } = [EntityTypes.Person, EntityTypes.Organization, EntityTypes.Location, EntityTypes.Miscellaneous];

    /// <summary>A plain-text table: one row per type, then micro over PER/ORG/LOC and over all types.</summary>
    public string Report()
    {
        var lines = new List<string> { $"{"type",-12} {"gold",6} {"pred",6} {"P",7} {"R",7} {"F1",7}" };
        foreach (var (type, c) in _counts)
            lines.Add(Row(type, c));
        lines.Add(Row("micro-PER/ORG/LOC", MicroPerOrgLoc));
        lines.Add(Row("micro-all", Micro(_counts.Keys)));
        return string.Join('\n', lines);
    }

    private static string Row(string name, EntityCounts c) =>
        FormattableString.Invariant($"{name,-12} {c.TruePositives + c.FalseNegatives,6} {c.TruePositives + c.FalsePositives,6} {100 * c.Precision,7:F2} {100 * c.Recall,7:F2} {100 * c.F1,7:F2}");

    private void Bump(string type, EntityCounts add) => _counts[type] = _counts.GetValueOrDefault(type) + add;
}
