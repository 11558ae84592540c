using CareWatch.Monitoring;
using CareWatch.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace CareWatch.Server.Tests.Support;

/// <summary>
/// Raises and clears a senior's alerts on the production path a monitor uses (<see cref="SeniorAlerts"/>: the store
/// first, then every notifier, here the SignalR one that boards listen to), for tests that arrange alerts directly.
/// </summary>
public sealed class SeniorAlertsFor(ServerHost server, Guid seniorId)
{
    private readonly SeniorAlerts _alerts = new(seniorId, server.Services.GetRequiredService<AlertStore>(),
        server.Services.GetServices<IAlertNotifier>(), ResiliencePipeline.Empty, TimeProvider.System, NullLogger.Instance);

    /// <summary>Raises an alert; the situation began at <paramref name="startedAt"/> (default: still since, or now).</summary>
    public Task RaiseAsync(string kind, DateTime? stillSince, string explanation, DateTime? startedAt = null) =>
        _alerts.RaiseAsync(new AlertRequest(kind, stillSince, startedAt ?? stillSince ?? TimeProvider.System.GetUtcNow().UtcDateTime,
            explanation, "arranged by a test"), CancellationToken.None);

    /// <summary>Clears the open alert of the kind now; its condition ended at <paramref name="endedAt"/> (default: now).</summary>
    public Task ClearAsync(string kind, DateTime? endedAt = null) =>
        _alerts.ClearAsync(kind, endedAt ?? TimeProvider.System.GetUtcNow().UtcDateTime, "arranged by a test", CancellationToken.None);
}
