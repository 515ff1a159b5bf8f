using NlpPipeline.Documents;

namespace NlpPipeline.Pipeline;

/// <summary>
/// Checks the offset contract of <c>ANNOTATIONS.md</c> on a document: every span lies inside the text,
/// and an entity's <c>Text</c> and a quote's <c>Content</c> equal <c>text[start..end]</c>. Never throws;
/// allocation-free when the document is sound.
/// </summary>
public static class AnnotationChecker
{
    /// <summary>The first violation found, or null when the document keeps the contract.</summary>
    public static string? FindViolation(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        foreach (var s in document.Sentences)
        {
            if (!Inside(s.Start, s.End, text.Length))
                return $"sentence [{s.Start}, {s.End}) is outside the text (length {text.Length})";
        }
        foreach (var t in document.Tokens)
        {
            if (!Inside(t.Start, t.End, text.Length))
                return $"token [{t.Start}, {t.End}) is outside the text (length {text.Length})";
        }
        foreach (var e in document.Entities)
        {
            if (!Inside(e.Start, e.End, text.Length) || !text.AsSpan(e.Start, e.End - e.Start).SequenceEqual(e.Text))
                return $"entity \"{e.Text}\" [{e.Start}, {e.End}) does not match the text";
        }
        foreach (var q in document.Quotes)
        {
            if (!Inside(q.Start, q.End, text.Length) || !text.AsSpan(q.Start, q.End - q.Start).SequenceEqual(q.Content))
                return $"quote [{q.Start}, {q.End}) does not match its content";
            if (q.CueStart is { } cs && q.CueEnd is { } ce && !Inside(cs, ce, text.Length))
                return $"quote cue [{cs}, {ce}) is outside the text";
            if (q.Speaker is { MentionStart: { } ms, MentionEnd: { } me } && !Inside(ms, me, text.Length))
                return $"speaker mention [{ms}, {me}) is outside the text";
        }
        return null;
    }

    private static bool Inside(int start, int end, int length) => 0 <= start && start <= end && end <= length;
}
