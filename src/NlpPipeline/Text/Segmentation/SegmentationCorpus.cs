using System.Text;

namespace NlpPipeline.Text.Segmentation;

/// <summary>
/// A gold-segmented sentence: its syllables joined by single spaces as <see cref="Text"/>, and each gold word as a
/// [start, end) range of it.
/// </summary>
public sealed record GoldSentence(string Text, IReadOnlyList<(int Start, int End)> Words)
{
    /// <summary>Builds the sentence from words given as syllable lists.</summary>
    public static GoldSentence FromWords(IEnumerable<IReadOnlyList<string>> words)
    {
        var text = new StringBuilder();
        var spans = new List<(int, int)>();
        foreach (var word in words)
        {
            if (word.Count == 0)
                continue;
            if (text.Length > 0)
                text.Append(' ');
            var start = text.Length;
            for (var i = 0; i < word.Count; i++)
            {
                if (i > 0)
                    text.Append(' ');
                text.Append(word[i]);
            }
            spans.Add((start, text.Length));
        }
        return new GoldSentence(text.ToString().Normalize(NormalizationForm.FormC), spans);
    }
}

/// <summary>
/// Reads gold word segmentations in the three formats of the shared corpora: one sentence a line with syllables
/// joined by <c>_</c> (VLSP 2013), CoNLL-U with spaces inside FORM (UD Vietnamese-VTB), and the VLSP 2016 column
/// format (word in the first column, <c>&lt;s&gt;</c>…<c>&lt;/s&gt;</c>). Also defines the fixed VLSP 2013 dev split.
/// </summary>
public static class SegmentationCorpus
{
    /// <summary>Sentences per block of the VLSP 2013 dev split.</summary>
    public const int DevBlockSize = 100;

    /// <summary>
    /// True for the held-out dev sentences of the VLSP 2013 training file: every 10th block of 100 consecutive
    /// sentences (blocks 9, 19, 29, ...; about 9.4% of the file). The file has no document marks, so consecutive
    /// blocks stand in for documents. Never trained on.
    /// </summary>
    public static bool IsDevSentence(int index) => index / DevBlockSize % 10 == 9;

    /// <summary>Reads a gold file or every file of a folder (ordinal path order), detecting each file's format.</summary>
    public static List<GoldSentence> Read(string path)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            var all = new List<GoldSentence>();
            foreach (var file in files)
            {
                if (Path.GetExtension(file) is ".conllu" or ".txt" or ".wt" or ".tsv" or ".conll" or "")
                    all.AddRange(ReadFile(file));
            }
            return all;
        }
        return ReadFile(path);
    }

    private static List<GoldSentence> ReadFile(string path)
    {
        if (path.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase))
            return ReadConllu(path);
        foreach (var line in File.ReadLines(path).Take(50))
        {
            var t = line.Trim('\uFEFF', ' ');
            if (t.StartsWith("<s>", StringComparison.Ordinal) || t.StartsWith("-DOCSTART-", StringComparison.Ordinal))
                return ReadColumns(path);
            if (t.Length > 0 && char.IsDigit(t[0]) && t.Contains('\t', StringComparison.Ordinal) && t.Split('\t').Length >= 8)
                return ReadConllu(path);
        }
        return ReadJoined(path);
    }

    /// <summary>One sentence a line, words separated by spaces, syllables by <c>_</c>.</summary>
    public static List<GoldSentence> ReadJoined(string path)
    {
        var sentences = new List<GoldSentence>();
        foreach (var line in File.ReadLines(path))
        {
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(w => (IReadOnlyList<string>)SplitSyllables(w, '_'))
                .ToList();
            if (words.Count > 0)
                sentences.Add(GoldSentence.FromWords(words));
        }
        return sentences;
    }

    private static string[] SplitSyllables(string word, char separator)
    {
        var parts = word.Split(separator, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? [word] : parts;
    }

    /// <summary>CoNLL-U: FORM of each word line (multi-word ranges and empty nodes skipped), spaces between syllables.</summary>
    public static List<GoldSentence> ReadConllu(string path)
    {
        var sentences = new List<GoldSentence>();
        var words = new List<IReadOnlyList<string>>();
        foreach (var line in File.ReadLines(path).Append(string.Empty))
        {
            if (line.Length == 0)
            {
                if (words.Count > 0)
                    sentences.Add(GoldSentence.FromWords(words));
                words = [];
                continue;
            }
            if (line[0] == '#')
                continue;
            var columns = line.Split('\t');
            if (columns.Length < 2 || columns[0].Contains('-', StringComparison.Ordinal) || columns[0].Contains('.', StringComparison.Ordinal))
                continue;
            words.Add(SplitSyllables(columns[1], ' '));
        }
        return sentences;
    }

    /// <summary>
    /// VLSP 2016 NER columns: the first column is the word (syllables joined by <c>_</c>); sentences in &lt;s&gt;…&lt;/s&gt;.
    /// With <paramref name="joinPersonNames"/>, the capitalised words of one PER mention become one word, as
    /// VLSP 2013 and VietTreebank write names (<c>Nguyễn_Văn_Thạc</c>) where VLSP 2016 splits them.
    /// </summary>
    public static List<GoldSentence> ReadColumns(string path, bool joinPersonNames = false)
    {
        var sentences = new List<GoldSentence>();
        var words = new List<IReadOnlyList<string>>();
        var previousTag = "O";
        void Flush()
        {
            if (words.Count > 0)
                sentences.Add(GoldSentence.FromWords(words));
            words = [];
        }
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimStart('\uFEFF');
            if (line.StartsWith("<s>", StringComparison.Ordinal) || line.StartsWith("</s>", StringComparison.Ordinal) || line.Trim().Length == 0)
            {
                Flush();
                previousTag = "O";
                continue;
            }
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal) || (line[0] == '<' && line.TrimEnd().EndsWith('>')))
                continue;
            var columns = line.Split('\t');
            var word = columns[0].Trim();
            var tag = columns.Length > 3 ? columns[3].Trim() : "O";
            if (word.Length > 0)
            {
                var syllables = SplitSyllables(word, '_');
                if (joinPersonNames && tag == "I-PER" && previousTag is "B-PER" or "I-PER" && words.Count > 0
                    && char.IsUpper(word[0]) && words[^1] is { Count: > 0 } last && char.IsUpper(last[0][0]))
                    words[^1] = [.. last, .. syllables];
                else
                    words.Add(syllables);
            }
            previousTag = tag;
        }
        Flush();
        return sentences;
    }
}
