namespace NlpPipeline.Text.Tokenization;

/// <summary>What a syllable token is; the segmenter uses it as a shape feature.</summary>
public enum SyllableKind : byte
{
    /// <summary>Letters (possibly with digits, hyphens or inner dots): <c>hợp</c>, <c>U23</c>, <c>TP.HCM</c>, <c>COVID-19</c>.</summary>
    Word,
    /// <summary>Starts with a digit: <c>1.000.000</c>, <c>2,5</c>, <c>3/11</c>, <c>10:30</c>, <c>50%</c>, <c>30-4-1975</c>.</summary>
    Number,
    /// <summary>A punctuation mark; a run of dots (<c>...</c>) is one token.</summary>
    Punctuation,
    /// <summary>A symbol or an emoji cluster (with its modifiers and zero-width joiners).</summary>
    Symbol,
    /// <summary>A web address (<c>https://...</c>, <c>www....</c>).</summary>
    Url,
    /// <summary>An e-mail address.</summary>
    Email,
    /// <summary>A hashtag or a handle (<c>#AnNinhMang</c>, <c>@vnexpress</c>).</summary>
    Tag,
}

/// <summary>A syllable or an unbreakable unit (number, URL, punctuation): a [Start, End) range of the source text.</summary>
public readonly record struct SyllableToken(int Start, int End, SyllableKind Kind)
{
    public int Length => End - Start;
}
