using CareWatch.Monitoring;
using CareWatch.Monitoring.CheckIn;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Support;

/// <summary>Alerts arranged directly through the lifecycle's one writer (no monitor, no board push).</summary>
public static class ArrangeAlerts
{
    /// <summary>Raises an open alert at <paramref name="raisedAt"/>; the situation began at startedAt (default still since, or then).</summary>
    public static async Task<AlertRecord> RaiseAsync(ServerHost server, Guid seniorId, string kind, DateTime? stillSince,
        DateTime raisedAt, string explanation, DateTime? startedAt = null, string? factsJson = null)
    {
        var transitions = server.Services.GetRequiredService<AlertTransitions>();
        var raised = await transitions.RaiseAsync(new NewAlert(seniorId, kind, AlertSeverities.For(kind), AlertStates.Open,
            stillSince, startedAt ?? stillSince ?? raisedAt, explanation, factsJson, NextStepAt: raisedAt), MonitorChanges.Monitor, raisedAt);
        return raised.Alert;
    }

    /// <summary>Auto-resolves the senior's active device-health alert of the kind at <paramref name="closedAt"/>.</summary>
    public static async Task<AlertRecord?> AutoResolveAsync(ServerHost server, Guid seniorId, string kind, DateTime closedAt)
    {
        var transitions = server.Services.GetRequiredService<AlertTransitions>();
        if (await transitions.FindActiveAsync(seniorId, kind) is not { } active) return null;
        var result = await transitions.ApplyAsync(active.Id, active.Version,
            MonitorChanges.AutoResolved(closedAt, closedAt, "arranged by a test"), closedAt);
        return result.Alert;
    }
}
