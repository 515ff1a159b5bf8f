using System.Runtime.InteropServices;

namespace NlpPipeline.Storage;

/// <summary>
/// How each name form (type, <see cref="SearchText.NameKey"/>) is used across the per-document entities: its
/// spellings with the number of entities spelt so, and its aliases with the number of documents each was seen
/// in. Entities must be added document by document (all rows of a document in a row), each document under its own number.
/// </summary>
internal sealed class FormUses
{
    private readonly Dictionary<(string Type, string Key), Use> _forms = [];
    // The forms in the order added: form id - 1 when the ids were numbered (none given to Add).
    private readonly List<Use> _added = [];

    /// <param name="countSpeakers">Whether <see cref="AddSpeakerQuotes"/> is called for every document, so that
    /// <see cref="SpeakerQuotes"/> holds every attributed quote.</param>
    public FormUses(bool countSpeakers = false) => SpeakerQuotes = countSpeakers ? [] : null;

    public int Count => _forms.Count;

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
        var use = Add(type, key, name, id);
        foreach (var alias in aliases)
            use.AddAlias(alias, document);
        return use.Id;
    }

    /// <summary>Adds a title (any spelling; kept as its <see cref="SearchText.NameKey"/>) that the form was seen with.</summary>
    public void AddTitle(string type, string key, string title)
    {
        ref var use = ref CollectionsMarshal.GetValueRefOrAddDefault(_forms, (type, key), out _);
        if (use is null)
            _added.Add(use = new Use { Id = _forms.Count });
        (use.Titles ??= new HashSet<string>(StringComparer.Ordinal)).Add(SearchText.NameKey(title));
    }

    private Use Add(string type, string key, string name, long id)
    {
        ref var use = ref CollectionsMarshal.GetValueRefOrAddDefault(_forms, (type, key), out _);
        if (use is null)
        {
            if (id != 0 && SpeakerQuotes is not null)
                throw new ArgumentException("Speakers are counted by numbered form ids: none may be given.", nameof(id));
            use = new Use { Id = id != 0 ? id : _forms.Count };
            _added.Add(use);
        }
        use.AddSpelling(name);
        return use;
    }

    /// <summary>Every form with its id and display name: the most frequent spelling (ties: ordinal first).</summary>
    public IEnumerable<NameForm> Forms() =>
        _forms.Select(f => new NameForm(f.Key.Type, f.Key.Key, f.Value.DisplayName)
        {
            Id = f.Value.Id,
            Titles = f.Value.Titles,
            Source = f.Value,
        });

    /// <summary>Records the canonical entity (its id) that a form of <see cref="Forms"/> resolved to, for <see cref="EntityAliases"/> and <see cref="EntityOf"/>.</summary>
    public void SetEntity(NameForm form, long entity) => (form.Source as Use ?? _forms[(form.Type, form.Key)]).Entity = entity;

    /// <summary>The entity set for a form by <see cref="SetEntity"/>.</summary>
    public long EntityOf((string Type, string Key) form) => _forms[form].Entity;

    /// <summary>The entity set for the form with this numbered id (see <see cref="Add"/>) by <see cref="SetEntity"/>.</summary>
    public long EntityOf(long form) => _added[checked((int)form - 1)].Entity;

    /// <summary>
    /// Every form's aliases, in the order of <see cref="Aliases"/>, with the entity set for the form by
    /// <see cref="SetEntity"/> (0 when none was) and the number of documents each was seen in.
    /// </summary>
    public IEnumerable<(long Entity, string Alias, long Documents)> EntityAliases()
    {
        foreach (var use in _forms.Values)
        {
            if (use.AliasMap is { } map)
            {
                foreach (var (alias, seen) in map)
                    yield return (use.Entity, alias, seen.Documents);
            }
            else if (use.Alias is { } alias)
                yield return (use.Entity, alias, use.AliasDocuments);
        }
    }

    /// <summary>Every form's aliases with the number of documents each was seen in.</summary>
    public IEnumerable<((string Type, string Key) Form, string Alias, long Documents)> Aliases() =>
        _forms.SelectMany(f => f.Value.Aliases().Select(a => (f.Key, a.Alias, a.Documents)));

    // Most forms have one spelling, one alias and no title: the first spelling and the first alias are kept inline
    // and the collections are made only when needed (a load into an empty store holds one of these per form).
    private sealed class Use
    {
        private string? _spelling;
        private long _spellingCount;
        private Dictionary<string, long>? _spellings;
        private string? _alias;
        private (long Documents, long LastDocument) _aliasSeen;
        private Dictionary<string, (long Documents, long LastDocument)>? _aliases;

        public HashSet<string>? Titles { get; set; }

        /// <summary>The form's id (<see cref="FormUses.Add"/>).</summary>
        public long Id { get; init; }

        public long Entity { get; set; }

        // The aliases as kept: the first one inline with its document count until a second one makes the map.
        public string? Alias => _alias;
        public long AliasDocuments => _aliasSeen.Documents;
        public Dictionary<string, (long Documents, long LastDocument)>? AliasMap => _aliases;

        /// <summary>The aliases in the order first added, with the number of documents each was seen in.</summary>
        public IEnumerable<(string Alias, long Documents)> Aliases()
        {
            if (_aliases is not null)
                return _aliases.Select(a => (a.Key, a.Value.Documents));
            return _alias is null ? [] : [(_alias, _aliasSeen.Documents)];
        }

        /// <summary>The most frequent spelling (ties: ordinal first); a form always has one (titles come after it).</summary>
        public string DisplayName => _spellings?.MaxBy(n => n, SpellingOrder.Instance).Key ?? _spelling
            ?? throw new InvalidOperationException("A form has titles but no name.");

        public void AddSpelling(string name)
        {
            if (_spellings is null && (_spelling is null || string.Equals(_spelling, name, StringComparison.Ordinal)))
            {
                _spelling = name;
                _spellingCount++;
                return;
            }
            _spellings ??= new(StringComparer.Ordinal) { [_spelling!] = _spellingCount };
            CollectionsMarshal.GetValueRefOrAddDefault(_spellings, name, out _)++;
        }

        // Document numbers (rowids, or positions in a load) are never 0: the default entry has seen no document.
        public void AddAlias(string alias, long document)
        {
            if (_aliases is null && (_alias is null || string.Equals(_alias, alias, StringComparison.Ordinal)))
            {
                _alias = alias;
                Count(ref _aliasSeen, document);
                return;
            }
            _aliases ??= new(StringComparer.Ordinal) { [_alias!] = _aliasSeen };
            Count(ref CollectionsMarshal.GetValueRefOrAddDefault(_aliases, alias, out _), document);
        }

        private static void Count(ref (long Documents, long LastDocument) seen, long document)
        {
            if (seen.LastDocument != document)
                seen = (seen.Documents + 1, document);
        }
    }

    // Spellings by count, then ordinal-first on ties: the maximum is the display name.
    private sealed class SpellingOrder : IComparer<KeyValuePair<string, long>>
    {
        public static readonly SpellingOrder Instance = new();

        public int Compare(KeyValuePair<string, long> x, KeyValuePair<string, long> y) =>
            x.Value != y.Value ? x.Value.CompareTo(y.Value) : string.CompareOrdinal(y.Key, x.Key);
    }
}
