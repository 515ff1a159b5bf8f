using System.Buffers;
using Microsoft.ML.Tokenizers;
using NlpPipeline.Documents;
using NlpPipeline.Text.Segmentation;

namespace NlpPipeline.Text.Tokenization;

/// <summary>
/// The word segmenter as a <see cref="Microsoft.ML.Tokenizers.Tokenizer"/>: each Vietnamese word
/// (<c>Liên hợp quốc</c>) is one <see cref="EncodedToken"/> whose <see cref="EncodedToken.Offset"/> is a range of the
/// original text and whose id is the word's index in the model vocabulary (<see cref="UnknownId"/> for unknown words).
/// No normalisation is applied, so offsets always point into the text given. Thread-safe.
/// </summary>
public sealed class VietnameseWordTokenizer : Tokenizer
{
    /// <summary>Id of every word not in the model vocabulary.</summary>
    public const int UnknownId = 0;

    /// <summary>Text that <see cref="Decode(IEnumerable{int})"/> writes for <see cref="UnknownId"/>.</summary>
    public const string UnknownToken = "[UNK]";

    private readonly PerceptronWordSegmenter _segmenter;

    public VietnameseWordTokenizer(PerceptronWordSegmenter segmenter)
    {
        _segmenter = segmenter ?? throw new ArgumentNullException(nameof(segmenter));
    }

    /// <summary>A tokenizer over the shipped model.</summary>
    public VietnameseWordTokenizer()
        : this(new PerceptronWordSegmenter())
    {
    }

    /// <summary>Number of ids, including <see cref="UnknownId"/>.</summary>
    public int VocabularySize => _segmenter.Model.Vocabulary.Count + 1;

    /// <summary>The vocabulary form (lower case, syllables separated by spaces) of an id, or null when out of range.</summary>
    public string? MapIdToWord(int id) =>
        id == UnknownId ? UnknownToken
        : id > 0 && id <= _segmenter.Model.Vocabulary.Count ? _segmenter.Model.Vocabulary[id - 1]
        : null;

    protected override EncodeResults<EncodedToken> EncodeToTokens(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings)
    {
        var owned = text ?? new string(textSpan);
        var tokens = new List<EncodedToken>();
        var charsConsumed = Encode(owned, settings.MaxTokenCount, (word, id) =>
            tokens.Add(new EncodedToken(id, owned[word.Start..word.End], new Range(word.Start, word.End))));
        return new EncodeResults<EncodedToken> { Tokens = tokens, NormalizedText = null, CharsConsumed = charsConsumed };
    }

    protected override EncodeResults<int> EncodeToIds(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings)
    {
        var source = text is null ? textSpan : text.AsSpan();
        var ids = new List<int>();
        var charsConsumed = Encode(source, settings.MaxTokenCount, (_, id) => ids.Add(id));
        return new EncodeResults<int> { Tokens = ids, NormalizedText = null, CharsConsumed = charsConsumed };
    }

    protected override int CountTokens(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings)
    {
        var source = text is null ? textSpan : text.AsSpan();
        var count = 0;
        Encode(source, settings.MaxTokenCount, (_, _) => count++);
        return count;
    }

    protected override int GetIndexByTokenCount(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings, bool fromEnd, out string? normalizedText, out int tokenCount)
    {
        normalizedText = null;
        var source = text is null ? textSpan : text.AsSpan();
        var words = new List<(TextSpan Word, int Id)>();
        Encode(source, int.MaxValue, (word, id) => words.Add((word, id)));
        var max = Math.Max(0, settings.MaxTokenCount);
        tokenCount = Math.Min(max, words.Count);
        if (!fromEnd)
            return tokenCount == 0 ? 0 : words[tokenCount - 1].Word.End;
        return tokenCount == 0 ? source.Length : words[words.Count - tokenCount].Word.Start;
    }

    /// <summary>The core every overload goes through: segments and reports up to <paramref name="maxTokens"/> words; returns the characters covered.</summary>
    private int Encode(ReadOnlySpan<char> source, int maxTokens, Action<TextSpan, int> onWord)
    {
        if (maxTokens <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxTokens), "The maximum token count must be positive.");
        var w = PerceptronWordSegmenter.Workspace;
        var n = _segmenter.Run(w, source, 0);
        var start = 0;
        var emitted = 0;
        for (var i = 1; i <= n; i++)
        {
            if (i < n && !w.Starts[i])
                continue;
            if (emitted == maxTokens)
                return w.Tokens[start].Start;
            onWord(new TextSpan(w.Tokens[start].Start, w.Tokens[i - 1].End), _segmenter.WordId(w, start, i));
            emitted++;
            start = i;
        }
        return source.Length;
    }

    /// <summary>Writes the vocabulary forms of the ids separated by single spaces (<see cref="UnknownToken"/> for unknown ids).</summary>
    public override OperationStatus Decode(IEnumerable<int> ids, Span<char> destination, out int idsConsumed, out int charsWritten)
    {
        ArgumentNullException.ThrowIfNull(ids);
        idsConsumed = 0;
        charsWritten = 0;
        foreach (var id in ids)
        {
            var word = MapIdToWord(id) ?? UnknownToken;
            var needed = word.Length + (idsConsumed > 0 ? 1 : 0);
            if (charsWritten + needed > destination.Length)
                return OperationStatus.DestinationTooSmall;
            if (idsConsumed > 0)
                destination[charsWritten++] = ' ';
            word.AsSpan().CopyTo(destination[charsWritten..]);
            charsWritten += word.Length;
            idsConsumed++;
        }
        return OperationStatus.Done;
    }
}
