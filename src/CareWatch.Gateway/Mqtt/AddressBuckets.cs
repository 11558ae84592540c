using System.Collections.Concurrent;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// A token bucket per source address key (see <see cref="SourceAddress.KeyOf"/>), refilled continuously, on the
/// injected <see cref="TimeProvider"/> so tests can let a window pass.
/// </summary>
/// <remarks>
/// Computed from timestamps when asked rather than replenished by a timer (System.Threading.RateLimiting's
/// limiters replenish on the wall clock). Buckets that have filled up again are the same as no bucket and are
/// dropped when the table grows, so addresses that came once do not accumulate.
/// </remarks>
internal sealed class AddressBuckets(TimeProvider time, Func<(int Burst, int PerMinute)> limits)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>True when the address has no whole token left.</summary>
    public bool IsEmpty(string key) => _buckets.TryGetValue(key, out var bucket) && bucket.Tokens(time, limits()) < 1;

    /// <summary>Takes a token from the address; false (and nothing taken) when it had none.</summary>
    public bool TryTake(string key)
    {
        var l = limits();
        if (_buckets.Count > SweepAbove) Sweep(l);
        return _buckets.GetOrAdd(key, _ => new Bucket(l.Burst, time.GetTimestamp())).TryTake(time, l);
    }

    private void Sweep((int Burst, int PerMinute) l)
    {
        foreach (var (key, bucket) in _buckets)
            if (bucket.Tokens(time, l) >= l.Burst) _buckets.TryRemove(key, out _);
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        private double _tokens = tokens;
        private long _stamp = stamp;

        public double Tokens(TimeProvider time, (int Burst, int PerMinute) l)
        {
            lock (this) return Refill(time, l);
        }

        public bool TryTake(TimeProvider time, (int Burst, int PerMinute) l)
        {
            lock (this)
            {
                if (Refill(time, l) < 1) return false;
                _tokens--;
                return true;
            }
        }

        private double Refill(TimeProvider time, (int Burst, int PerMinute) l)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(l.Burst, _tokens + time.GetElapsedTime(_stamp, now).TotalMinutes * l.PerMinute);
            _stamp = now;
            return _tokens;
        }
    }
}
