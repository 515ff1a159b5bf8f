namespace NlpPipeline.Entities;

/// <summary>Kinds of gazetteer entries; each is a bit pair (begin, inside) in a token's match mask.</summary>
internal enum GazetteerKind
{
    Surname = 0,
    GivenName = 1,
    FullName = 2,
    Country = 3,
    Province = 4,
    District = 5,
}

/// <summary>
/// Case-insensitive lists of names (syllable sequences) stored as hashes, so the model file carries them
/// without the source lists. Matching starts only at capitalised syllables.
/// </summary>
internal sealed class Gazetteer
{
    private readonly Dictionary<ulong, int> _entries;

    public Gazetteer(Dictionary<ulong, int> entries, int maxLength)
    {
        _entries = entries;
        MaxLength = maxLength;
    }

    public static Gazetteer Empty { get; } = new([], 0);

    public int MaxLength { get; }

    public int Count => _entries.Count;

    public IReadOnlyDictionary<ulong, int> Entries => _entries;

    /// <summary>Key of a sequence of lower-case syllable hashes.</summary>
    public static ulong Key(ReadOnlySpan<ulong> syllables)
    {
        var h = 0x5555555555555555UL;
        foreach (var s in syllables)
            h = FeatureHash.Mix(h, s);
        return h;
    }

    public bool TryGet(ulong key, out int kinds) => _entries.TryGetValue(key, out kinds);

    /// <summary>Builds a gazetteer from (name, kind) pairs: names are split into syllables like running text.</summary>
    public static Gazetteer Build(IEnumerable<(string Name, GazetteerKind Kind)> names)
    {
        var entries = new Dictionary<ulong, int>();
        var maxLength = 0;
        var starts = new int[16];
        var ends = new int[16];
        var hashes = new List<ulong>();
        foreach (var (name, kind) in names)
        {
            var text = name.Normalize(System.Text.NormalizationForm.FormC);
            var n = SyllableSplitter.Tokenize(text, 0, text.Length, ref starts, ref ends);
            if (n == 0)
                continue;
            hashes.Clear();
            for (var i = 0; i < n; i++)
                hashes.Add(FeatureHash.LowerCase(text.AsSpan(starts[i], ends[i] - starts[i])));
            var key = Key(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hashes));
            entries[key] = entries.GetValueOrDefault(key) | (1 << (int)kind);
            maxLength = Math.Max(maxLength, n);
        }
        return new Gazetteer(entries, maxLength);
    }
}
