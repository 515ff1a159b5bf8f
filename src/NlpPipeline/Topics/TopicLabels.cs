using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using NlpPipeline.Resources;

namespace NlpPipeline.Topics;

/// <summary>A topic label: a stable English slug and its Vietnamese name.</summary>
public sealed record TopicLabel(string Slug, string Name);

/// <summary>
/// The topic labels and the gold folder names that map to them, read from <c>data/vi/topic-labels.tsv</c>.
/// Folder names match case-, diacritic- and separator-insensitively (<c>The gioi</c>, <c>the-gioi</c>,
/// <c>Thế giới</c> and <c>world</c> are all <c>world</c>).
/// </summary>
public sealed class TopicLabels
{
    public const string ResourcePath = "data/vi/topic-labels.tsv";

    private readonly FrozenDictionary<string, TopicLabel> _byKey;
    private readonly FrozenDictionary<string, TopicLabel> _bySlug;

    /// <summary>The labels in file order.</summary>
    public IReadOnlyList<TopicLabel> All { get; }

    /// <summary>The labels of the embedded data file; loaded once.</summary>
    public static TopicLabels Default { get; } = Parse(EmbeddedResources.ReadLines(ResourcePath));

    private TopicLabels(List<TopicLabel> labels, Dictionary<string, TopicLabel> byKey)
    {
        All = labels;
        _byKey = byKey.ToFrozenDictionary(StringComparer.Ordinal);
        _bySlug = labels.ToFrozenDictionary(l => l.Slug, StringComparer.Ordinal);
    }

    /// <summary>Parses data lines (<c>slug TAB name TAB aliases</c>, comments already removed); throws on a malformed or ambiguous line.</summary>
    public static TopicLabels Parse(IEnumerable<string> lines)
    {
        var labels = new List<TopicLabel>();
        var byKey = new Dictionary<string, TopicLabel>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (parts.Length < 2)
                throw new FormatException($"Topic label line needs slug and name: '{line}'");
            var label = new TopicLabel(parts[0].Trim(), parts[1].Trim());
            labels.Add(label);
            var keys = new List<string> { label.Slug, label.Name };
            if (parts.Length > 2)
                keys.AddRange(parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            foreach (var key in keys)
            {
                var k = Key(key);
                if (byKey.TryGetValue(k, out var other) && other.Slug != label.Slug)
                    throw new FormatException($"Topic alias '{key}' maps to both {other.Slug} and {label.Slug}");
                byKey[k] = label;
            }
        }
        return new TopicLabels(labels, byKey);
    }

    /// <summary>The label a gold folder name or slug stands for, or null when it maps to none.</summary>
    public TopicLabel? Resolve(string folderOrSlug) =>
        _byKey.TryGetValue(Key(folderOrSlug), out var label) ? label : null;

    /// <summary>The label of a slug; throws for an unknown slug.</summary>
    public TopicLabel this[string slug] => _bySlug[slug];

    /// <summary>Lower-case, without diacritics, with runs of spaces, <c>-</c> and <c>_</c> made one space.</summary>
    internal static string Key(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
                continue;
            if (ch is ' ' or '-' or '_' or '\t')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }
}
