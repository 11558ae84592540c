using CareWatch.Monitoring;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Bureaus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace CareWatch.Server.Tests.Support;

/// <summary>
/// Raises a senior's alerts and ends their conditions on the production path a monitor uses (<see cref="SeniorAlerts"/>:
/// the lifecycle's writer, whose board row the outbox dispatcher pushes to the boards), for tests that arrange
/// alerts directly. Alerts are raised open (no check-in).
/// </summary>
public sealed class SeniorAlertsFor(ServerHost server, Guid seniorId)
{
    private readonly SeniorAlerts _alerts = new(seniorId, server.Services.GetRequiredService<AlertStore>(),
        server.Services.GetRequiredService<AlertTransitions>(), server.Services.GetRequiredService<CheckInSettingsStore>(),
        ResiliencePipeline.Empty, new MonitorOptions(), TimeProvider.System,
        NullLogger.Instance);

    /// <summary>Raises an alert; the situation began at <paramref name="startedAt"/> (default: still since, or now).</summary>
    public Task RaiseAsync(string kind, DateTime? stillSince, string explanation, DateTime? startedAt = null) =>
        _alerts.RaiseAsync(new AlertRequest(kind, stillSince, startedAt ?? stillSince ?? TimeProvider.System.GetUtcNow().UtcDateTime,
            explanation, "arranged by a test"), checkIn: false, CancellationToken.None);

    /// <summary>Ends the condition of the active alert of the kind (device health: auto-resolved); at <paramref name="endedAt"/>.</summary>
    public Task ClearAsync(string kind, DateTime? endedAt = null) =>
        _alerts.EndConditionAsync(kind, endedAt ?? TimeProvider.System.GetUtcNow().UtcDateTime, "arranged by a test", CancellationToken.None);
}
