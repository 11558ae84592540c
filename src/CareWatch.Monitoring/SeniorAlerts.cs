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
    public async Task RaiseAsync(string kind, DateTime? stillSince, string explanation)
    {
        var raised = await store.RaiseAsync(seniorId, kind, stillSince, time.GetUtcNow().UtcDateTime, explanation);
        if (Kinds.Contains(kind)) _open.Add(kind);
        logger.LogInformation("Alert {AlertId} ({Kind}) for senior {SeniorId}", raised.Id, kind, seniorId);
        await NotifyAsync(raised);
    }

    /// <summary>Marks the open alert of this kind cleared and tells people.</summary>
    public async Task ClearAsync(string kind)
    {
        _open.Remove(kind);
        if (await store.ClearAsync(seniorId, kind, time.GetUtcNow().UtcDateTime) is { } cleared) await NotifyAsync(cleared);
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
