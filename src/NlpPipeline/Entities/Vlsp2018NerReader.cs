using System.Collections.Immutable;
using System.Text;
using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>
/// Reads VLSP 2018 NER files: raw text with inline, possibly nested <c>&lt;ENAMEX TYPE="..."&gt;</c> tags.
/// The tags are removed, the text is NFC with LF line ends, and the outer level becomes the entities
/// (PERSON→PER, LOCATION→LOC, ORGANIZATION→ORG, MISCELLANEOUS→MISC).
/// </summary>
public static class Vlsp2018NerReader
{
    private const string Open = "<ENAMEX";
    private const string Close = "</ENAMEX>";

    public static NerCorpusDocument ReadFile(string path, string? id = null) =>
        Parse(id ?? Path.GetFileName(path), File.ReadAllText(path, Encoding.UTF8));

    /// <summary>Parses tagged content; unbalanced closing tags are dropped, unclosed tags end at the text's end.</summary>
    public static NerCorpusDocument Parse(string id, string content)
    {
        content = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimStart('\uFEFF');
        var text = new StringBuilder(content.Length);
        var entities = ImmutableArray.CreateBuilder<Entity>();
        var stack = new Stack<(string Type, int Start)>();
        var pos = 0;
        while (pos < content.Length)
        {
            var next = content.IndexOf('<', pos);
            var isOpen = next >= 0 && string.CompareOrdinal(content, next, Open, 0, Open.Length) == 0;
            var isClose = next >= 0 && string.CompareOrdinal(content, next, Close, 0, Close.Length) == 0;
            if (next < 0 || (!isOpen && !isClose))
            {
                var upto = next < 0 ? content.Length : next + 1;
                text.Append(content.AsSpan(pos, upto - pos).ToString().Normalize(NormalizationForm.FormC));
                pos = upto;
                continue;
            }
            text.Append(content.AsSpan(pos, next - pos).ToString().Normalize(NormalizationForm.FormC));
            if (isOpen)
            {
                var end = content.IndexOf('>', next);
                if (end < 0)
                    end = content.Length - 1;
                stack.Push((MapType(content.AsSpan(next, end - next)), text.Length));
                pos = end + 1;
            }
            else
            {
                if (stack.Count > 0)
                {
                    var (type, start) = stack.Pop();
                    if (stack.Count == 0)
                        AddTrimmed(entities, text, type, start, text.Length);
                }
                pos = next + Close.Length;
            }
        }
        while (stack.Count > 0)
        {
            var (type, start) = stack.Pop();
            if (stack.Count == 0)
                AddTrimmed(entities, text, type, start, text.Length);
        }
        entities.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return new NerCorpusDocument(id, text.ToString(), entities.ToImmutable());
    }

    private static void AddTrimmed(ImmutableArray<Entity>.Builder entities, StringBuilder text, string type, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end > start)
            entities.Add(new Entity(type, start, end, text.ToString(start, end - start)));
    }

    private static string MapType(ReadOnlySpan<char> tag) =>
        tag.Contains("PERSON", StringComparison.Ordinal) ? EntityTypes.Person
        : tag.Contains("LOCATION", StringComparison.Ordinal) ? EntityTypes.Location
        : tag.Contains("ORGANIZATION", StringComparison.Ordinal) ? EntityTypes.Organization
        : EntityTypes.Miscellaneous;
}
