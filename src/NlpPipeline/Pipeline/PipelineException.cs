namespace NlpPipeline.Pipeline;

/// <summary>The pipeline itself failed (its input, a sink, a bug), not one document; the cause is the inner exception.</summary>
public sealed class PipelineException : Exception
{
    public PipelineException() { }

    public PipelineException(string message) : base(message) { }

    public PipelineException(string message, Exception inner) : base(message, inner) { }
}
