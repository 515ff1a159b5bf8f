using System.Threading.Channels;
using NlpPipeline.Documents;

namespace NlpPipeline.Pipeline;

/// <summary>
/// Runs documents through the stages and into a sink: read → (stages on several workers) → write,
/// joined by bounded channels (<see cref="BoundedChannelFullMode.Wait"/>). Output keeps input order: a
/// reorder buffer holds documents finished early, and at most <see cref="PipelineOptions.MaxInFlight"/>
/// documents are between reading and writing, so memory stays flat whatever the input size.
/// </summary>
/// <remarks>
/// A stage throwing for one document turns that document into an error record and the run goes on. A
/// failure of the pipeline itself (the input enumeration, the sink) stops the run and surfaces as a
/// <see cref="PipelineException"/> carrying the cause. Cancellation stops reading and processing;
/// what was written is flushed, and the sink only ever holds complete records.
/// </remarks>
public sealed class AnnotationPipeline
{
    private readonly IDocumentStage[] _stages;
    private readonly PipelineOptions _options;

    public AnnotationPipeline(IEnumerable<IDocumentStage> stages, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stages);
        _stages = [.. stages];
        _options = options ?? new PipelineOptions();
    }

    public IReadOnlyList<IDocumentStage> Stages => _stages;

    /// <summary>
    /// Runs every stage on one document; never throws for a stage failure, which becomes the document's
    /// error (<c>stage: message</c>), nor for a stage breaking the offset contract (checked after each
    /// stage by <see cref="AnnotationChecker"/>). A document that arrives with an error passes through untouched.
    /// </summary>
    public AnnotatedDocument Process(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var current = document;
        foreach (var stage in _stages)
        {
            if (current.Error is not null)
                return current;
            try
            {
                current = stage.Process(current)
                    ?? throw new InvalidOperationException("the stage returned no document");
                if (AnnotationChecker.FindViolation(current) is { } violation)
                    throw new InvalidOperationException(violation);
            }
            catch (Exception ex) // one document's failure must not stop the run
            {
                return new AnnotatedDocument(document.Document)
                {
                    Sequence = document.Sequence,
                    Error = $"{stage.Name}: {ex.GetType().Name}: {ex.Message}",
                };
            }
        }
        return current;
    }

    /// <summary>
    /// Reads <paramref name="documents"/>, annotates them and writes them to <paramref name="sink"/> in
    /// input order, then flushes the sink. Throws <see cref="OperationCanceledException"/> when cancelled
    /// and <see cref="PipelineException"/> when the pipeline itself fails.
    /// </summary>
    public async Task<PipelineCounters> RunAsync(
        IEnumerable<AnnotatedDocument> documents,
        IDocumentSink sink,
        PipelineCounters? counters = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(sink);
        counters ??= new PipelineCounters();
        var run = new Run(this, documents, sink, counters, cancellationToken);
        await run.ExecuteAsync().ConfigureAwait(false);
        return counters;
    }

    private readonly record struct Item(long Index, AnnotatedDocument Document);

    /// <summary>The state of one run: channels, the in-flight window and the first fault.</summary>
    private sealed class Run(
        AnnotationPipeline pipeline,
        IEnumerable<AnnotatedDocument> documents,
        IDocumentSink sink,
        PipelineCounters counters,
        CancellationToken cancellationToken)
    {
        private readonly int _workers = pipeline._options.EffectiveWorkers;
        private readonly int _maxInFlight = pipeline._options.EffectiveMaxInFlight;
        private readonly object _faultLock = new();
        private (string Where, Exception Cause)? _fault;

        public async Task ExecuteAsync()
        {
            var slots = new SemaphoreSlim(_maxInFlight, _maxInFlight);
            var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var input = Channel.CreateBounded<Item>(new BoundedChannelOptions(_maxInFlight)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleWriter = true,
                SingleReader = _workers == 1,
            });
            var output = Channel.CreateBounded<Item>(new BoundedChannelOptions(_maxInFlight)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleWriter = _workers == 1,
                SingleReader = true,
            });

            // The input is a synchronous enumeration doing blocking I/O: it gets a thread of its own.
            var reader = Task.Factory.StartNew(
                () => ReadInput(input.Writer, slots, stop),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            var workers = Enumerable.Range(0, _workers).Select(_ => Task.Run(() => WorkAsync(input.Reader, output.Writer, stop))).ToArray();
            var writer = Task.Run(() => WriteOutputAsync(output.Reader, slots, stop));

            await Task.WhenAll(workers).ConfigureAwait(false);
            output.Writer.TryComplete();
            await writer.ConfigureAwait(false);
            if (!stop.IsCancellationRequested)
                await reader.ConfigureAwait(false);
            // When stopped, the reader may sit in a blocking read (standard input): it is not awaited; it
            // ends at its next step, and only then are the objects it uses released.
            _ = reader.ContinueWith(_ =>
            {
                stop.Dispose();
                slots.Dispose();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

            if (_fault is var (where, cause))
                throw new PipelineException($"The pipeline failed in its {where}: {cause.Message}", cause);
            cancellationToken.ThrowIfCancellationRequested();
        }

        private void ReadInput(ChannelWriter<Item> input, SemaphoreSlim slots, CancellationTokenSource stop)
        {
            try
            {
                long index = 0;
                foreach (var document in documents)
                {
                    slots.Wait(stop.Token);
                    // A free slot means fewer than MaxInFlight items anywhere, so the channel has room.
                    if (!input.TryWrite(new Item(index++, document)))
                        throw new InvalidOperationException("The input channel is full although a slot was free.");
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Fail("input", ex, stop);
            }
            finally
            {
                input.TryComplete();
            }
        }

        private async Task WorkAsync(ChannelReader<Item> input, ChannelWriter<Item> output, CancellationTokenSource stop)
        {
            try
            {
                while (await input.WaitToReadAsync(stop.Token).ConfigureAwait(false))
                {
                    while (input.TryRead(out var item))
                    {
                        var processed = pipeline.Process(item.Document);
                        await output.WriteAsync(item with { Document = processed }, stop.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Fail("workers", ex, stop);
            }
        }

        private async Task WriteOutputAsync(ChannelReader<Item> output, SemaphoreSlim slots, CancellationTokenSource stop)
        {
            var early = new Dictionary<long, AnnotatedDocument>();
            long next = 0;
            try
            {
                while (await output.WaitToReadAsync(stop.Token).ConfigureAwait(false))
                {
                    while (output.TryRead(out var item))
                    {
                        early.Add(item.Index, item.Document);
                        while (early.Remove(next, out var document))
                        {
                            stop.Token.ThrowIfCancellationRequested();
                            sink.Write(document);
                            counters.Add(document);
                            next++;
                            slots.Release();
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Fail("output", ex, stop);
            }
            finally
            {
                try
                {
                    sink.Flush();
                }
                catch (Exception ex)
                {
                    Fail("output", ex, stop);
                }
            }
        }

        private void Fail(string where, Exception cause, CancellationTokenSource stop)
        {
            lock (_faultLock)
                _fault ??= (where, cause);
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
