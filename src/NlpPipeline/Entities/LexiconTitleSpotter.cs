using System.Collections.Immutable;
using NlpPipeline.Documents;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Entities;

/// <summary>
/// Finds titles written next to a person's name and adds them as <c>TITLE</c> entities: a head from the mined
/// lexicon (<c>Thứ trưởng</c>, with a mined prefix such as <c>Phó</c>) plus modifiers up to the name
/// (<c>Thứ trưởng Ngoại giao Nga</c> + PER), after <c>NAME,</c> / <c>NAME -</c> / <c>NAME (</c> (the appositive
/// <c>X, Chủ tịch UBND TP Hà Nội</c>), or before <c>, [ông] NAME</c>. Modifiers are ORG/LOC/MISC entities found
/// earlier, capitalised words, mined modifiers and <c>của</c>/<c>tại</c>/<c>về</c> complements. Titles that
/// describe no named person are not emitted. Needs PER entities from an earlier stage; keeps existing
/// entities and returns all sorted by start. Thread-safe.
/// </summary>
public sealed class LexiconTitleSpotter : IDocumentStage
{
    private const int MaxGap = 12;
    private readonly TitleLexicon _lexicon;

    public LexiconTitleSpotter(TitleLexicon? lexicon = null) => _lexicon = lexicon ?? TitleLexicon.Default;

    public string Name => "titles";

    public AnnotatedDocument Process(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var titles = Find(document.Text, document.Entities);
        if (titles.Count == 0)
            return document;
        var all = document.Entities.Where(e => e.Type != EntityTypes.Title).Concat(titles)
            .OrderBy(e => e.Start).ThenBy(e => e.End).ToImmutableArray();
        return document with { Entities = all };
    }

    /// <summary>The title mentions attached to the PER mentions of <paramref name="entities"/>, in text order.</summary>
    public IReadOnlyList<Entity> Find(string text, IReadOnlyList<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);
        var view = new SyllableView(text, entities);
        var spans = new SortedDictionary<int, int>();

        void Add((int Start, int End)? range)
        {
            if (range is not { } r || r.End <= r.Start)
                return;
            var last = r.End - 1;
            while (last > r.Start && !view.Syl[last].IsWord && !view.IsPunct(last, ')'))
                last--;
            var (s, e) = (view.Syl[r.Start].Start, view.Syl[last].End);
            if (spans.Any(x => x.Key < e && s < x.Value))
                return;
            spans[s] = e;
        }

