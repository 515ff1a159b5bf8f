namespace NlpPipeline.Pipeline;

/// <summary>Choices for the default stage list; each area adds the settings its stage needs.</summary>
public sealed record StageOptions
{
    public static StageOptions Default { get; } = new();

    /// <summary>Run the <c>normalise</c> stage (NFC, LF); readers already deliver such text.</summary>
    public bool Normalize { get; init; } = true;
}
