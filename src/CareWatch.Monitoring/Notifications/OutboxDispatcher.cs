using System.Diagnostics;
using CareWatch.Monitoring.Metrics;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring.Notifications;

/// <summary>
/// Delivers the notification outbox: one loop per channel (a slow SMTP relay never delays a board push), woken by
/// <see cref="OutboxWakeup"/> when this node queues rows and polling for the rest. Each loop claims due rows with a
/// lease, delivers them in parallel, and records every attempt; failures come back after an exponential backoff
/// with jitter until they are dead. Nothing is lost: a row leaves the outbox's due set only when recorded.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxStore store, IEnumerable<INotificationChannel> channels, OutboxWakeup wakeup, TimeProvider time,
    IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> log, DatabaseSchema? schema = null,
    MonitoringMetrics? metrics = null) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;
    private readonly Dictionary<string, ChannelSignal> _signals =
        channels.DistinctBy(c => c.Channel).ToDictionary(c => c.Channel, _ => new ChannelSignal());

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // On a fresh database the outbox comes with the migrations: claiming before them only logs errors.
        if (schema is not null) await schema.Migrated.WaitAsync(stoppingToken);
        var loops = channels.DistinctBy(c => c.Channel).Select(c => Task.Run(() => RunAsync(c, stoppingToken)));
        await Task.WhenAll([FanOutAsync(stoppingToken), .. loops]);
    }

    /// <summary>Claims and delivers one round of due rows of a channel; the number claimed (tests drive this).</summary>
    public async Task<int> DeliverDueAsync(INotificationChannel channel, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await store.ClaimAsync(channel.Channel, _options.BatchSize, now, now + _options.Lease, ct);
        if (due.Count == 0) return 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = ct },
            async (item, token) => await DeliverOneAsync(channel, item, token));
        return due.Count;
    }

    private async Task RunAsync(INotificationChannel channel, CancellationToken ct)
    {
        var signal = _signals[channel.Channel];
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be due: claim again at once instead of waiting.
                if (await DeliverDueAsync(channel, ct) >= _options.BatchSize) continue;
                await signal.WaitAsync(_options.PollEvery, time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                // The database is down or slow: the rows stay due (or leased, then due again); try at the next poll.
                LogRoundFailed(log, channel.Channel, ex.GetType().Name);
                try { await Task.Delay(_options.PollEvery, time, ct); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task DeliverOneAsync(INotificationChannel channel, OutboxItem item, CancellationToken ct)
    {
        // Continues the trace the row was queued in (its alert's), so this delivery's log lines, the channel's
        // included, carry the alert's correlation id; a row without one starts a trace of its own.
        using var activity = MonitoringTracing.Source.StartActivity(MonitoringTracing.NotificationDeliver,
            ActivityKind.Producer, item.Trace?.ToParent() ?? default);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("carewatch.notification.id", item.Id);
            activity.SetTag("carewatch.notification.channel", item.Channel);
            activity.SetTag("carewatch.notification.kind", item.Kind);
            activity.SetTag("carewatch.notification.attempt", item.Attempts);
            if (item.AlertId is { } alertId) activity.SetTag("carewatch.alert.id", alertId);
        }
        DeliveryOutcome outcome;
        try { outcome = await channel.DeliverAsync(item, ct); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; } // the lease brings it back
        catch (Exception ex) { outcome = DeliveryOutcome.Retry(ex.GetType().Name); } // messages may name addresses
        var now = time.GetUtcNow().UtcDateTime;
        var retryAt = outcome.Status == DeliveryStatus.Failed
            ? RetryBackoff.RetryAt(item.Attempts, outcome.Permanent, now, _options, Random.Shared.NextDouble())
            : null;
        // Recorded even if the caller is stopping: a sent row left 'sending' would be sent again after the lease.
        await store.RecordAsync(item, outcome, now, retryAt, CancellationToken.None);
        metrics?.OnDelivery(channel.Channel, outcome, dead: outcome.Status == DeliveryStatus.Failed && retryAt is null);
        if (outcome.Status == DeliveryStatus.Failed)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome.Reason);
            LogFailed(log, item.Id, item.Channel, item.Attempts, retryAt is null, outcome.Reason ?? "");
        }
        else if (item.Channel == OutboxChannels.SignalR) LogPushed(log, item.Id, item.Kind, item.AlertId);
        else LogDelivered(log, item.Id, item.Channel, item.Kind, item.AlertId, item.Attempts);
    }

    private async Task FanOutAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try { await wakeup.WaitAsync(Timeout.InfiniteTimeSpan, ct); }
            catch (OperationCanceledException) { return; }
            foreach (var signal in _signals.Values) signal.Set();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox channel {Channel}: a round failed ({Error}); retrying.")]
    private static partial void LogRoundFailed(ILogger logger, string channel, string error);

    // A person was notified (e-mail, webhook): worth a line each. Board pushes come by the thousand: debug only.
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Notification {Id} ({Channel}, {Kind}) of alert {AlertId} delivered at attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, long id, string channel, string kind, long? alertId, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notification {Id} ({Kind}) of alert {AlertId} pushed to the boards")]
    private static partial void LogPushed(ILogger logger, long id, string kind, long? alertId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Notification {Id} ({Channel}) attempt {Attempt} failed (dead: {Dead}): {Reason}")]
    private static partial void LogFailed(ILogger logger, long id, string channel, int attempt, bool dead, string reason);
}
