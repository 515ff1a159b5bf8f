using System.Collections.Immutable;
using NlpPipeline.Documents;
using NlpPipeline.Pipeline;

namespace NlpPipeline.Text.Segmentation;

/// <summary>
/// Vietnamese word segmentation with an averaged perceptron: the text is split into syllables
/// (<see cref="Tokenization.SyllableTokenizer"/>), then each gap between syllables is decided greedily left to right
/// (join or break) from hashed syllable n-gram, shape and dictionary features and the decision before it.
/// As the pipeline's <c>words</c> stage it fills <see cref="AnnotatedDocument.Tokens"/> sentence by sentence
/// (the whole text when no sentences are set). Thread-safe: per-thread buffers, no allocation per syllable.
/// </summary>
public sealed class PerceptronWordSegmenter : IDocumentStage
{
    [ThreadStatic]
    private static SegmentationWorkspace? t_workspace;

    public PerceptronWordSegmenter(SegmenterModel model)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
    }

    /// <summary>A segmenter over the shipped model (<see cref="SegmenterModel.Default"/>).</summary>
    public PerceptronWordSegmenter()
        : this(SegmenterModel.Default)
    {
    }

    public SegmenterModel Model { get; }

    public string Name => "words";

    internal static SegmentationWorkspace Workspace => t_workspace ??= new SegmentationWorkspace();

    /// <summary>The words of <paramref name="text"/> as [Start, End) offsets into it, in order.</summary>
    public IReadOnlyList<Token> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<Token>();
        Segment(text, 0, words);
        return words;
    }

    /// <summary>
    /// Appends the words of <paramref name="text"/> to <paramref name="output"/>, offsets shifted by
    /// <paramref name="baseOffset"/>. The core method every overload goes through.
    /// </summary>
    public void Segment(ReadOnlySpan<char> text, int baseOffset, ICollection<Token> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var w = Workspace;
        var n = Run(w, text, baseOffset);
        var tokens = w.Tokens;
        var start = 0;
        for (var i = 1; i <= n; i++)
        {
            if (i == n || w.Starts[i])
            {
                output.Add(new Token(tokens[start].Start, tokens[i - 1].End));
                start = i;
            }
        }
    }

    /// <summary>Segments and leaves the syllables and word starts in the workspace; returns the syllable count.</summary>
    internal int Run(SegmentationWorkspace w, ReadOnlySpan<char> text, int baseOffset)
    {
        w.Load(text, baseOffset);
        var n = w.Count;
        if (n == 0)
            return 0;
        w.MatchDictionary(n, new TableLookup(Model.Table));
        Decode(w, n, Model.Weights, Model.Bits);
        return n;
    }

    /// <summary>Greedy left-to-right decoding of word starts into <see cref="SegmentationWorkspace.Starts"/>.</summary>
    internal static void Decode(SegmentationWorkspace w, int n, float[] weights, int bits)
    {
        Span<int> features = stackalloc int[SegmenterFeatures.MaxFeatures];
        var starts = w.Starts;
        starts[0] = true;
        var joined = false;
        var length = 1;
        for (var i = 1; i < n; i++)
        {
            if (w.HardBreak[i])
            {
                starts[i] = true;
                joined = false;
                length = 1;
                continue;
            }
            var count = SegmenterFeatures.Extract(w, n, i, joined, length, bits, features);
            var score = 0f;
            for (var k = 0; k < count; k++)
                score += weights[features[k]];
            joined = score > 0f;
            starts[i] = !joined;
            length = joined ? length + 1 : 1;
        }
    }

    /// <summary>The vocabulary id of syllables [from, to) of the last run (0 when the word is unknown).</summary>
    internal int WordId(SegmentationWorkspace w, int from, int to)
    {
        var h = SyllableFeatures.StartWord(w.Hashes[from]);
        for (var i = from + 1; i < to; i++)
            h = SyllableFeatures.ExtendWord(h, w.Hashes[i]);
        Model.Table.Lookup(h, out var id);
        return id;
    }

    public AnnotatedDocument Process(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var builder = ImmutableArray.CreateBuilder<Token>(text.Length / 5 + 4);
        if (document.Sentences.IsDefaultOrEmpty)
        {
            Segment(text, 0, builder);
        }
        else
        {
            foreach (var sentence in document.Sentences)
                Segment(text.AsSpan(sentence.Start, sentence.End - sentence.Start), sentence.Start, builder);
        }
        return document with { Tokens = builder.ToImmutable() };
    }
}
