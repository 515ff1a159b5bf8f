using NlpPipeline.Documents;

namespace NlpPipeline.Storage;

/// <summary>One entity as a single document knows it: its mentions, the names it goes by and its titles.</summary>
internal sealed class LocalEntity(string type)
{
    public string Type { get; set; } = type;
    public string Name { get; set; } = string.Empty;

    // Makes this a new entity of the type (the grouper reuses entities from one document to the next).
    internal void Reset(string type)
    {
        Type = type;
        Name = NameKey = string.Empty;
        NameFromSpeaker = false;
        Mentions.Clear();
        Titles.Clear();
        Aliases.Clear();
        Row = -1;
    }

    /// <summary><see cref="SearchText.NameKey"/> of <see cref="Name"/>, set by <see cref="LocalEntityGrouper.Group"/>.</summary>
    public string NameKey { get; set; } = string.Empty;
    public bool NameFromSpeaker { get; set; }
    public List<Entity> Mentions { get; } = [];
    public List<(string Title, int? Start, int? End)> Titles { get; } = [];
    /// <summary>The distinct alias spellings (ordinal), in the order first seen.</summary>
    public List<string> Aliases { get; } = [];
    /// <summary>Index of the entity among its document's stored entities (<see cref="BatchWriter.Prepare"/>); -1 when not stored.</summary>
    public int Row { get; set; } = -1;
}

/// <summary>
/// Groups a document's entity mentions and quote speakers into document-local entities: mentions sharing a
/// <see cref="Entity.Ref"/> are one entity, a <c>TITLE</c> joins the entity its <see cref="Entity.PersonRef"/>
/// names, and a speaker joins its <see cref="Speaker.Ref"/> or, without one, the entity of the same kind and name.
/// Deterministic: the same document always gives the same groups in the same order.
/// </summary>
internal static class LocalEntityGrouper
{
    /// <summary>Speaker kind of QUOTES.md for sources that are neither people nor organisations.</summary>
    public const string OtherKind = "OTHER";

    // The grouping state of one thread, reused from one document to the next: the key maps, the entities in order,
    // and the entity objects made so far (the first order.Count of them in use).
    private sealed class State
    {
        public readonly Dictionary<string, LocalEntity> ByRef = new(StringComparer.Ordinal);
        public readonly Dictionary<(int, int), LocalEntity> BySpan = [];
        public readonly Dictionary<(string, string), LocalEntity> BySpeaker = [];
        public readonly List<LocalEntity> Order = [];
        public readonly List<LocalEntity> Made = [];
        public char[] KeyBuffer = new char[64];
    }

    [ThreadStatic]
    private static State? _state;

    /// <summary>
    /// The document's local entities in order, and per quote its speaker's entity (null for none). The list and the
    /// entities belong to the calling thread and are reused by its next call: use them before calling again.
    /// </summary>
    public static List<LocalEntity> Group(AnnotatedDocument doc, out LocalEntity?[] speakers)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var state = _state ??= new State();
        // Three key spaces: a ref, a span (mentions without a ref), a speaker's kind and name (speakers without a ref).
        var byRef = state.ByRef;
        var bySpan = state.BySpan;
        var bySpeaker = state.BySpeaker;
        var order = state.Order;
        byRef.Clear();
        bySpan.Clear();
        bySpeaker.Clear();
        order.Clear();
        LocalEntity Get<TKey>(Dictionary<TKey, LocalEntity> byKey, TKey key, string type)
            where TKey : notnull
        {
            if (!byKey.TryGetValue(key, out var entity))
            {
                if (order.Count < state.Made.Count)
                    (entity = state.Made[order.Count]).Reset(type);
                else
                    state.Made.Add(entity = new LocalEntity(type));
                byKey.Add(key, entity);
                order.Add(entity);
            }
            return entity;
        }

        foreach (var e in doc.Entities)
        {
            if (e.Type == EntityTypes.Title || string.IsNullOrWhiteSpace(e.Text))
                continue;
            var entity = e.Ref is { Length: > 0 } r
                ? Get(byRef, r, e.Type)
                : Get(bySpan, (e.Start, e.End), e.Type);
            entity.Mentions.Add(e);
        }
        foreach (var e in doc.Entities)
        {
            if (e.Type == EntityTypes.Title && e.PersonRef is { Length: > 0 } p && byRef.TryGetValue(p, out var person))
                AddTitle(person, e.Text, e.Start, e.End);
        }

