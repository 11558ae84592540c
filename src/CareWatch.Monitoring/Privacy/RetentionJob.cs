using CareWatch.Storage.Audit;
using CareWatch.Storage.Privacy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring.Privacy;

/// <summary>
/// Applies <see cref="PrivacyOptions.RawRetention"/>: raw data older than now (injected clock) minus the retention
/// becomes hourly summaries and is deleted (<see cref="RawDataRetention"/>). Run nightly by <see cref="NightlyJobs"/>,
/// after training and the wellbeing review have read the night's history; callable on demand (tests, operators).
/// A run that deleted anything is audited as the system.
/// </summary>
public sealed class RetentionJob(
    RawDataRetention retention, AuditLog audit, IOptions<PrivacyOptions> options, IOptions<MonitorOptions> monitor,
    TimeProvider time, ILogger<RetentionJob> logger)
{
    /// <summary>Runs once; returns what it did (<see cref="RetentionResult.Ran"/> false when another node is at it).</summary>
    public async Task<RetentionResult> RunAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.RawRetention;
        var result = await retention.ApplyAsync(cutoff, monitor.Value.StillMovementThreshold, ct);
        if (!result.Ran)
        {
            logger.LogInformation("Retention skipped: another node is applying it");
            return result;
        }
        logger.LogInformation("Retention before {Cutoff:O}: {Minutes} minutes, {Events} events, {Messages} message rows "
            + "rolled up and deleted over {Hours} hours", cutoff, result.MinutesDeleted, result.EventsDeleted,
            result.MessagesDeleted, result.HoursProcessed);
        if (result.MinutesDeleted + result.EventsDeleted + result.MessagesDeleted > 0)
        {
            var details = System.Text.Json.JsonSerializer.Serialize(new
            {
                cutoff, result.MinutesDeleted, result.EventsDeleted, result.MessagesDeleted, result.HoursProcessed,
            });
            await audit.AppendAsync(new AuditEntry(AuditActor.System("retention"), AuditActions.RetentionApplied, null, null,
                null, details), ct);
        }
        return result;
    }
}
