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
            var sourceEnds = entities.Count > 0
                ? new HashSet<int>(entities.Where(e => e.Type is EntityTypes.Person or EntityTypes.Organization).Select(e => e.End))
                : CapitalisedRunEnds(text, syl);
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
