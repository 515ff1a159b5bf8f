using System.Text;
using System.Text.RegularExpressions;
using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>A text with gold entity spans (outer level only), as read from a VLSP NER file.</summary>
public sealed record GoldEntityText(string Id, string Text, IReadOnlyList<Entity> Entities);

/// <summary>
/// Minimal readers of the two VLSP NER formats for lexicon mining and evaluation: VLSP 2016 column files
/// (words joined by <c>_</c>, BIO in the fourth column; words are re-joined with spaces and <c>_</c> becomes a
/// space) and VLSP 2018 inline-tagged files (outer <c>ENAMEX</c> level). Types map to PER/ORG/LOC/MISC.
/// Texts are NFC with LF line ends; entity offsets point into them.
/// </summary>
public static partial class GoldEntityCorpus
{
    [GeneratedRegex("<ENAMEX TYPE=\"([A-Z]+)\">|</ENAMEX>")]
    private static partial Regex EnamexTag();

    /// <summary>Maps a VLSP type name (PERSON, B-PER, ...) to the contract's type; unknown names pass through.</summary>
    public static string MapType(string vlspType) => vlspType switch
    {
        "PERSON" or "PER" => EntityTypes.Person,
        "LOCATION" or "LOC" => EntityTypes.Location,
        "ORGANIZATION" or "ORG" => EntityTypes.Organization,
        "MISCELLANEOUS" or "MISC" => EntityTypes.Miscellaneous,
        _ => vlspType,
    };

    /// <summary>Reads one VLSP 2018 file: the text with tags removed and the outer-level entities.</summary>
    public static GoldEntityText ReadInline(string id, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content = content.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF').Normalize(NormalizationForm.FormC);
        var text = new StringBuilder(content.Length);
        var entities = new List<Entity>();
        var stack = new Stack<(string Type, int Start)>();
        var last = 0;
        foreach (Match m in EnamexTag().Matches(content))
        {
            text.Append(content, last, m.Index - last);
            last = m.Index + m.Length;
            if (m.Groups[1].Success)
            {
                stack.Push((m.Groups[1].Value, text.Length));
            }
            else if (stack.Count > 0)
            {
                var (type, start) = stack.Pop();
                if (stack.Count == 0 && text.Length > start)
                    entities.Add(new Entity(MapType(type), start, text.Length, text.ToString(start, text.Length - start)));
            }
        }
        text.Append(content, last, content.Length - last);
        entities.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new GoldEntityText(id, text.ToString(), entities);
    }

    /// <summary>Reads one VLSP 2016 column file: one text per sentence, words joined by spaces.</summary>
    public static IEnumerable<GoldEntityText> ReadColumns(string id, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder();
        var entities = new List<Entity>();
        string? openType = null;
        var openStart = 0;
        var n = 0;

        void Close()
        {
            if (openType is not null)
                entities.Add(new Entity(MapType(openType), openStart, text.Length, text.ToString(openStart, text.Length - openStart)));
            openType = null;
        }

        GoldEntityText Flush()
        {
            Close();
            var result = new GoldEntityText($"{id}#{n++}", text.ToString(), entities.ToArray());
            text.Clear();
            entities.Clear();
            return result;
        }

        foreach (var raw in lines)
        {
            var line = raw.TrimStart('\uFEFF');
            var cols = line.Split('\t');
            if (line.StartsWith("<s>", StringComparison.Ordinal) || line.StartsWith("</s>", StringComparison.Ordinal) || cols.Length < 4 || cols[0].Length == 0 || line.StartsWith('<') && line.EndsWith('>'))
            {
                if (text.Length > 0)
                    yield return Flush();
                continue;
            }
            var tag = cols[3];
            if (tag.StartsWith("I-", StringComparison.Ordinal) && openType == tag[2..])
            {
                text.Append(' ');
            }
            else
            {
                Close();
                if (text.Length > 0)
                    text.Append(' ');
                if (tag.StartsWith("B-", StringComparison.Ordinal) || tag.StartsWith("I-", StringComparison.Ordinal))
                {
                    openType = tag[2..];
                    openStart = text.Length;
                }
            }
            text.Append(cols[0].Replace('_', ' ').Normalize(NormalizationForm.FormC));
        }
        if (text.Length > 0)
            yield return Flush();
    }
}
