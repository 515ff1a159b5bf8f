using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>
/// A document's syllables with lower-case keys and the entity covering each one, shared by the title and
/// linking rules. <see cref="Persons"/> lists each PER mention as a [start, end) syllable range.
/// </summary>
internal sealed class SyllableView
{
    public SyllableView(string text, IReadOnlyList<Entity> entities)
    {
        Text = text;
        Syl = SyllableScanner.Scan(text);
        Keys = Syl.Select(s => s.IsWord ? TitleLexicon.Key(text[s.Start..s.End]) : null).ToArray();
        EntityAt = new int[Syl.Count];
        PersonAt = new bool[Syl.Count];
        Array.Fill(EntityAt, -1);
        Entities = entities;
        var persons = new List<(int, int)>();
        var starts = Syl.Select(s => s.Start).ToArray();
        for (var e = 0; e < entities.Count; e++)
        {
            var entity = entities[e];
            if (entity.Type == EntityTypes.Title)
                continue;
            var first = Array.BinarySearch(starts, entity.Start);
            if (first < 0)
                first = ~first;
            var last = first;
            while (last < Syl.Count && Syl[last].End <= entity.End)
                last++;
            if (last == first)
                continue;
            for (var i = first; i < last; i++)
            {
                if (entity.Type == EntityTypes.Person)
                    PersonAt[i] = true;
                else if (EntityAt[i] < 0)
                    EntityAt[i] = e;
            }
            if (entity.Type == EntityTypes.Person)
                persons.Add((first, last));
        }
        Persons = persons;
    }

    public string Text { get; }
    public List<Syllable> Syl { get; }
    public string?[] Keys { get; }
    /// <summary>Index into <see cref="Entities"/> of the ORG/LOC/MISC entity covering each syllable, or -1.</summary>
    public int[] EntityAt { get; }
    public bool[] PersonAt { get; }
    public IReadOnlyList<Entity> Entities { get; }
    public IReadOnlyList<(int Start, int End)> Persons { get; }
    public int Count => Syl.Count;

    /// <summary>True when a line break separates syllable <paramref name="i"/> from the one before it.</summary>
    public bool BreakBefore(int i) => i > 0 && i < Syl.Count && Text.AsSpan(Syl[i - 1].End, Syl[i].Start - Syl[i - 1].End).Contains('\n');

    public bool IsPunct(int i, char c) => i >= 0 && i < Syl.Count && !Syl[i].IsWord && Text[Syl[i].Start] == c;

    public bool IsCapitalized(int i) => i >= 0 && i < Syl.Count && SyllableScanner.IsCapitalized(Text, Syl[i]);

    /// <summary>The first syllable after the entity covering syllable <paramref name="i"/>.</summary>
    public int EntityEnd(int i)
    {
        var e = EntityAt[i];
        var j = i;
        while (j < Syl.Count && EntityAt[j] == e)
            j++;
        return j;
    }
}