        speakers = new LocalEntity?[doc.Quotes.Length];
        for (var i = 0; i < doc.Quotes.Length; i++)
        {
            var q = doc.Quotes[i];
            if (q.Speaker is not { } s || string.IsNullOrWhiteSpace(s.Name))
                continue;
            var kind = s.Kind is EntityTypes.Person or EntityTypes.Organization ? s.Kind : OtherKind;
            LocalEntity entity;
            if (s.Ref is { Length: > 0 } r && byRef.TryGetValue(r, out var linked))
                entity = linked;
            else
                entity = Get(bySpeaker, (kind, SearchText.NameKey(s.Name)), kind);
            if (!entity.NameFromSpeaker)
            {
                entity.Name = s.Name.Trim();
                entity.NameFromSpeaker = true;
            }
            if (s.Title is { Length: > 0 } title)
                AddTitle(entity, title, null, null);
            speakers[i] = entity;
        }

        var keyBuffer = state.KeyBuffer;
        foreach (var entity in order)
        {
            if (!entity.NameFromSpeaker)
                entity.Name = FullestMention(entity.Mentions);
            var nameKey = entity.NameKey = SearchText.NameKey(entity.Name);
            if (entity.Name.Length > 0)
                AddAlias(entity, NormalSpaces(entity.Name));
            // The type of the first mention spelt as the name; aliases are name forms only: the name, mentions made
            // of the name's own words, and acronyms. Pronouns and titles ("ông", "Thứ trưởng") are never aliases.
            var typed = false;
            foreach (var m in entity.Mentions)
            {
                if (keyBuffer.Length < m.Text.Length)
                    keyBuffer = state.KeyBuffer = new char[Math.Max(m.Text.Length, keyBuffer.Length * 2)];
                var key = MentionKey(m.Text, keyBuffer);
                if (!typed && key.SequenceEqual(nameKey))
                {
                    entity.Type = m.Type;
                    typed = true;
                }
                // NameKey(NormalSpaces(t)) == NameKey(t): both split on white space.
                var text = NormalSpaces(m.Text);
                if (IsAcronym(text) || AllWordsIn(key, nameKey))
                    AddAlias(entity, text);
            }
        }
        return order;
    }

    // SearchText.NameKey of text, written into buffer (at least as long) unless text is not NFC.
    private static ReadOnlySpan<char> MentionKey(string text, char[] buffer)
    {
        var n = SearchText.NameKey(text, buffer);
        return n >= 0 ? buffer.AsSpan(0, n) : SearchText.NameKey(text);
    }

    private static void AddAlias(LocalEntity entity, string alias)
    {
        foreach (var a in entity.Aliases)
        {
            if (string.Equals(a, alias, StringComparison.Ordinal))
                return;
        }
        entity.Aliases.Add(alias);
    }

    private static void AddTitle(LocalEntity entity, string title, int? start, int? end)
    {
        title = title.Trim();
        var existing = entity.Titles.FindIndex(t => string.Equals(t.Title, title, StringComparison.Ordinal));
        if (existing < 0)
            entity.Titles.Add((title, start, end));
        else if (entity.Titles[existing].Start is null && start is not null)
            entity.Titles[existing] = (title, start, end);
    }

    // The mention with the most words (then the longest, then the first): "Oleg Syromolotov" over "Syromolotov".
    private static string FullestMention(List<Entity> mentions)
    {
        Entity? best = null;
        var bestWords = 0;
        foreach (var m in mentions)
        {
            var words = WordCount(m.Text);
            if (best is null || words > bestWords || (words == bestWords && m.Text.Length > best.Text.Length))
                (best, bestWords) = (m, words);
        }
        return best?.Text.Trim() ?? string.Empty;
    }

    private static int WordCount(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && (i == 0 || char.IsWhiteSpace(text[i - 1])))
                count++;
        }
        return count;
    }

    // Two or more upper-case letters and digits, at least one letter, no space: "WTO", "G20".
    private static bool IsAcronym(string text)
    {
        if (text.Length < 2)
            return false;
        var letter = false;
        foreach (var c in text)
        {
            if (!char.IsUpper(c) && !char.IsDigit(c))
                return false;
            letter |= char.IsLetter(c);
        }
        return letter;
    }

    // True when every ' '-separated word of key is a ' '-separated word of nameKey (names have a few words: no set).
    private static bool AllWordsIn(ReadOnlySpan<char> span, string nameKey)
    {
        var name = nameKey.AsSpan();
        foreach (var word in span.Split(' '))
        {
            var found = false;
            foreach (var nameWord in name.Split(' '))
            {
                if (name[nameWord].SequenceEqual(span[word]))
                {
                    found = true;
                    break;
                }
            }
            if (!found)
                return false;
        }
        return true;
    }

    private static string NormalSpaces(string text) =>
        SearchText.HasSingleSpacesOnly(text) ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
