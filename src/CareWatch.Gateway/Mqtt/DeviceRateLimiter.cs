using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// A token bucket per watch, so one faulty or hostile watch cannot starve the writer for the rest of
/// the fleet. Buckets of watches that went quiet are released by the partitioned limiter itself.
/// </summary>
internal sealed class DeviceRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public DeviceRateLimiter(IOptions<GatewayOptions> options)
    {
        var o = options.Value;
        // Replenished in small steps (every second) rather than once a minute, so a watch at the limit
        // is not locked out for a whole minute.
        var perSecond = Math.Max(1, o.DeviceMessagesPerMinute / 60);
        var period = o.DeviceMessagesPerMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1.0 / o.DeviceMessagesPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(deviceId => RateLimitPartition.GetTokenBucketLimiter(deviceId,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = o.DeviceMessageBurst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Takes one token for the watch; false when its bucket is empty.</summary>
    public bool TryAcquire(string deviceId)
    {
        using var lease = _limiter.AttemptAcquire(deviceId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
