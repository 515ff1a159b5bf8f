using System.Collections.Immutable;
using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>
/// Document-level pass over the tagger's entities: a surface string tagged with several types in one document
/// takes the type it was tagged with most often (ties keep each tag). Offsets and order are unchanged.
/// (Measured: +0.2 F1 on both dev splits with one pass, +0.06 / +0.09 after the stacked pass; also adding untagged
/// repeats of tagged strings cost 2018 precision.)
/// </summary>
internal static class DocumentConsistency
{
    public static void Apply(ImmutableArray<Entity>.Builder entities)
    {
        if (entities.Count < 2)
            return;
        var types = PerceptronEntityModel.Types;
        var votes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            var type = PerceptronEntityModel.TypeIndex(e.Type);
            if (type < 0)
                continue;
            if (!votes.TryGetValue(e.Text, out var v))
                votes[e.Text] = v = new int[types.Count];
            v[type]++;
        }
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            var own = PerceptronEntityModel.TypeIndex(e.Type);
            if (own < 0 || !votes.TryGetValue(e.Text, out var v))
                continue;
            var best = own;
            for (var t = 0; t < v.Length; t++)
            {
                if (v[t] > v[best])
                    best = t;
            }
            if (best != own)
                entities[i] = e with { Type = types[best] };
        }
    }
}
