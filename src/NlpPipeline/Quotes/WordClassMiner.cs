namespace NlpPipeline.Quotes;

/// <summary>
/// Word classes for <c>data/vi/word-classes.tsv</c> from part-of-speech counts in three tagged corpora: UD Vietnamese VTB
/// (CoNLL-U, UPOS), VLSP 2016 NER train (word, tag columns) and VLSP 2013 POS train (<c>word/TAG</c>). Each word form
/// (lower-cased, syllables joined by spaces) gets its most frequent class over all three: <c>N</c> (common noun), <c>V</c>
/// (verb, with UD AUX), <c>R</c> (adverb) or <c>O</c> (anything else). A noun is written only when at least three quarters
/// of its tags say noun, so a noun/verb ambiguous word (<c>nỗ lực</c>) is left out; other classes are written as counted.
/// </summary>
public static class WordClassMiner
{
    /// <summary>Word → class letter, ordered by word (ordinal).</summary>
    public static SortedDictionary<string, char> Classes(IEnumerable<(string Word, char Class)> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var counts = new Dictionary<string, Dictionary<char, int>>(StringComparer.Ordinal);
        foreach (var (word, cls) in tokens)
        {
            var key = QuoteLexicon.Key(word.Replace('_', ' '));
            if (key.Length == 0)
                continue;
            if (!counts.TryGetValue(key, out var c))
                counts[key] = c = [];
            c[cls] = c.GetValueOrDefault(cls) + 1;
        }
        var result = new SortedDictionary<string, char>(StringComparer.Ordinal);
        foreach (var (word, c) in counts)
        {
            // Ties go to the earlier class in N, V, R, O order.
            var best = c.OrderByDescending(kv => kv.Value).ThenBy(kv => "NVRO".IndexOf(kv.Key)).First();
            if (best.Key != 'N' || best.Value * 4 >= c.Values.Sum() * 3)
                result[word] = best.Key;
        }
        return result;
    }

    /// <summary>Class of a UD UPOS tag.</summary>
    public static char FromUpos(string upos) => upos switch
    {
        "NOUN" => 'N',
        "VERB" or "AUX" => 'V',
        "ADV" => 'R',
        _ => 'O',
    };

    /// <summary>Class of a VLSP tag (N, Nc, Nu, Ny are common nouns; Np, a proper name, is not).</summary>
    public static char FromVlsp(string tag) => tag switch
    {
        "N" or "Nc" or "Nu" or "Ny" => 'N',
        "V" => 'V',
        "R" => 'R',
        _ => 'O',
    };

    /// <summary>Tokens of a CoNLL-U file (multi-word lines and empty nodes skipped).</summary>
    public static IEnumerable<(string, char)> ReadConllu(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var p = line.Split('\t');
            if (p.Length >= 4 && p[0].Length > 0 && p[0].All(char.IsAsciiDigit))
                yield return (p[1], FromUpos(p[3]));
        }
    }

    /// <summary>Tokens of VLSP column files (<c>word TAB tag ...</c>; markup lines skipped) in a folder.</summary>
    public static IEnumerable<(string, char)> ReadVlspColumns(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                var p = line.TrimStart('\uFEFF').Split('\t');
                if (p.Length >= 2 && p[0].Length > 0 && p[1].Length > 0 && !p[0].StartsWith('<'))
                    yield return (p[0], FromVlsp(p[1]));
            }
        }
    }

    /// <summary>Tokens of a <c>word/TAG</c> file, one sentence a line.</summary>
    public static IEnumerable<(string, char)> ReadSlashTagged(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            foreach (var tok in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var slash = tok.LastIndexOf('/');
                if (slash > 0)
                    yield return (tok[..slash], FromVlsp(tok[(slash + 1)..]));
            }
        }
    }
}
