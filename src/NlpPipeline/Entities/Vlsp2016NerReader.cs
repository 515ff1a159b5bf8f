using System.Collections.Immutable;
using System.Text;
using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>
/// Reads VLSP 2016 NER column files (word with <c>_</c> between syllables / POS / chunk / NER / nested NER,
/// BIO) into plain text, one sentence a line, with outer-level entities as offsets. Only the word and NER
/// columns are read: POS and chunk are never used. <c>&lt;title&gt;</c>, <c>&lt;editor&gt;</c> and
/// <c>-DOCSTART-</c> lines carry no labels and are left out of the text.
/// </summary>
public static class Vlsp2016NerReader
{
    public static NerCorpusDocument ReadFile(string path) =>
        Parse(Path.GetFileName(path), File.ReadAllText(path, Encoding.UTF8));

    /// <summary>Parses one column file's content; never throws on malformed lines (they are skipped).</summary>
    public static NerCorpusDocument Parse(string id, string content)
    {
        var sentences = new List<List<(string Word, string Tag)>>();
        List<(string Word, string Tag)>? current = null;
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r').TrimStart('\uFEFF');
            if (line.StartsWith("<s>", StringComparison.Ordinal))
            {
                if (current is { Count: > 0 })
                    sentences.Add(current);
                current = [];
                line = line[3..];
                if (line.Length == 0 || line[0] == '\t')
                    continue;
            }
            else if (line.StartsWith("</s>", StringComparison.Ordinal))
            {
                if (current is { Count: > 0 })
                    sentences.Add(current);
                current = null;
                continue;
            }
            if (line.Length == 0 || line[0] == '<' || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
                continue;
            var cols = line.Split('\t');
            if (cols.Length < 4 || cols[0].Length == 0)
                continue;
            current ??= [];
            current.Add((cols[0], cols[3].Trim()));
        }
        if (current is { Count: > 0 })
            sentences.Add(current);
        return Build(id, sentences);
    }

    private static NerCorpusDocument Build(string id, List<List<(string Word, string Tag)>> sentences)
    {
        var text = new StringBuilder();
        var entities = ImmutableArray.CreateBuilder<Entity>();
        foreach (var sentence in sentences)
        {
            if (text.Length > 0)
                text.Append('\n');
            var lineStart = text.Length;
            string? openType = null;
            var openStart = 0;
            var lastEnd = 0;
            string? previousWord = null;
            var quoteOpen = false;
            foreach (var (rawWord, tag) in sentence)
            {
                var word = rawWord.Replace('_', ' ').Normalize(NormalizationForm.FormC);
                if (text.Length > lineStart && NeedsSpace(previousWord!, word, ref quoteOpen))
                    text.Append(' ');
                else if (text.Length == lineStart && IsQuote(word))
                    quoteOpen = !quoteOpen;
                var start = text.Length;
                text.Append(word);
                var prefix = tag.Length > 2 && tag[1] == '-' ? tag[0] : 'O';
                var type = prefix == 'O' ? null : tag[2..];
                if (openType is not null && (prefix != 'I' || type != openType))
                {
                    Add(entities, text, openType, openStart, lastEnd);
                    openType = null;
                }
                if (prefix == 'B' || (prefix == 'I' && openType is null))
                {
                    openType = type;
                    openStart = start;
                }
                lastEnd = text.Length;
                previousWord = word;
            }
            if (openType is not null)
                Add(entities, text, openType, openStart, lastEnd);
        }
        return new NerCorpusDocument(id, text.ToString(), entities.ToImmutable());
    }

    private static void Add(ImmutableArray<Entity>.Builder entities, StringBuilder text, string type, int start, int end) =>
        entities.Add(new Entity(type, start, end, text.ToString(start, end - start)));

    private static bool IsQuote(string w) => w is "\"" or "'";

    /// <summary>Detokenising: no space before closing punctuation, none after opening brackets and quotes.</summary>
    private static bool NeedsSpace(string previous, string word, ref bool quoteOpen)
    {
        if (IsQuote(word))
        {
            quoteOpen = !quoteOpen;
            return quoteOpen && !IsOpening(previous);
        }
        if (IsOpening(previous) || (IsQuote(previous) && quoteOpen))
            return false;
        return word is not ("," or "." or ";" or ":" or "!" or "?" or ")" or "]" or "}" or "…" or "..." or "%" or "”" or "’");
    }

    private static bool IsOpening(string w) => w is "(" or "[" or "{" or "“" or "‘";
}
