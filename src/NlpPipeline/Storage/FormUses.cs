using System.Runtime.CompilerServices;

namespace NlpPipeline.Storage;

/// <summary>
/// How each name form (type, <see cref="SearchText.NameKey"/>) is used across the per-document entities: its
/// spellings with the number of entities spelt so, and its aliases with the number of documents each was seen
/// in. Entities must be added document by document (all rows of a document in a row), each document under its own number.
/// </summary>
/// <remarks>
/// A load into an empty store keeps one of these alive while it prepares every document, so it holds no object per
/// form: the forms, spellings, aliases and titles are structs in arrays, their text is copied into one character
/// array, and the forms are found through an open hash table of indexes. The garbage collector then neither traces
/// nor promotes anything per form (with an object per form, promoting them through the generations took most of the
/// load's GC pauses). Strings are made when the uses are read (<see cref="Forms"/>, <see cref="EntityAliases"/>).
/// </remarks>
internal sealed class FormUses
{
    // A form: its type (index into _types) and key (in _chars), its id and entity, and the first entry of each of
    // its lists in _texts (1-based; 0: none). Aliases are listed in the order first added (LastAlias appends).
    private struct Form
    {
        public int Type, KeyStart, KeyLength, Hash, NextInBucket;
        public long Id, Entity;
        public int Spellings, Aliases, LastAlias, Titles;
    }

    // A spelling (Count: entities spelt so), an alias (Count: documents seen in, LastDocument: the last of them) or a
    // title key of one form, in _chars; Next: the next entry of the same list (1-based; 0: none).
    private struct Text
    {
        public int Start, Length, Next;
        public long Count, LastDocument;
    }

    private readonly List<string> _types = [];
    private char[] _chars = new char[1 << 16];
    private int _charCount;
    private Form[] _forms = new Form[1024];
    private int _formCount;
    private Text[] _texts = new Text[2048];
    private int _textCount;
    // Hash buckets of the forms: 1-based index of the first form in the bucket (0: none); the length is a power of two.
    private int[] _buckets = new int[1024];

    /// <param name="countSpeakers">Whether <see cref="AddSpeakerQuotes"/> is called for every document, so that
    /// <see cref="SpeakerQuotes"/> holds every attributed quote.</param>
    public FormUses(bool countSpeakers = false) => SpeakerQuotes = countSpeakers ? [] : null;

    public int Count => _formCount;

    /// <summary>
    /// The quotes attributed to each form (its id), per document in the order added (null when not counted): what
    /// <c>entities.quotes</c> and <c>entities.documents</c> sum per canonical entity.
    /// </summary>
    public List<(long Document, long Form, int Quotes)>? SpeakerQuotes { get; }

    /// <summary>
    /// Adds <paramref name="quotes"/> quotes of <paramref name="document"/> attributed to the form with the id that
    /// <see cref="Add"/> numbered it with (when counted; speakers are counted only for uses whose ids were numbered).
    /// </summary>
    public void AddSpeakerQuotes(long document, long form, int quotes) =>
        SpeakerQuotes?.Add((document, form, quotes));

    /// <summary>
    /// Adds a document entity of the form (type, key); returns the form's id: <paramref name="id"/> when the form is
    /// new and it is given (a stored <c>forms.id</c>), else the number of forms added so far, counting this one (1, 2, …
    /// in the order forms are first added).
    /// </summary>
    public long Add(long document, string type, string key, string name, ReadOnlySpan<string> aliases, long id = 0)
    {
        var index = FindOrAdd(type, key, out var added);
        if (added)
        {
            if (id != 0 && SpeakerQuotes is not null)
                throw new ArgumentException("Speakers are counted by numbered form ids: none may be given.", nameof(id));
            if (id != 0)
                _forms[index].Id = id;
        }
        ref var form = ref _forms[index];
        var spelling = FindOrAppend(ref form.Spellings, name, out _);
        _texts[spelling].Count++;
        foreach (var alias in aliases)
            AddAlias(index, alias, document);
        return _forms[index].Id;
    }

    /// <summary>Adds a title (any spelling; kept as its <see cref="SearchText.NameKey"/>) that the form was seen with.</summary>
    public void AddTitle(string type, string key, string title)
    {
        var index = FindOrAdd(type, key, out _);
        FindOrAppend(ref _forms[index].Titles, SearchText.NameKey(title), out _);
    }

