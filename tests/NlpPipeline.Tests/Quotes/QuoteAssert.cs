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
}
