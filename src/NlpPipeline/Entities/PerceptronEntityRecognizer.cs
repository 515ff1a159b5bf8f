using System.Collections.Immutable;
using NlpPipeline.Documents;
using NlpPipeline.Pipeline;
using NlpPipeline.Resources;

namespace NlpPipeline.Entities;

/// <summary>
/// Finds PER, ORG, LOC and MISC mentions in raw text with an averaged structured perceptron over syllables
/// (BILOU labels, first-order Viterbi). Reads only the document text — no gold words, no POS; its word-boundary features come from the
/// words stage's tokens, or from the project's word segmenter run here on each line when there are none — decodes line by line (twice when the model has a stacked second pass, <see cref="EntityStacking"/>), then gives each surface string its majority type in the document
/// (<see cref="DocumentConsistency"/>). Thread-safe: the model is immutable and each thread has its own buffers.
/// </summary>
public sealed class PerceptronEntityRecognizer : IDocumentStage
{
    /// <summary>Repository path (and embedded resource name) of the shipped model.</summary>
    public const string DefaultModelPath = "models/ner-perceptron.bin.gz";

    private static readonly Lazy<PerceptronEntityRecognizer> LazyDefault = new(() =>
    {
        using var stream = EmbeddedResources.Open(DefaultModelPath);
        return new PerceptronEntityRecognizer(PerceptronEntityModel.Load(stream));
    });

    [ThreadStatic]
    private static EntityScratch? t_scratch;

    [ThreadStatic]
    private static DocumentTokens? t_document;

    private readonly PerceptronEntityModel _model;

    public PerceptronEntityRecognizer(PerceptronEntityModel model) => _model = model;

    internal PerceptronEntityModel Model => _model;

    /// <summary>The recognizer with the embedded model, loaded once on first use.</summary>
    public static PerceptronEntityRecognizer Default => LazyDefault.Value;

    public string Name => "entities";

    /// <summary>
    /// Replaces PER/ORG/LOC/MISC entities with those found; keeps entities of other types (TITLE); sorted by start.
    /// The word features come from the document's tokens (the words stage) when it has them.
    /// </summary>
    public AnnotatedDocument Process(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = Recognize(document.Text, document.Tokens);
        var kept = document.Entities.Where(e => !PerceptronEntityModel.Types.Contains(e.Type)).ToList();
        if (kept.Count == 0)
            return document with { Entities = found };
        return document with
        {
            Entities = [.. found.Concat(kept).OrderBy(e => e.Start).ThenBy(e => e.End).ThenBy(e => e.Type, StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// The entities of <paramref name="text"/>, in text order, each with <c>Text == text[Start..End]</c> and a
    /// <see cref="Entity.Confidence"/> (the probability of the span and type, <see cref="EntityConfidence"/>).
    /// <paramref name="words"/>: the words stage's tokens of the text, if any (else the segmenter runs here).
    /// </summary>
    public ImmutableArray<Entity> Recognize(string text, ImmutableArray<Token> words = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        const int F = EntityFeatureExtractor.FeatureCount;
        var s = t_scratch ??= new EntityScratch();
        var d = t_document ??= new DocumentTokens();
        _model.Features.ExtractDocument(text, s, d, words);
        var lines = d.Lines;
        var stack = _model.Stack;
        for (var line = 0; line + 1 < lines.Count; line++)
        {
            var from = lines[line];
            var n = lines[line + 1] - from;
            PerceptronEntityModel.Score(_model.Weights, d.Feats, from, F, n, s);
            PerceptronEntityModel.Viterbi(_model.Transitions, s, n);
            Array.Copy(s.Path, 0, d.First, from, n);
            if (stack is null)
                Finish(_model.Transitions, d, from, n, s);
        }
        if (stack is var (weights, transitions))
        {
            EntityStacking.Compute(d, _model.Bits);
            for (var line = 0; line + 1 < lines.Count; line++)
            {
                var from = lines[line];
                var n = lines[line + 1] - from;
                PerceptronEntityModel.Score(weights, d.Feats, from, F, n, s);
                PerceptronEntityModel.Score(weights, d.Stack, from, EntityStacking.FeatureCount, n, s, accumulate: true);
                PerceptronEntityModel.Viterbi(transitions, s, n);
                Finish(transitions, d, from, n, s);
            }
        }
        var result = ImmutableArray.CreateBuilder<Entity>();
        for (var line = 0; line + 1 < lines.Count; line++)
            AddEntities(text, d, lines[line], lines[line + 1], result);
        DocumentConsistency.Apply(result);
        return PersonNameRepair.Default.Apply(text, result.ToImmutable());
    }

    /// <summary>Keeps the last pass's labels (<c>s.Path</c>) of one line and the probability of each entity.</summary>
    private void Finish(float[] transitions, DocumentTokens d, int from, int n, EntityScratch s)
    {
        Array.Copy(s.Path, 0, d.Path, from, n);
        EntityConfidence.Compute(transitions, s, n, _model.Temperature);
        Array.Copy(s.SpanProbability, 0, d.Confidence, from, n);
    }

    /// <summary>Number of syllable tokens the tagger sees in <paramref name="text"/> (the unit of the benchmark).</summary>
    public static int CountSyllables(string text)
    {
        var s = t_scratch ??= new EntityScratch();
        return SyllableSplitter.Tokenize(text, 0, text.Length, ref s.Starts, ref s.Ends);
    }

    /// <summary>The entities of <c>d.Path</c> over tokens <paramref name="from"/>..<paramref name="to"/> (one line).</summary>
    private static void AddEntities(string text, DocumentTokens d, int from, int to, ImmutableArray<Entity>.Builder result)
    {
        var path = d.Path;
        var t = from;
        while (t < to)
        {
            var label = path[t];
            if (label == 0)
            {
                t++;
                continue;
            }
            // Viterbi's constraints make the path well formed: U alone, or B I* L.
            var begin = t;
            if (PerceptronEntityModel.Part(label) == 0)
            {
                while (t + 1 < to && path[t + 1] != 0 && PerceptronEntityModel.Part(path[t + 1]) is 1 or 2)
                {
                    t++;
                    if (PerceptronEntityModel.Part(path[t]) == 2)
                        break;
                }
            }
            t++;
            var start = d.Starts[begin];
            var end = d.Ends[t - 1];
            result.Add(new Entity(PerceptronEntityModel.TypeOf(label), start, end, text[start..end]) { Confidence = Math.Round(d.Confidence[begin], 4) });
        }
    }
}
