using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>Which person a title mention describes, from the text between them.</summary>
public static class TitleAttachment
{
    /// <summary>
    /// The PER mention a title describes: the one right after it (only spaces, an honorific, or <c>,</c> and an
    /// optional honorific between: <c>Thứ trưởng X</c>, <c>Giám đốc Y, ông X</c>, <c>Chủ tịch Y – X</c>), else the one right before it
    /// across <c>,</c>, <c>-</c>, <c>–</c> or <c>(</c> (<c>X, Chủ tịch Y</c>); null when neither.
    /// </summary>
    public static Entity? Person(string text, Entity title, IReadOnlyList<Entity> persons, TitleLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(lexicon);
        Entity? after = null, before = null;
        foreach (var p in persons)
        {
            if (p.Start >= title.End && (after is null || p.Start < after.Start))
                after = p;
            if (p.End <= title.Start && (before is null || p.End > before.End))
                before = p;
        }
        if (after is not null && BetweenOk(text, title.End, after.Start, lexicon, allowComma: true))
            return after;
        if (before is not null && Separator(text.AsSpan(before.End, title.Start - before.End)))
            return before;
        return null;
    }

    private static bool BetweenOk(string text, int from, int to, TitleLexicon lexicon, bool allowComma)
    {
        if (to - from > 20)
            return false;
        var gap = text[from..to];
        var syl = SyllableScanner.Scan(gap);
        var keys = syl.Select(s => s.IsWord ? TitleLexicon.Key(gap[s.Start..s.End]) : null).ToArray();
        var i = 0;
        if (allowComma && i < syl.Count && !syl[i].IsWord && gap[syl[i].Start] is ',' or '-' or '–')
            i++;
        if (i < keys.Length)
            i += lexicon.MatchHonorific(keys, i);
        return i == syl.Count && !gap.Contains('\n', StringComparison.Ordinal);
    }

    private static bool Separator(ReadOnlySpan<char> between)
    {
        var t = between.Trim();
        return t is "," or "-" or "–" or "(" && between.Length <= 3;
    }
}
