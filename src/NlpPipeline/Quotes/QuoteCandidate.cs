using NlpPipeline.Documents;

namespace NlpPipeline.Quotes;

/// <summary>Which rule found a quote; a feature of the confidence model.</summary>
public enum QuotePattern
{
    /// <summary><c>X cho biết (rằng) ...</c> / <c>X nói: “...”</c></summary>
    CueBefore,
    /// <summary><c>“...”, ông X nói.</c> / <c>..., bà Lan cho biết.</c></summary>
    CueAfter,
    /// <summary><c>Theo X, ...</c></summary>
    Theo,
    /// <summary><c>Tổng bí thư: ...</c></summary>
    Headline,
    /// <summary>A quotation with no cue that continues the previous speaker's words.</summary>
    Continuation,
    /// <summary>A quotation with no source at all.</summary>
    Unattributed,
}

/// <summary>How the speaker was found; a feature of the confidence model.</summary>
public enum SpeakerResolution
{
    None,
    Name,
    Alias,
    Pronoun,
    Title,
    Group,
    Inherited,
}

/// <summary>A resolved source: name, kind, ref, title and how it was resolved.</summary>
internal sealed record SpeakerInfo(string Name, string Kind, SpeakerResolution Resolution)
{
    public string? Ref { get; init; }
    public string? Title { get; init; }
    /// <summary>'m', 'f' or '\0', from the honorific or pronoun used.</summary>
    public char Gender { get; init; }
}

/// <summary>A quote found by a rule, before it becomes a <see cref="Quote"/>: offsets, cue, source mention and features.</summary>
internal sealed class QuoteCandidate
{
    public required string Type { get; set; }
    public required int Start { get; set; }
    public required int End { get; set; }
    public required QuotePattern Pattern { get; init; }
    public int CueStart { get; init; } = -1;
    public int CueEnd { get; init; } = -1;
    public CueFrame CueFrame { get; init; }
    public int MentionStart { get; set; } = -1;
    public int MentionEnd { get; set; } = -1;
    /// <summary>Set for coordinated cues (<c>... và khẳng định ...</c>) and continuations: take that candidate's speaker.</summary>
    public QuoteCandidate? InheritFrom { get; set; }
    public SpeakerInfo? Speaker { get; set; }
    /// <summary>Sentences between this quote and the source it inherits (0 when the source is in the same sentence).</summary>
    public int Distance { get; set; }
    public bool Introduced { get; init; }
    /// <summary>When no source phrase was understood: resolve to the person named last before this offset.</summary>
    public int NearestBefore { get; set; } = -1;

    public Quote ToQuote(AnnotatedDocument document, QuoteConfidenceModel model)
    {
        var text = document.Text;
        Speaker? speaker = null;
        if (Speaker is { } s)
        {
            var mention = MentionStart >= 0 ? text[MentionStart..MentionEnd] : s.Name;
            speaker = new Speaker(s.Name, mention, s.Kind)
            {
                Ref = s.Ref,
                Title = s.Title,
                MentionStart = MentionStart >= 0 ? MentionStart : null,
                MentionEnd = MentionStart >= 0 ? MentionEnd : null,
            };
        }
        return new Quote(Type, Start, End, text[Start..End])
        {
            Cue = CueStart >= 0 ? text[CueStart..CueEnd] : null,
            CueStart = CueStart >= 0 ? CueStart : null,
            CueEnd = CueStart >= 0 ? CueEnd : null,
            Speaker = speaker,
            Confidence = model.Score(this, document),
        };
    }
}
