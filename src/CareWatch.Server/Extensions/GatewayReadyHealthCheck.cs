using CareWatch.Gateway.Mqtt;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareWatch.Server.Extensions;

/// <summary>Ready while this node's device gateway takes watches (its MQTT server runs and is not draining).</summary>
public sealed class GatewayReadyHealthCheck(GatewayListenerStatus gateway) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(gateway.Problem is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy(gateway.Listening));
}
