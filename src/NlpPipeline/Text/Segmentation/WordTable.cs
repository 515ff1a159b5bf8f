using System.Numerics;

namespace NlpPipeline.Text.Segmentation;

/// <summary>
/// The model's word vocabulary as an open-addressing table from word hashes (<see cref="SyllableFeatures.StartWord"/>,
/// <see cref="SyllableFeatures.ExtendWord"/>) to ids, with a flag for multi-syllable dictionary words and their
/// prefixes, so lookups during segmentation never allocate. Immutable after construction; thread-safe to read.
/// </summary>
internal sealed class WordTable
{
    public const byte IsWord = 1;
    public const byte IsDictionaryWord = 2;
    public const byte IsPrefix = 4;

    private readonly ulong[] _keys;
    private readonly int[] _ids;
    private readonly byte[] _flags;
    private readonly int _mask;

    /// <summary>Builds the table from the vocabulary (id = index + 1; syllables separated by single spaces).</summary>
    public WordTable(IReadOnlyList<string> words)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, words.Count * 4));
        _keys = new ulong[capacity];
        _ids = new int[capacity];
        _flags = new byte[capacity];
        _mask = capacity - 1;
        for (var id = 0; id < words.Count; id++)
        {
            var word = words[id];
            var hash = 0UL;
            var count = 0;
            foreach (var range in word.AsSpan().Split(' '))
            {
                var syllable = word.AsSpan(range);
                if (syllable.IsEmpty)
                    continue;
                var sh = SyllableFeatures.Analyze(syllable, SyllableKindOf(syllable), out _);
                hash = count == 0 ? SyllableFeatures.StartWord(sh) : SyllableFeatures.ExtendWord(hash, sh);
                count++;
                // every proper prefix of a word is marked so longest-match can stop early
                if (count < WordCountOf(word))
                    Add(hash, 0, IsPrefix);
            }
            Add(hash, id + 1, count >= 2 ? (byte)(IsWord | IsDictionaryWord) : IsWord);
        }
    }

    private static int WordCountOf(string word)
    {
        var n = 1;
        foreach (var c in word)
        {
            if (c == ' ')
                n++;
        }
        return n;
    }

    /// <summary>The kind the tokenizer gives a vocabulary syllable, so vocabulary and text hash alike.</summary>
    internal static Tokenization.SyllableKind SyllableKindOf(ReadOnlySpan<char> syllable)
    {
        if (syllable.IsEmpty)
            return Tokenization.SyllableKind.Punctuation;
        var c = syllable[0];
        if (char.IsDigit(c))
            return Tokenization.SyllableKind.Number;
        return char.IsLetter(c) ? Tokenization.SyllableKind.Word : Tokenization.SyllableKind.Punctuation;
    }

    private void Add(ulong key, int id, byte flags)
    {
        var slot = (int)(key & (ulong)_mask);
        while (_keys[slot] != 0 && _keys[slot] != key)
            slot = (slot + 1) & _mask;
        _keys[slot] = key;
        if (id != 0 && _ids[slot] == 0)
            _ids[slot] = id;
        _flags[slot] |= flags;
    }

    /// <summary>Flags of a word hash (0 when unknown) and its id (0 when not a vocabulary word).</summary>
    public byte Lookup(ulong key, out int id)
    {
        var slot = (int)(key & (ulong)_mask);
        while (true)
        {
            var k = _keys[slot];
            if (k == key)
            {
                id = _ids[slot];
                return _flags[slot];
            }
            if (k == 0)
            {
                id = 0;
                return 0;
            }
            slot = (slot + 1) & _mask;
        }
    }
}
