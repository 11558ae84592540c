using CareWatch.Storage;
using Microsoft.Extensions.Logging;

namespace CareWatch.Monitoring;

/// <summary>
/// One senior's alerts as their monitor acts on them: which kinds are open, and raising or clearing one —
/// stored first in PostgreSQL, then pushed to every notifier.
/// </summary>
public sealed class SeniorAlerts(Guid seniorId, AlertStore store, IEnumerable<IAlertNotifier> notifiers, TimeProvider time, ILogger logger)
{
    private static readonly string[] Kinds =
        [AlertKinds.Inactivity, AlertKinds.NotWorn, AlertKinds.LeftCharging, AlertKinds.Offline];

    private readonly HashSet<string> _open = [];

    /// <summary>Reads which of the monitor's alert kinds are open (SOS and falls stay with staff).</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        _open.Clear();
        foreach (var kind in Kinds)
            if (await store.FindOpenAsync(seniorId, kind, ct) is not null) _open.Add(kind);
    }

    /// <summary>Whether an alert of this kind is open.</summary>
    public bool IsOpen(string kind) => _open.Contains(kind);

    /// <summary>Whether an alert was ever raised for the still period that began at <paramref name="stillSince"/>.</summary>
    public Task<bool> RaisedForStillPeriodAsync(DateTime stillSince, CancellationToken ct) =>
        store.ExistsForStillPeriodAsync(seniorId, AlertKinds.Inactivity, stillSince, ct);

    /// <summary>Opens an alert (a no-op in the store if one of the kind is open) and tells people.</summary>
    /// <param name="startedAt">
    /// When the situation began if not <paramref name="stillSince"/>: the event's own time for an SOS or a fall,
    /// so the board counts from the press rather than from when the server heard of it.
    /// </param>
    public async Task RaiseAsync(string kind, DateTime? stillSince, string explanation, DateTime? startedAt = null)
    {
        var raised = await store.RaiseAsync(
            seniorId, kind, stillSince, time.GetUtcNow().UtcDateTime, explanation, startedAt);
        if (Kinds.Contains(kind)) _open.Add(kind);
        logger.LogInformation("Alert {AlertId} ({Kind}) for senior {SeniorId}", raised.Id, kind, seniorId);
        await NotifyAsync(raised);
    }

    /// <summary>Marks the open alert of this kind cleared and tells people.</summary>
    /// <param name="closedAt">
    /// When the condition ended if not now: the minute movement resumed, so the board's "movement resumed at"
    /// is the senior's time, not the moment a replayed buffer reached the server.
    /// </param>
    public async Task ClearAsync(string kind, DateTime? closedAt = null)
    {
        _open.Remove(kind);
        var at = closedAt ?? time.GetUtcNow().UtcDateTime;
        if (await store.ClearAsync(seniorId, kind, at) is { } cleared) await NotifyAsync(cleared);
    }

    // A failed push is not lost: the board reloads open alerts from PostgreSQL whenever it (re)connects.
    private async Task NotifyAsync(AlertRecord alert)
    {
        foreach (var notifier in notifiers)
        {
            try { await notifier.AlertChangedAsync(alert, CancellationToken.None); }
            catch (Exception ex) { logger.LogWarning(ex, "Notifier {Notifier} failed for alert {AlertId}", notifier.GetType().Name, alert.Id); }
        }
    }
}
