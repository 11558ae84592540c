using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// A token bucket of failed authentications per source address (<see cref="GatewayOptions.FailedAuthBurst"/>,
/// refilled continuously at <see cref="GatewayOptions.FailedAuthPerMinute"/>), on the injected
/// <see cref="TimeProvider"/> so tests can let the window pass. Each failure takes a token; an address without
/// tokens is blocked: its CONNECTs are refused before their token is looked at. Good connections take nothing.
/// </summary>
/// <remarks>
/// Computed from timestamps when asked rather than replenished by a timer (System.Threading.RateLimiting's
/// limiters replenish on the wall clock). Buckets that have filled up again are the same as no bucket and are
/// dropped when the table grows, so addresses that tried once do not accumulate.
/// </remarks>
internal sealed class FailedAuthThrottle(IOptions<GatewayOptions> options, TimeProvider time)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>True when the address has used up its failed authentications.</summary>
    public bool IsBlocked(EndPoint? remote) =>
        SourceAddress.KeyOf(remote) is { } key && _buckets.TryGetValue(key, out var bucket) &&
        bucket.Tokens(time, options.Value) < 1;

    /// <summary>Takes a token for a failed authentication from the address.</summary>
    public void OnFailure(EndPoint? remote)
    {
        if (SourceAddress.KeyOf(remote) is not { } key) return;
        var o = options.Value;
        if (_buckets.Count > SweepAbove) Sweep(o);
        _buckets.GetOrAdd(key, _ => new Bucket(o.FailedAuthBurst, time.GetTimestamp())).Take(time, o);
    }

    private void Sweep(GatewayOptions o)
    {
        foreach (var (key, bucket) in _buckets)
            if (bucket.Tokens(time, o) >= o.FailedAuthBurst) _buckets.TryRemove(key, out _);
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        private double _tokens = tokens;
        private long _stamp = stamp;

        public double Tokens(TimeProvider time, GatewayOptions o)
        {
            lock (this) return Refill(time, o);
        }

        public void Take(TimeProvider time, GatewayOptions o)
        {
            lock (this) _tokens = Math.Max(0, Refill(time, o) - 1);
        }

        private double Refill(TimeProvider time, GatewayOptions o)
        {
            var now = time.GetTimestamp();
            var minutes = time.GetElapsedTime(_stamp, now).TotalMinutes;
            _tokens = Math.Min(o.FailedAuthBurst, _tokens + minutes * o.FailedAuthPerMinute);
            _stamp = now;
            return _tokens;
        }
    }
}
