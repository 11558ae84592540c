using CareWatch.Monitoring.Notifications.Email;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Extensions;

/// <summary>
/// Whether the SMTP relay takes a connection (and the sign-in, when configured) within <see cref="Budget"/>. It is
/// registered as <em>degraded</em> on failure, not unhealthy: mail waits in the outbox and is retried, while a node
/// taken out of the load balancer for it would stop taking alarms. The report still names the failure.
/// </summary>
public sealed class SmtpReadyHealthCheck(IOptions<SmtpOptions> options) : IHealthCheck
{
    /// <summary>How long one probe may take, connection and greeting included.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var smtp = options.Value;
        if (string.IsNullOrEmpty(smtp.Host)) return HealthCheckResult.Healthy("no SMTP relay configured: mail is off");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Budget);
        try
        {
            using var client = await SmtpRelay.OpenAsync(smtp, Budget, deadline.Token);
            await client.DisconnectAsync(true, deadline.Token);
            return HealthCheckResult.Healthy("the SMTP relay answers");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The type only: a relay's message may repeat an address or a user name.
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"the SMTP relay did not answer within {Budget.TotalSeconds:0} s or refused ({ex.GetType().Name})");
        }
    }
}
