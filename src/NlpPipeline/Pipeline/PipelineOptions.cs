namespace NlpPipeline.Pipeline;

/// <summary>How the pipeline runs its stages.</summary>
public sealed record PipelineOptions
{
    /// <summary>Workers running the CPU stages at once (default: processor count).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Documents in flight at most, read but not yet written (queued, in work, or held back to keep
    /// input order behind a slow one). Bounds memory whatever the input size; 0 chooses
    /// <c>max(16, 8 × workers)</c>.
    /// </summary>
    public int MaxInFlight { get; init; }

    internal int EffectiveWorkers => Math.Max(1, Workers);

    internal int EffectiveMaxInFlight => MaxInFlight > 0 ? MaxInFlight : Math.Max(16, 8 * EffectiveWorkers);
}
