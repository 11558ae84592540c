using CareWatch.Storage.Alerts;
using CareWatch.Storage.Contacts;
using Microsoft.Extensions.Logging;
using Orleans;

namespace CareWatch.Monitoring.Lifecycle;

/// <summary>How a relative's answer ended.</summary>
public enum RelativeAnswerStatus
{
    /// <summary>Recorded on the alert; staff see it.</summary>
    Recorded,
    /// <summary>The alert is closed (resolved or cancelled): the answer is no longer needed.</summary>
    Closed,
    /// <summary>No such alert, or the contact is not one of its senior's.</summary>
    NotFound,
}

/// <summary>
/// A relative answers "I'm checking on her" (from the signed link in their message): recorded as an event on the
/// alert, which staff see on the board. It does not acknowledge the alert or stop its chain: only staff do that,
/// since a relative on the way may still need the bureau.
/// </summary>
public sealed class RelativeAnswer(AlertTransitions transitions, ContactStore contacts, IGrainFactory grains,
    TimeProvider time, ILogger<RelativeAnswer> logger)
{
    private static readonly string[] Active = [AlertStates.Checking, AlertStates.Open, AlertStates.Acknowledged];

    /// <summary>Records that <paramref name="contactId"/> is checking on the senior of <paramref name="alertId"/>.</summary>
    public async Task<RelativeAnswerStatus> CheckingAsync(long alertId, Guid contactId, CancellationToken ct)
    {
        var contact = await contacts.FindForSystemAsync(contactId, ct);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var alert = await transitions.FindAsync(alertId, ct);
            if (alert is null || contact is null || contact.SeniorId != alert.SeniorId) return RelativeAnswerStatus.NotFound;
            if (!Active.Contains(alert.Status)) return RelativeAnswerStatus.Closed;
            var change = new AlertChange(AlertEvents.RelativeChecking, AlertActor.Relative(contactId), Active)
            {
                DetailJson = $$"""{"contactId":"{{contactId}}"}""",
            };
            var result = await transitions.ApplyAsync(alert.Id, alert.Version, change, time.GetUtcNow().UtcDateTime, ct);
            if (result.Status == TransitionStatus.Stale) continue; // another change came first: decide on the new row
            if (!result.Applied) return RelativeAnswerStatus.Closed;
            logger.LogInformation("Alert {AlertId}: a relative is checking on the senior", alert.Id);
            await grains.GetGrain<ISeniorMonitorGrain>(alert.SeniorId).AlertChangedAsync(alert.Id);
            return RelativeAnswerStatus.Recorded;
        }
        return RelativeAnswerStatus.NotFound;
    }
}