    // Document numbers (rowids, or positions in a load) are never 0: a new entry has seen no document.
    private void AddAlias(int form, string alias, long document)
    {
        var first = _forms[form].Aliases;
        var entry = first;
        for (; entry != 0 && !Equals(_texts[entry], alias); entry = _texts[entry].Next)
        {
        }
        if (entry == 0)
        {
            entry = AppendText(alias, 0);
            if (first == 0)
                _forms[form].Aliases = entry;
            else
                _texts[_forms[form].LastAlias].Next = entry;
            _forms[form].LastAlias = entry;
        }
        ref var seen = ref _texts[entry];
        if (seen.LastDocument != document)
        {
            seen.Count++;
            seen.LastDocument = document;
        }
    }

    // The entry of the list starting at head (1-based) holding text, appended in front when missing (added).
    private int FindOrAppend(ref int head, string text, out bool added)
    {
        for (var entry = head; entry != 0; entry = _texts[entry].Next)
        {
            if (Equals(_texts[entry], text))
            {
                added = false;
                return entry;
            }
        }
        added = true;
        return head = AppendText(text, head);
    }

    private int AppendText(string text, int next)
    {
        if (++_textCount == _texts.Length)
            Array.Resize(ref _texts, _texts.Length * 2);
        _texts[_textCount] = new Text { Start = AppendChars(text), Length = text.Length, Next = next };
        return _textCount;
    }

    private bool Equals(in Text entry, string text) =>
        entry.Length == text.Length && _chars.AsSpan(entry.Start, entry.Length).SequenceEqual(text);