        foreach (var (ps, pe) in view.Persons)
        {
            // Title right before the name, or before an honorific and the name.
            var end = ps;
            var hon = HonorificEndingAt(view, ps);
            if (hon >= 0)
                end = hon;
            Add(TitleBefore(view, end));

            // Appositive before: "TITLE, [ông] NAME".
            if (end - 1 >= 0 && view.IsPunct(end - 1, ','))
                Add(TitleBefore(view, end - 1) ?? ClauseTitleBefore(view, end - 1));

            // Appositive after: "NAME, TITLE" / "NAME - TITLE" / "NAME (TITLE".
            if (pe < view.Count && (view.IsPunct(pe, ',') || view.IsPunct(pe, '-') || view.IsPunct(pe, '–') || view.IsPunct(pe, '(')))
                Add(TitleAfter(view, pe + 1));
        }
        return spans.Select(s => new Entity(EntityTypes.Title, s.Key, s.Value, text[s.Key..s.Value])).ToList();
    }

    private int HonorificEndingAt(SyllableView view, int end)
    {
        for (var n = 1; n <= 2; n++)
        {
            if (end - n >= 0 && _lexicon.MatchHonorific(view.Keys, end - n) == n)
                return end - n;
        }
        return -1;
    }

    /// <summary>The nearest head before syllable <paramref name="end"/> whose gap up to it holds only modifiers.</summary>
    private (int Start, int End)? TitleBefore(SyllableView view, int end)
    {
        for (var h = end - 1; h >= 0 && h >= end - MaxGap; h--)
        {
            if (view.PersonAt[h] || !view.Syl[h].IsWord && !IsInnerPunct(view, h))
                return null;
            if (view.EntityAt[h] >= 0)
                continue;
            var len = _lexicon.MatchHead(view.Keys, h);
            if (len > 0 && h + len <= end)
            {
                if (!GapOk(view, h + len, end, allowComplement: true))
                    return null;
                var start = ExtendLeft(view, h);
                // "Đại diện ... của Tổng thống Mỹ": a title before "của" takes this one as complement.
                if (start > 1 && view.Keys[start - 1] == "của" && TitleBefore(view, start - 1) is { } outer)
                    start = outer.Start;
                return (start, end);
            }
            var key = view.Keys[h];
            if (key is not null && (_lexicon.FunctionWords.Contains(key) && key is not ("của" or "về" or "tại")
                || _lexicon.MatchHonorific(view.Keys, h) > 0 && !view.IsCapitalized(h)))
                return null;
        }
        return null;
    }

    /// <summary>
    /// A whole clause ending at the comma <paramref name="comma"/> that opens with a capitalised head (after one
    /// function word such as <c>Theo</c>) and holds only what <see cref="Delimited"/> allows, including a
    /// <c>về</c> complement (<c>Đại diện đặc biệt của Tổng thống Mỹ về không phổ biến hạt nhân, ông X</c>).
    /// </summary>
    private (int Start, int End)? ClauseTitleBefore(SyllableView view, int comma)
    {
        var b = comma;
        while (b > 0 && comma - b < 25 && (view.Syl[b - 1].IsWord || IsInnerPunct(view, b - 1)) && !view.PersonAt[b - 1] && !view.BreakBefore(b))
            b--;
        if (b == comma || comma - b >= 25 || b > 0 && !view.BreakBefore(b) && !view.IsPunct(b - 1, ',') && !view.IsPunct(b - 1, '.')
            && !view.IsPunct(b - 1, ';') && !view.IsPunct(b - 1, ':') && !view.IsPunct(b - 1, '“') && !view.IsPunct(b - 1, '"'))
            return null;
        if (view.Keys[b] is { } first && _lexicon.FunctionWords.Contains(first) && b + 1 < comma)
            b++;
        var h = b;
        while (h < comma && view.Keys[h] is { } p && _lexicon.Prefixes.Contains(p) && _lexicon.MatchHead(view.Keys, h) == 0)
            h++;
        var len = _lexicon.MatchHead(view.Keys, h);
        return len > 0 && view.IsCapitalized(b) && Delimited(view, h + len, allowAbout: true) == comma ? (b, comma) : null;
    }

    /// <summary>Moves a title start left over a mined prefix (<c>Phó</c>, <c>nguyên</c>) and over heads joined by <c>.</c> or <c>-</c> (<c>PGS. TS</c>).</summary>
    private int ExtendLeft(SyllableView view, int start)
    {
        while (true)
        {
            if (start > 0 && view.Keys[start - 1] is { } p && _lexicon.Prefixes.Contains(p))
            {
                start--;
                continue;
            }
            if (start > 1 && (view.IsPunct(start - 1, '.') || view.IsPunct(start - 1, '-')))
            {
                var joined = -1;
                for (var h = start - 2; h >= 0 && h >= start - 5 && joined < 0; h--)
                {
                    if (_lexicon.MatchHead(view.Keys, h) == start - 1 - h)
                        joined = h;
                }
                if (joined >= 0)
                {
                    start = joined;
                    continue;
                }
            }
            return start;
        }
    }

    /// <summary>A head at <paramref name="h"/> (or prefix + head) extended right over modifiers; null when none or when it runs into a name.</summary>
    private (int Start, int End)? TitleAfter(SyllableView view, int h)
    {
        var start = h;
        while (h < view.Count && view.Keys[h] is { } p && _lexicon.Prefixes.Contains(p) && _lexicon.MatchHead(view.Keys, h) == 0)
            h++;
        var len = _lexicon.MatchHead(view.Keys, h);
        if (len == 0)
            return null;
        if (Delimited(view, h + len) is { } stop)
            return (start, stop);
        var end = h + len;
        var j = end;
        var open = 0;
        while (j < view.Count)
        {
            if (view.PersonAt[j])
                return null;
            if (open > 0 && view.IsPunct(j, ')'))
            {
                open--;
                j++;
                end = j;
                continue;
            }
            var next = Step(view, j, allowComplement: false);
            if (next <= j || view.IsPunct(j, ')'))
                break;
            if (view.IsPunct(j, '('))
                open++;
            // A connector or inner punctuation must be followed by more of the title.
            var last = next - 1;
            if (view.Keys[last] is "của" or "về" or "tại" || !view.Syl[last].IsWord)
            {
                var after = next < view.Count ? Step(view, next, allowComplement: false) : next;
                if (after <= next || next < view.Count && view.PersonAt[next])
                    break;
            }
            j = next;
            if (open == 0)
                end = j;
        }
        while (end - 1 > h && !view.Syl[end - 1].IsWord && !view.IsPunct(end - 1, ')'))
            end--;
        return (start, end);
    }

    /// <summary>
    /// The end of an appositive title closed by <c>,</c>, <c>;</c> or <c>)</c> within 18 syllables of
    /// <paramref name="from"/> (parentheses inside kept whole), when nothing in between rules it out: a name, a
    /// line break, a function word other than <c>của</c>/<c>về</c>/<c>tại</c>/<c>và</c> (with
    /// <paramref name="allowAbout"/>, any after the <c>về</c> of a complement), a lower-case honorific.
    /// </summary>
    private int? Delimited(SyllableView view, int from, bool allowAbout = false)
    {
        var open = 0;
        var complement = false;
        for (var j = from; j < view.Count && j < from + 18; j++)
        {
            if (view.PersonAt[j] || view.BreakBefore(j))
                return null;
            if (!view.Syl[j].IsWord)
            {
                if (view.IsPunct(j, '('))
                    open++;
                else if (view.IsPunct(j, ')'))
                {
                    if (open == 0)
                        return j;
                    open--;
                }
                else if (open == 0 && (view.IsPunct(j, ',') || view.IsPunct(j, ';')))
                    return j;
                else if (!IsInnerPunct(view, j) && !(open > 0 && view.IsPunct(j, ',')))
                    return null;
                continue;
            }
            if (view.EntityAt[j] >= 0)
                continue;
            var key = view.Keys[j]!;
            if (!complement && _lexicon.FunctionWords.Contains(key) && key is not ("của" or "về" or "tại" or "và"))
                return null;
            complement |= allowAbout && key == "về";
            if (!view.IsCapitalized(j) && _lexicon.MatchHonorific(view.Keys, j) > 0)
                return null;
        }
        return null;
    }

    private bool GapOk(SyllableView view, int from, int to, bool allowComplement)
    {
        var complement = false;
        for (var i = from; i < to;)
        {
            if (view.PersonAt[i])
                return false;
            if (allowComplement && complement && view.Keys[i] is { } k && !_lexicon.FunctionWords.Contains(k) && _lexicon.MatchHonorific(view.Keys, i) == 0)
            {
                i++;
                continue;
            }
            var next = Step(view, i, allowComplement);
            if (next <= i)
                return false;
            if (view.Keys[i] == "về")
                complement = true;
            i = next;
        }
        return true;
    }

    /// <summary>The syllable after one modifier unit starting at <paramref name="i"/>, or <paramref name="i"/> when none starts there.</summary>
    private int Step(SyllableView view, int i, bool allowComplement)
    {
        if (view.EntityAt[i] >= 0)
            return view.EntityEnd(i);
        if (!view.Syl[i].IsWord)
            return IsInnerPunct(view, i) ? i + 1 : i;
        if (view.Keys[i] is "của" or "tại" || allowComplement && view.Keys[i] == "về")
            return i + 1;
        var m = _lexicon.MatchModifier(view.Keys, i);
        if (m > 0)
            return i + m;
        if (view.IsCapitalized(i) && _lexicon.MatchHonorific(view.Keys, i) == 0)
            return i + 1;
        return i;
    }

    private static bool IsInnerPunct(SyllableView view, int i) =>
        view.IsPunct(i, '-') || view.IsPunct(i, '–') || view.IsPunct(i, '&') || view.IsPunct(i, '/') || view.IsPunct(i, '(') || view.IsPunct(i, ')');
}
