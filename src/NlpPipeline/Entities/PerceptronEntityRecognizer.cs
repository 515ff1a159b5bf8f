using System.Collections.Immutable;
using NlpPipeline.Documents;
using NlpPipeline.Pipeline;
using NlpPipeline.Resources;

namespace NlpPipeline.Entities;

/// <summary>
/// Finds PER, ORG, LOC and MISC mentions in raw text with an averaged structured perceptron over syllables
/// (BILOU labels, first-order Viterbi). Reads only the document text — no gold words, no POS; it runs the project's
/// word segmenter itself for word-boundary features — and decodes line by line, then gives each surface string its majority type in the document
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

    private readonly PerceptronEntityModel _model;

    public PerceptronEntityRecognizer(PerceptronEntityModel model) => _model = model;

    internal PerceptronEntityModel Model => _model;

    /// <summary>The recognizer with the embedded model, loaded once on first use.</summary>
    public static PerceptronEntityRecognizer Default => LazyDefault.Value;

    public string Name => "entities";

    /// <summary>Replaces PER/ORG/LOC/MISC entities with those found; keeps entities of other types (TITLE); sorted by start.</summary>
    public AnnotatedDocument Process(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = Recognize(document.Text);
        var kept = document.Entities.Where(e => !PerceptronEntityModel.Types.Contains(e.Type)).ToList();
        if (kept.Count == 0)
            return document with { Entities = found };
        return document with
        {
            Entities = [.. found.Concat(kept).OrderBy(e => e.Start).ThenBy(e => e.End).ThenBy(e => e.Type, StringComparer.Ordinal)],
        };
    }

    /// <summary>The entities of <paramref name="text"/>, in text order, each with <c>Text == text[Start..End]</c>.</summary>
    public ImmutableArray<Entity> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = ImmutableArray.CreateBuilder<Entity>();
        var s = t_scratch ??= new EntityScratch();
        _model.Features.CollectDocument(text, s);
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = text.Length;
            if (lineEnd > lineStart)
                RecognizeLine(text, lineStart, lineEnd, s, result);
            lineStart = lineEnd + 1;
        }
        DocumentConsistency.Apply(result);
        return result.ToImmutable();
    }

    /// <summary>Number of syllable tokens the tagger sees in <paramref name="text"/> (the unit of the benchmark).</summary>
    public static int CountSyllables(string text)
    {
        var s = t_scratch ??= new EntityScratch();
        return SyllableSplitter.Tokenize(text, 0, text.Length, ref s.Starts, ref s.Ends);
    }

    private void RecognizeLine(string text, int from, int to, EntityScratch s, ImmutableArray<Entity>.Builder result)
    {
        var n = _model.Features.Extract(text, from, to, s);
        if (n == 0)
            return;
        PerceptronEntityModel.Score(_model.Weights, s, n);
        PerceptronEntityModel.Viterbi(_model.Transitions, s, n);
        var path = s.Path;
        var t = 0;
        while (t < n)
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
                while (t + 1 < n && PerceptronEntityModel.Part(path[t + 1]) is 1 or 2 && path[t + 1] != 0)
                {
                    t++;
                    if (PerceptronEntityModel.Part(path[t]) == 2)
                        break;
                }
            }
            t++;
            var start = s.Starts[begin];
            var end = s.Ends[t - 1];
            result.Add(new Entity(PerceptronEntityModel.TypeOf(label), start, end, text[start..end]));
        }
    }
}