    private int AppendChars(ReadOnlySpan<char> text)
    {
        if (_charCount + text.Length > _chars.Length)
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + text.Length));
        text.CopyTo(_chars.AsSpan(_charCount));
        _charCount += text.Length;
        return _charCount - text.Length;
    }

    private string TextOf(int start, int length) => new(_chars, start, length);

    private ReadOnlySpan<char> KeyOf(in Form form) => _chars.AsSpan(form.KeyStart, form.KeyLength);

    // The index of the form (type, key) in _forms (1-based), added (with the next id) when missing.
    private int FindOrAdd(string type, string key, out bool added)
    {
        var typeIndex = TypeIndex(type);
        var hash = HashOf(typeIndex, key);
        var found = Find(typeIndex, key, hash);
        added = found == 0;
        if (!added)
            return found;
        if (++_formCount == _forms.Length)
            Array.Resize(ref _forms, _forms.Length * 2);
        if (_formCount > _buckets.Length)
        {
            _buckets = new int[_buckets.Length * 2];
            for (var i = 1; i < _formCount; i++)
                Link(i);
        }
        _forms[_formCount] = new Form { Type = typeIndex, KeyStart = AppendChars(key), KeyLength = key.Length, Hash = hash, Id = _formCount };
        Link(_formCount);
        return _formCount;
    }

    private void Link(int index)
    {
        ref var bucket = ref _buckets[_forms[index].Hash & (_buckets.Length - 1)];
        _forms[index].NextInBucket = bucket;
        bucket = index;
    }

    private int Find(int typeIndex, ReadOnlySpan<char> key, int hash)
    {
        for (var i = _buckets[hash & (_buckets.Length - 1)]; i != 0; i = _forms[i].NextInBucket)
        {
            ref var form = ref _forms[i];
            if (form.Hash == hash && form.Type == typeIndex && KeyOf(form).SequenceEqual(key))
                return i;
        }
        return 0;
    }

    private static int HashOf(int typeIndex, ReadOnlySpan<char> key) =>
        string.GetHashCode(key) ^ (typeIndex * -1640531535);

    // A handful of types: found by reference, then by value.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int TypeIndex(string type)
    {
        for (var i = 0; i < _types.Count; i++)
        {
            if (ReferenceEquals(_types[i], type))
                return i;
        }
        var index = _types.FindIndex(t => string.Equals(t, type, StringComparison.Ordinal));
        if (index >= 0)
            return index;
        _types.Add(type);
        return _types.Count - 1;
    }

    // The index of the form (type, key) in _forms, 0 when it was never added.
    private int IndexOf(string type, string key)
    {
        var typeIndex = _types.FindIndex(t => string.Equals(t, type, StringComparison.Ordinal));
        return typeIndex < 0 ? 0 : Find(typeIndex, key, HashOf(typeIndex, key));
    }

    /// <summary>Every form with its id and display name: the most frequent spelling (ties: ordinal first).</summary>
    // Read once per load: compiled optimised at once (tiered compilation would run it unoptimised).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public NameForm[] Forms()
    {
        var forms = new NameForm[_formCount];
        for (var i = 1; i <= _formCount; i++)
        {
            ref var form = ref _forms[i];
            HashSet<string>? titles = null;
            for (var t = form.Titles; t != 0; t = _texts[t].Next)
                (titles ??= new HashSet<string>(StringComparer.Ordinal)).Add(TextOf(_texts[t].Start, _texts[t].Length));
            forms[i - 1] = new NameForm(_types[form.Type], TextOf(form.KeyStart, form.KeyLength), DisplayName(form))
            {
                Id = form.Id,
                Titles = titles,
                Source = i,
            };
        }
        return forms;
    }

    // The most frequent spelling (ties: ordinal first); a form always has one (titles come after it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string DisplayName(in Form form)
    {
        var best = form.Spellings;
        if (best == 0)
            throw new InvalidOperationException("A form has titles but no name.");
        for (var s = _texts[best].Next; s != 0; s = _texts[s].Next)
        {
            ref var spelling = ref _texts[s];
            ref var top = ref _texts[best];
            if (spelling.Count > top.Count || (spelling.Count == top.Count
                && _chars.AsSpan(spelling.Start, spelling.Length).SequenceCompareTo(_chars.AsSpan(top.Start, top.Length)) < 0))
                best = s;
        }
        return TextOf(_texts[best].Start, _texts[best].Length);
    }

    /// <summary>Records the canonical entity (its id) that a form of <see cref="Forms"/> resolved to, for <see cref="EntityAliases"/> and <see cref="EntityOf"/>.</summary>
    public void SetEntity(NameForm form, long entity)
    {
        var index = form.Source > 0 ? form.Source : IndexOf(form.Type, form.Key);
        if (index == 0)
            throw new KeyNotFoundException($"No form {form.Type} {form.Key}.");
        _forms[index].Entity = entity;
    }

    /// <summary>The entity set for a form by <see cref="SetEntity"/>.</summary>
    public long EntityOf((string Type, string Key) form) =>
        IndexOf(form.Type, form.Key) is var index and not 0 ? _forms[index].Entity : throw new KeyNotFoundException($"No form {form.Type} {form.Key}.");

    /// <summary>The entity set for the form with this numbered id (see <see cref="Add"/>) by <see cref="SetEntity"/>.</summary>
    public long EntityOf(long form) =>
        form >= 1 && form <= _formCount ? _forms[form].Entity : throw new ArgumentOutOfRangeException(nameof(form));

    /// <summary>
    /// Every form's aliases, in the order of <see cref="Aliases"/>, with the entity set for the form by
    /// <see cref="SetEntity"/> (0 when none was) and the number of documents each was seen in.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<(long Entity, string Alias, long Documents)> EntityAliases()
    {
        var aliases = new List<(long Entity, string Alias, long Documents)>(_formCount);
        for (var i = 1; i <= _formCount; i++)
        {
            for (var a = _forms[i].Aliases; a != 0; a = _texts[a].Next)
                aliases.Add((_forms[i].Entity, TextOf(_texts[a].Start, _texts[a].Length), _texts[a].Count));
        }
        return aliases;
    }

    /// <summary>Every form's aliases (forms and their aliases in the order first added) with the number of documents each was seen in.</summary>
    public IEnumerable<((string Type, string Key) Form, string Alias, long Documents)> Aliases()
    {
        for (var i = 1; i <= _formCount; i++)
        {
            var form = (_types[_forms[i].Type], TextOf(_forms[i].KeyStart, _forms[i].KeyLength));
            for (var a = _forms[i].Aliases; a != 0; a = _texts[a].Next)
                yield return (form, TextOf(_texts[a].Start, _texts[a].Length), _texts[a].Count);
        }
    }
}
