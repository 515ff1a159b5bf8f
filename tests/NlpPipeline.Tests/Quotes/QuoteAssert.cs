using NlpPipeline.Documents;

namespace NlpPipeline.Tests.Quotes;

/// <summary>Assertions shared by the table-driven speaker tests.</summary>
internal static class QuoteAssert
{
    /// <summary>Exactly one quote's content starts with <paramref name="contentStart"/>, and its speaker's name is
    /// <paramref name="speaker"/>; failures name the table row (<paramref name="pattern"/>) and what was found.</summary>
    public static void SpeakerOf(IReadOnlyList<Quote> quotes, string pattern, string contentStart, string speaker)
    {
        var q = quotes.SingleOrDefault(q => q.Content.StartsWith(contentStart, StringComparison.Ordinal));
        Assert.True(q is not null, $"{pattern}: found {string.Join("; ", quotes.Select(x => x.Content))}");
        Assert.True(speaker == q.Speaker?.Name, $"{pattern}: got '{q!.Speaker?.Name}' (mention '{q.Speaker?.Mention}')");
    }

    /// <summary>The text gives exactly one quote, with this speaker name, cue, content and type, its content and cue offsets
    /// pointing at those words in <paramref name="text"/>.</summary>
    public static void SingleQuote(IReadOnlyList<Quote> quotes, string text, string speaker, string cue, string content, string type)
    {
        var q = Assert.Single(quotes);
        Assert.Equal(speaker, q.Speaker?.Name);
        Assert.Equal(cue, q.Cue);
        Assert.Equal(content, q.Content);
        Assert.Equal(type, q.Type);
        Assert.Equal(text.IndexOf(content, StringComparison.Ordinal), q.Start);
        Assert.Equal(content, text[q.Start..q.End]);
        Assert.Equal(cue, text[q.CueStart!.Value..q.CueEnd!.Value]);
    }
}
