namespace CareWatch.Monitoring.Notifications;

/// <summary>
/// When a failed notification is tried again: exponential backoff with jitter. The jitter spreads the retries of a
/// burst that failed together (an SMTP relay that was down for all of them), so they do not all return at once.
/// </summary>
public static class RetryBackoff
{
    /// <summary>
    /// The wait after attempt <paramref name="attempts"/> failed: first × 2^(attempts − 1), at most max, then a random
    /// share between 50 % and 100 % of it ("equal jitter": never zero, so a failing receiver is never hammered).
    /// </summary>
    /// <param name="random">A value in [0, 1).</param>
    public static TimeSpan Delay(int attempts, TimeSpan first, TimeSpan max, double random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var full = Math.Min(first.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full * (0.5 + 0.5 * Math.Clamp(random, 0, 1)));
    }

    /// <summary>When the row is tried again, or null when it is dead (permanent failure, or attempts used up).</summary>
    public static DateTime? RetryAt(int attempts, bool permanent, DateTime now, OutboxOptions options, double random) =>
        permanent || attempts >= options.MaxAttempts
            ? null
            : now + Delay(attempts, options.RetryFirst, options.RetryMax, random);
}
