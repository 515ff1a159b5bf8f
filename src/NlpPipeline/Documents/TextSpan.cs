namespace NlpPipeline.Documents;

/// <summary>A [Start, End) range of UTF-16 code units in a document's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public string Slice(string text) => text.Substring(Start, End - Start);

    public ReadOnlySpan<char> AsSpan(string text) => text.AsSpan(Start, End - Start);

    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
}
