using System.Diagnostics;
using System.Threading.Channels;
using CareWatch.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace CareWatch.Gateway.Ingestion;

/// <summary>
/// Group commit for device messages: messages from all connections queue in a channel, one loop
/// writes them in batches (one transaction each) and completes each message's task only after the
/// commit, which is what lets the MQTT layer send PUBACK only for durable messages.
/// </summary>
public sealed class TelemetryPipeline : BackgroundService
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly TelemetryWriter _writer;
    private readonly TelemetryNotifier _notifier;
    private readonly TimeProvider _time;
    private readonly GatewayMetrics _metrics;
    private readonly GatewayOptions _options;
    private readonly LogThrottle _log;
    private readonly ResiliencePipeline _retry;

    /// <summary>Creates the pipeline; it starts writing when the host starts.</summary>
    public TelemetryPipeline(TelemetryWriter writer, TelemetryNotifier notifier, TimeProvider time,
        GatewayMetrics metrics, IOptions<GatewayOptions> options, ILogger<TelemetryPipeline> logger)
    {
        _writer = writer;
        _notifier = notifier;
        _time = time;
        _metrics = metrics;
        _options = options.Value;
        // While the database is away every batch fails the same way: one stack trace, then counts.
        _log = new LogThrottle(logger, time);
        // Retry and batching delays are wall-clock latencies, deliberately not on the injected
        // TimeProvider: a frozen test clock must not stall ingestion.
        // A short retry rides out a failover or a dropped pooled connection; anything longer and the
        // devices are better served by a disconnect (they resend, and de-duplication absorbs repeats).
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(ex => ex.IsTransient),
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Exponential,
            })
            .Build();
    }

    /// <summary>
    /// Queues a message and completes once it is committed: true when it was new, false for a
    /// duplicate. Throws when it could not be stored; the caller must then not acknowledge it.
    /// </summary>
    public async Task<bool> SubmitAsync(IncomingTelemetry message, CancellationToken ct)
    {
        // Latencies are wall-clock facts (like the retry delays), not readings of the injected clock.
        var started = Stopwatch.GetTimestamp();
        // A message with events keeps its trace in their rows: a monitor that finds one unalerted raises its alert
        // inside this trace (after a restart, or when this very message activates the monitor).
        if (message.Batch.Events.Count > 0 && message.Trace is null) message = message with { Trace = StoredTrace.Current };
        var pending = new PendingWrite(message, Activity.Current?.Context ?? default);
        await _queue.Writer.WriteAsync(pending, ct);
        var isNew = await pending.Completion.Task.WaitAsync(ct);
        _metrics.OnDurable(Stopwatch.GetElapsedTime(started));
        return isNew;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingWrite>(_options.BatchMaxMessages);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await FillBatchAsync(batch, stoppingToken);
                await WriteBatchAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Whatever is still queued was never stored: fail it so its devices get no PUBACK and resend.
            foreach (var p in batch) p.Completion.TrySetCanceled(CancellationToken.None);
            while (_queue.Reader.TryRead(out var p)) p.Completion.TrySetCanceled(CancellationToken.None);
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _log.Dispose();
        base.Dispose();
    }

    private async Task FillBatchAsync(List<PendingWrite> batch, CancellationToken ct)
    {
        while (batch.Count < _options.BatchMaxMessages && _queue.Reader.TryRead(out var p)) batch.Add(p);
        if (batch.Count >= _options.BatchMaxMessages || _options.BatchMaxDelay <= TimeSpan.Zero) return;
        using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
        window.CancelAfter(_options.BatchMaxDelay);
        try
        {
            while (batch.Count < _options.BatchMaxMessages && await _queue.Reader.WaitToReadAsync(window.Token))
                while (batch.Count < _options.BatchMaxMessages && _queue.Reader.TryRead(out var p)) batch.Add(p);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The batching window closed; write what we have.
        }
    }

    private async Task WriteBatchAsync(List<PendingWrite> batch, CancellationToken ct)
    {
        var messages = batch.Select(p => p.Message).ToList();
        TelemetryWriteResult result;
        // Its own trace, linked to each message's: the commit serves many messages, so it is none's child.
        using var activity = GatewayTracing.Source.HasListeners()
            ? GatewayTracing.Source.StartActivity(GatewayTracing.BatchWrite, ActivityKind.Internal, default(ActivityContext),
                [new("carewatch.batch.messages", batch.Count)],
                batch.Where(p => p.Trace != default).Select(p => new ActivityLink(p.Trace)).ToList())
            : null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            result = await _retry.ExecuteAsync(async token => await _writer.WriteAsync(messages, token), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _log.Log(LogLevel.Error, "batch-not-stored", ex,
                "Could not store a batch of {Count} device messages; their devices will resend", batch.Count);
            foreach (var p in batch) p.Completion.TrySetException(new TelemetryNotStoredException(ex));
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            return;
        }
        finally
        {
            _metrics.OnBatchWritten(Stopwatch.GetElapsedTime(started));
        }
        // Minutes a watch sent twice under different messages are acknowledged but kept once: counted, not silent.
        _metrics.OnAlreadyStored(result.MinutesAlreadyStored, result.EventsAlreadyStored);
        var isNew = result.IsNew;
        for (var i = 0; i < batch.Count; i++) batch[i].Completion.TrySetResult(isNew[i]);
        for (var i = 0; i < batch.Count; i++)
            if (isNew[i]) await _notifier.EnqueueAsync(batch[i].Message, batch[i].Trace, ct);
    }

    private sealed class PendingWrite(IncomingTelemetry message, ActivityContext trace)
    {
        public IncomingTelemetry Message { get; } = message;

        // The message's activity (default when not traced): the monitors' work on it continues that trace.
        public ActivityContext Trace { get; } = trace;

        // Continuations run elsewhere so a slow MQTT connection never stalls the writer loop.
        public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A device message could not be made durable; it must not be acknowledged.</summary>
public sealed class TelemetryNotStoredException(Exception inner)
    : Exception("The device message could not be stored.", inner);
