using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace CareWatch.Server.Extensions;

/// <summary>
/// Ready while the Orleans cluster answers within <see cref="Budget"/> and counts at least one active silo: the
/// senior monitors live there, so a node whose silo cannot take calls must not take watches either.
/// </summary>
public sealed class OrleansReadyHealthCheck(IGrainFactory grains) : IHealthCheck
{
    /// <summary>How long one probe waits for the management grain.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Budget, ct);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("no active silo");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"the cluster did not answer within {Budget.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the cluster refused the call ({ex.GetType().Name})");
        }
    }
}
