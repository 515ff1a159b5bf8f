using NlpPipeline.Documents;

namespace NlpPipeline.Quotes;

/// <summary>
/// Counts candidate speech cues in entity-tagged corpora: the words between a PER or ORG mention (or ông/bà/anh/chị)
/// and a following <c>rằng</c> or colon, within five syllables and with no punctuation between, after dropping the
/// adverbs of <c>quote-adverbs.txt</c>. For a corpus without entities (VNTC) the end of every run of two or more
/// capitalised syllables that is not sentence-initial stands for a mention. The counts are the evidence behind
/// <c>data/vi/quote-cues.tsv</c>, whose entries were reviewed by hand from this list (a candidate is kept when it names a
/// speech act).
/// </summary>
public static class QuoteCueMiner
{
    /// <summary>Candidate cue (lower-cased) → count, over the documents' texts and entities.</summary>
    public static Dictionary<string, int> Count(IEnumerable<(string Text, IReadOnlyList<Entity> Entities)> documents, QuoteLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(lexicon);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, entities) in documents)
        {
            var syl = TextUnits.Syllabify(text);
            var sourceEnds = SourceEnds(text, entities, syl);
            for (var i = 0; i < syl.Length; i++)
            {
                var isSource = sourceEnds.Contains(syl[i].End) || syl[i].Lower is "ông" or "bà" or "anh" or "chị";
                if (!isSource)
                    continue;
                var words = new List<string>();
                for (var k = i + 1; k < syl.Length && k <= i + 6; k++)
                {
                    var gap = text.AsSpan(syl[k - 1].End, syl[k].Start - syl[k - 1].End);
                    if (gap.Contains(':') && words.Count > 0)
                    {
                        Add(counts, words, lexicon);
                        break;
                    }
                    if (!gap.Trim().IsEmpty)
                        break;
                    if (syl[k].Lower == "rằng")
                    {
                        if (words.Count > 0 && words[^1] == "cho")
                            words.Add("rằng"); // "cho rằng" is itself the cue
                        Add(counts, words, lexicon);
                        break;
                    }
                    words.Add(syl[k].Lower);
                }
            }
        }
        return counts;
    }

    /// <summary>How a cue of the lexicon is followed in running text: every occurrence (<c>Total</c>), those introducing speech
    /// (<c>rằng</c>/<c>là</c>, a colon or a quotation mark next: <c>Speech</c>), and those whose words up to the next
    /// punctuation (one to eight lower-case syllables) read as a plain noun phrase by <see cref="QuoteLexicon.WordClasses"/>: a
    /// noun first (after at most one quantifier such as <c>những</c>, <c>các</c>, a figure) and no verb or adverb
    /// (<c>chia sẻ kinh nghiệm.</c>, <c>tiết lộ danh tính của họ,</c>: <c>Object</c>), and those followed right away by a verb or
    /// an adverb of the word classes or by <c>được</c> (<c>mong muốn hợp tác</c>, <c>mong muốn được đi học</c>: a verb phrase,
    /// no clause of its own subject: <c>VerbFirst</c>, the evidence for frame S).</summary>
    public readonly record struct CueUse(int Total, int Speech, int Object, int VerbFirst);

    /// <summary>Counts <see cref="CueUse"/> for every cue of the lexicon (longest match) in the texts.</summary>
    public static Dictionary<string, CueUse> CountUses(IEnumerable<string> texts, QuoteLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(lexicon);
        var uses = new Dictionary<string, CueUse>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var syl = TextUnits.Syllabify(text);
            for (var i = 0; i < syl.Length; i++)
            {
                var n = LongestMatch(text, syl, i, lexicon.MaxCueLength, lexicon.Cues.ContainsKey);
                // A cue inside a longer word of the word classes is no cue ("khai" in "khai mạc", "hỏi" in "câu hỏi").
                if (n == 0 || LongestMatch(text, syl, i, lexicon.MaxWordClassLength, lexicon.WordClasses.ContainsKey) > n
                    || i > 0 && LongestMatch(text, syl, i - 1, lexicon.MaxWordClassLength, lexicon.WordClasses.ContainsKey) > 1)
                    continue;
                var cue = Phrase(syl, i, n);
                var u = uses.GetValueOrDefault(cue);
                var next = i + n;
                var gap = next < syl.Length ? text.AsSpan(syl[next - 1].End, syl[next].Start - syl[next - 1].End) : ":";
                var speech = gap.IndexOfAny(":“\"«‘") >= 0 || next < syl.Length && gap.Trim().IsEmpty && syl[next].Lower is "rằng" or "là";
                var obj = !speech && gap.Trim().IsEmpty && IsPlainNounPhrase(text, syl, next, lexicon);
                var verb = !speech && next < syl.Length && gap.Trim().IsEmpty && gap.Length == 1
                    && QuoteLexicon.OpensVerbPhrase(syl[next].Lower, WordClassAt(text, syl, next, lexicon.MaxWordClassLength, lexicon).Class);
                uses[cue] = new CueUse(u.Total + 1, u.Speech + (speech ? 1 : 0), u.Object + (obj ? 1 : 0), u.VerbFirst + (verb ? 1 : 0));
                i += n - 1;
            }
        }
        return uses;
    }

    /// <summary>How a candidate cue is used right after a source (<see cref="CountSourced"/>): every such use (<c>Total</c>),
    /// those followed by <c>rằng</c>/<c>là</c>, a colon or a quotation mark (<c>Speech</c>), by a bare clause of its own
    /// subject (a noun, pronoun or capitalised word first and, after it before the next punctuation, an adverb of the word
    /// classes, the predicate marker that a noun phrase rarely holds: <c>đã</c>, <c>sẽ</c>, <c>không</c>; <c>X kết luận trường
    /// hợp này không phải ...</c>: <c>Clause</c>), by a plain noun phrase (<c>Object</c>) and
    /// by a verb, an adverb or <c>được</c> (<c>VerbFirst</c>). Clause / Total is the evidence for frame B.</summary>
    public readonly record struct SourcedUse(int Total, int Speech, int Clause, int Object, int VerbFirst);

    /// <summary>Counts <see cref="SourcedUse"/> for every word right after a source: the end of a PER/ORG mention (for texts
    /// without entities, of a capitalised run not opening a sentence), <c>ông</c>/<c>bà</c>/<c>anh</c>/<c>chị</c> or a pronoun of
    /// the lexicon's sources (<c>họ</c>, <c>ông ta</c>), with the lexicon's adverbs skipped (<c>cũng</c>, <c>đã</c>). The word is the
    /// longest cue of the lexicon there, else the longest word of the word classes when it is a verb; a word inside a longer
    /// word of the word classes is no candidate.</summary>
    public static Dictionary<string, SourcedUse> CountSourced(IEnumerable<(string Text, IReadOnlyList<Entity> Entities)> documents, QuoteLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(lexicon);
        var uses = new Dictionary<string, SourcedUse>(StringComparer.Ordinal);
        foreach (var (text, entities) in documents)
        {
            var syl = TextUnits.Syllabify(text);
            var sourceEnds = SourceEnds(text, entities, syl);
            for (var i = 0; i + 1 < syl.Length; i++)
            {
                if (!sourceEnds.Contains(syl[i].End) && !IsPronounEnd(syl, i, lexicon))
                    continue;
                var k = i + 1;
                while (k < syl.Length && Adjacent(text, syl, k) && LongestMatch(text, syl, k, lexicon.MaxAdverbLength, lexicon.Adverbs.Contains) is var a and > 0)
                    k += a;
                if (k >= syl.Length || !Adjacent(text, syl, k) || syl[k].Upper)
                    continue;
                var n = LongestMatch(text, syl, k, lexicon.MaxCueLength, lexicon.Cues.ContainsKey);
                var (w, cls) = WordClassAt(text, syl, k, lexicon.MaxWordClassLength, lexicon);
                if (n == 0 && cls == 'V')
                    n = w;
                if (n == 0 || w > n)
                    continue;
                var cue = Phrase(syl, k, n);
                var next = k + n;
                var gap = next < syl.Length ? text.AsSpan(syl[next - 1].End, syl[next].Start - syl[next - 1].End) : ".";
                var bare = next < syl.Length && gap.SequenceEqual(" ");
                var speech = gap.IndexOfAny(":“\"«‘") >= 0 || bare && syl[next].Lower is "rằng" or "là";
                var obj = bare && !speech && IsPlainNounPhrase(text, syl, next, lexicon);
                var verb = bare && !speech && QuoteLexicon.OpensVerbPhrase(syl[next].Lower, WordClassAt(text, syl, next, lexicon.MaxWordClassLength, lexicon).Class);
                var clause = bare && !speech && !obj && !verb && IsBareClause(text, syl, next, lexicon);
                var u = uses.GetValueOrDefault(cue);
                uses[cue] = new SourcedUse(u.Total + 1, u.Speech + (speech ? 1 : 0), u.Clause + (clause ? 1 : 0), u.Object + (obj ? 1 : 0), u.VerbFirst + (verb ? 1 : 0));
            }
        }
        return uses;
    }

    /// <summary>Syllable i ends one of ông/bà/anh/chị or a pronoun of the lexicon's sources (<c>họ</c>, <c>ông ta</c>, <c>người này</c>).</summary>
    private static bool IsPronounEnd(IReadOnlyList<Syllable> syl, int i, QuoteLexicon lexicon)
    {
        if (syl[i].Lower is "ông" or "bà" or "anh" or "chị")
            return true;
        for (var n = 1; n <= 3 && n <= i + 1; n++)
        {
            if (lexicon.Sources.TryGetValue(Phrase(syl, i - n + 1, n), out var w)
                && w.Class is SourceClass.Pronoun or SourceClass.OrgPronoun or SourceClass.GroupPronoun)
                return true;
        }
        return false;
    }

    /// <summary>Syllable k follows the one before it after a single space.</summary>
    private static bool Adjacent(string text, IReadOnlyList<Syllable> syl, int k) =>
        k > 0 && text.AsSpan(syl[k - 1].End, syl[k].Start - syl[k - 1].End).SequenceEqual(" ");

    /// <summary>From syllable i up to the next punctuation (at most twelve syllables): a subject first (a noun of the word classes,
    /// a capitalised syllable, a figure or a pronoun of the lexicon's sources) and, after it, an adverb of the word classes
    /// (<c>đã</c>, <c>sẽ</c>, <c>không</c>, <c>vẫn</c>): a verb alone would also pass noun phrases with a verb inside them
    /// (<c>bày tỏ sự lo ngại về ...</c>, <c>công bố kết quả nghiên cứu ...</c>).</summary>
    private static bool IsBareClause(string text, IReadOnlyList<Syllable> syl, int i, QuoteLexicon lexicon)
    {
        var (n, cls) = WordClassAt(text, syl, i, lexicon.MaxWordClassLength, lexicon);
        var subject = syl[i].Upper || cls == 'N' || char.IsDigit(syl[i].Lower[0]) || Quantifiers.Contains(syl[i].Lower)
            || lexicon.Sources.TryGetValue(syl[i].Lower, out var src) && src.Class is SourceClass.Pronoun or SourceClass.GroupPronoun or SourceClass.Honorific;
        if (!subject)
            return false;
        for (var k = i + Math.Max(n, 1); k < syl.Count && k - i <= 12 && Adjacent(text, syl, k);)
        {
            var (m, c) = WordClassAt(text, syl, k, lexicon.MaxWordClassLength, lexicon);
            if (c == 'R')
                return true;
            k += Math.Max(m, 1);
        }
        return false;
    }

    private static readonly HashSet<string> Quantifiers = new(["những", "các", "một", "mọi", "nhiều", "hai", "ba", "vài", "toàn bộ"], StringComparer.Ordinal);

    /// <summary>One to eight lower-case syllables from <paramref name="i"/> to the next punctuation: a noun first (after at
    /// most one quantifier or figure), no verb or adverb; unknown words are allowed after the first.</summary>
    private static bool IsPlainNounPhrase(string text, IReadOnlyList<Syllable> syl, int i, QuoteLexicon lexicon)
    {
        // The phrase runs over lower-case syllables separated by single spaces and must end at punctuation (or the text's end).
        var end = i;
        while (true)
        {
            if (end >= syl.Count || end - i > 8 || syl[end].Upper)
                return false;
            end++;
            if (end == syl.Count)
                break;
            if (!text.AsSpan(syl[end - 1].End, syl[end].Start - syl[end - 1].End).Trim(' ').IsEmpty)
                break;
        }
        var classes = new List<char>();
        for (var k = i; k < end;)
        {
            var (n, cls) = WordClassAt(text, syl, k, Math.Min(lexicon.MaxWordClassLength, end - k), lexicon);
            classes.Add(n > 0 ? cls : char.IsDigit(syl[k].Lower[0]) || Quantifiers.Contains(syl[k].Lower) ? 'Q' : '\0');
            k += Math.Max(n, 1);
        }
        var head = classes[0] == 'Q' || Quantifiers.Contains(syl[i].Lower) ? 1 : 0;
        return head < classes.Count && classes[head] == 'N' && !classes.Any(c => c is 'V' or 'R');
    }

    /// <summary>The lower-case phrase key of syllables [i, i + n).</summary>
    private static string Phrase(IReadOnlyList<Syllable> syl, int i, int n) => string.Join(' ', Enumerable.Range(i, n).Select(k => syl[k].Lower));

    /// <summary>The longest word of the word classes at syllable i (at most maxLen syllables): its length and class, or (0, '\0').</summary>
    private static (int Length, char Class) WordClassAt(string text, IReadOnlyList<Syllable> syl, int i, int maxLen, QuoteLexicon lexicon) =>
        LongestMatch(text, syl, i, maxLen, lexicon.WordClasses.ContainsKey) is var n and > 0 ? (n, lexicon.WordClasses[Phrase(syl, i, n)]) : (0, '\0');

    /// <summary>Syllables in the longest phrase starting at syllable i (adjacent, no punctuation between) that the predicate knows.</summary>
    private static int LongestMatch(string text, IReadOnlyList<Syllable> syl, int i, int maxLen, Func<string, bool> contains)
    {
        var best = 0;
        var key = syl[i].Lower;
        for (var n = 1; n <= maxLen && i + n <= syl.Count; n++)
        {
            if (n > 1)
            {
                if (!text.AsSpan(syl[i + n - 2].End, syl[i + n - 1].Start - syl[i + n - 2].End).SequenceEqual(" "))
                    break;
                key += " " + syl[i + n - 1].Lower;
            }
            if (contains(key))
                best = n;
        }
        return best;
    }

    /// <summary>Where a source can end: the ends of PER/ORG mentions, or for a text without entities of capitalised runs.</summary>
    private static HashSet<int> SourceEnds(string text, IReadOnlyList<Entity> entities, IReadOnlyList<Syllable> syl) =>
        entities.Count > 0
            ? new HashSet<int>(entities.Where(e => e.Type is EntityTypes.Person or EntityTypes.Organization).Select(e => e.End))
            : CapitalisedRunEnds(text, syl);

    /// <summary>Ends of runs of two or more adjacent capitalised syllables, the run not starting a sentence.</summary>
    internal static HashSet<int> CapitalisedRunEnds(string text, IReadOnlyList<Syllable> syl)
    {
        var ends = new HashSet<int>();
        for (var i = 0; i < syl.Count;)
        {
            if (!syl[i].Upper)
            {
                i++;
                continue;
            }
            var j = i;
            while (j + 1 < syl.Count && syl[j + 1].Upper && text.AsSpan(syl[j].End, syl[j + 1].Start - syl[j].End).Trim().IsEmpty)
                j++;
            var before = text.AsSpan(0, syl[i].Start).TrimEnd(' ');
            var initial = before.IsEmpty || before[^1] is '.' or '\n' or '!' or '?' or ':' or '"' or '“' or '-';
            if (j > i && !initial)
                ends.Add(syl[j].End);
            i = j + 1;
        }
        return ends;
    }

    private static void Add(Dictionary<string, int> counts, List<string> words, QuoteLexicon lexicon)
    {
        // Drop adverbs at the front ("cũng", "đã"); keep at most the last three syllables.
        var start = 0;
        while (start < words.Count && lexicon.Adverbs.Contains(words[start]))
            start++;
        var kept = words.Skip(Math.Max(start, words.Count - 3)).ToList();
        if (kept.Count == 0 || kept.Any(w => char.IsDigit(w[0])))
            return;
        var key = string.Join(' ', kept);
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
