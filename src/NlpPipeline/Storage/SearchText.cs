using System.Text;
using NlpPipeline.Text;

namespace NlpPipeline.Storage;

/// <summary>
/// The folded, lower-cased view of text that the store indexes and searches: every diacritic removed and
/// <c>đ</c>→<c>d</c> (SQLite's own <c>remove_diacritics</c> leaves <c>đ</c> alone), so <c>an ninh mang</c>
/// finds <c>an ninh mạng</c> and <c>Dang</c> finds <c>Đặng</c>.
/// </summary>
internal static class SearchText
{
    /// <summary>Lower-cased, diacritic-folded copy of <paramref name="text"/> (<see cref="VietnameseNormalizer.FoldDiacritics(string)"/>).</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Folded into one buffer and lower-cased into another: one string made, none when the text is already folded.
        var rented = text.Length <= 256 ? null : System.Buffers.ArrayPool<char>.Shared.Rent(text.Length * 2);
        var buffer = rented is null ? stackalloc char[text.Length * 2] : rented.AsSpan(0, text.Length * 2);
        var length = VietnameseNormalizer.FoldDiacritics(text, buffer[..text.Length]);
        var lower = buffer.Slice(text.Length, length);
        ((ReadOnlySpan<char>)buffer[..length]).ToLowerInvariant(lower);
        var result = lower.SequenceEqual(text) ? text : new string(lower);
        if (rented is not null)
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>
    /// An FTS5 MATCH expression for user text: each comma-separated part is one phrase of folded words, and
    /// every phrase must match. Returns null when the text holds no word.
    /// </summary>
    public static string? ToMatchExpression(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var phrases = new List<string>();
        foreach (var part in text.Split(','))
        {
            var words = Words(Fold(part));
            if (words.Count > 0)
                phrases.Add("\"" + string.Join(' ', words) + "\"");
        }
        return phrases.Count == 0 ? null : string.Join(" AND ", phrases);
    }

    /// <summary>The letter-or-digit runs of <paramref name="text"/>, in order.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }
        return words;
    }

    /// <summary>The identity key of a name: NFC, lower-cased, single spaces; diacritics kept (<c>Ân</c> is not <c>An</c>).</summary>
    public static string NameKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = (IsComposed(name) ? name : name.Normalize(NormalizationForm.FormC)).ToLowerInvariant();
        if (HasSingleSpacesOnly(lower))
            return lower;
        var parts = lower.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts);
    }

    /// <summary>
    /// Writes <see cref="NameKey(string)"/> of <paramref name="name"/> into <paramref name="destination"/> (at least as
    /// long as the name) and returns its length; -1, with nothing written, when the name is not NFC.
    /// </summary>
    public static int NameKey(string name, Span<char> destination)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsComposed(name))
            return -1;
        var lower = destination[..name.Length];
        name.AsSpan().ToLowerInvariant(lower);
        // As Split on white space then Join with ' ': runs of white space become one ' ', none at either end.
        int n = 0;
        var space = false;
        foreach (var c in lower)
        {
            if (char.IsWhiteSpace(c))
            {
                space = n > 0;
                continue;
            }
            if (space)
            {
                destination[n++] = ' ';
                space = false;
            }
            destination[n++] = c;
        }
        return n;
    }

    // True when text is NFC without asking ICU: every character is below U+0300 (none of them decomposes or
    // combines under NFC) or a precomposed Latin letter of U+1E00–U+1EFF, which covers Vietnamese text.
    private static bool IsComposed(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0300' && c is < '\u1E00' or > '\u1EFF')
                return false;
        }
        return true;
    }

    /// <summary>True when every white space is a single ' ' between two other characters (Split/Join would not change it).</summary>
    public static bool HasSingleSpacesOnly(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c))
                continue;
            if (c != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' ')
                return false;
        }
        return true;
    }

    /// <summary>A URL-safe slug of <paramref name="text"/>: folded words joined by <c>-</c>; <c>x</c> when empty.</summary>
    public static string Slug(string text)
    {
        var folded = Fold(text);
        // Never longer than folded: each '-' stands for at least one character between words.
        var slug = folded.Length <= 256 ? stackalloc char[folded.Length] : new char[folded.Length];
        var n = 0;
        var inSegment = false;
        foreach (var c in folded)
        {
            if (!char.IsLetterOrDigit(c))
                inSegment = false;
            else if (char.IsAscii(c))
            {
                if (!inSegment && n > 0)
                    slug[n++] = '-';
                inSegment = true;
                slug[n++] = c;
            }
        }
        return n == 0 ? "x" : new string(slug[..n]);
    }
}
