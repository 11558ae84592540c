using CareWatch.Storage.Audit;
using CareWatch.Storage.Privacy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring.Privacy;

/// <summary>
/// Applies <see cref="PrivacyOptions.RawRetention"/>: raw data older than now (injected clock) minus the retention
/// becomes hourly summaries and is deleted (<see cref="RawDataRetention"/>), and de-duplication rows older than
/// <see cref="DeduplicationRetention.Window"/> (22 days) are deleted as well, as no acceptable resend can match them
/// (<see cref="DeduplicationRetention"/>). Run nightly by <see cref="NightlyJobs"/>,
/// after training and the wellbeing review have read the night's history; callable on demand (tests, operators).
/// A run that deleted anything is audited as the system.
/// </summary>
public sealed class RetentionJob(
    RawDataRetention retention, DeduplicationRetention deduplication, AuditLog audit, IOptions<PrivacyOptions> options,
    IOptions<MonitorOptions> monitor, TimeProvider time, ILogger<RetentionJob> logger)
{
    /// <summary>Runs once; returns what it did (<see cref="RetentionResult.Ran"/> false when another node is at it).</summary>
    public async Task<RetentionResult> RunAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - options.Value.RawRetention;
        var result = await retention.ApplyAsync(cutoff, monitor.Value.StillMovementThreshold, ct);
        if (!result.Ran)
        {
            logger.LogInformation("Retention skipped: another node is applying it");
            return result;
        }
        // After the raw retention, which deletes the oldest hours' message rows with the rest of them; the prune then
        // only has the rows between the two cutoffs left. Only on the node that held the lock, so one node does it.
        var deduplicationCutoff = now - DeduplicationRetention.Window;
        var pruned = await deduplication.PruneAsync(deduplicationCutoff, ct);
        logger.LogInformation("De-duplication rows received before {Cutoff:O}: {Messages} deleted", deduplicationCutoff,
            pruned);
        result = result with { MessagesDeleted = result.MessagesDeleted + pruned };
        logger.LogInformation("Retention before {Cutoff:O}: {Minutes} minutes, {Events} events, {Messages} message rows "
            + "rolled up and deleted over {Hours} hours", cutoff, result.MinutesDeleted, result.EventsDeleted,
            result.MessagesDeleted, result.HoursProcessed);
        if (result.MinutesDeleted + result.EventsDeleted + result.MessagesDeleted > 0)
        {
            var details = System.Text.Json.JsonSerializer.Serialize(new
            {
                cutoff, deduplicationCutoff, result.MinutesDeleted, result.EventsDeleted, result.MessagesDeleted,
                result.HoursProcessed,
            });
            await audit.AppendAsync(new AuditEntry(AuditActor.System("retention"), AuditActions.RetentionApplied, null, null,
                null, details), ct);
        }
        return result;
    }
}
