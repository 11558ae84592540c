using System.ComponentModel.DataAnnotations;

namespace CareWatch.Monitoring.Notifications;

/// <summary>How the outbox dispatcher delivers. Bound from the "Outbox" configuration section.</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Outbox";

    /// <summary>
    /// How often each channel looks for due rows without a wake-up (rows of other nodes, retries coming due, rows left
    /// by a restart). Wake-ups make this node's own rows go at once, so the poll only bounds the delay of the rest.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a claimed row is this node's. A node that dies mid-send loses it after this, and another node sends it
    /// again with the same idempotency key. Longer than one attempt can take (SMTP and webhook timeouts: 30 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Rows claimed per round and channel (sent in parallel up to <see cref="Parallelism"/>).</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Deliveries in flight per channel. The board push is the latency path (1,000 alerts/min at p99 ≤ 500 ms), and
    /// an SMTP relay or a webhook may take seconds: parallel attempts keep one slow recipient from queueing the rest.
    /// </summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 16;

    /// <summary>Attempts before a row is dead (listed for supervisors, who may retry it).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; each further failure doubles it (with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryFirst { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts (8 attempts from 5 s reach about 10 min in all).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// An endpoint's circuit (the SMTP relay, one webhook) opens when at least this many attempts within
    /// <see cref="BreakerSampling"/> were made and half of them failed; while open, its notifications fail at once
    /// (and come back after their backoff) instead of each waiting out a timeout. Other endpoints are not affected.
    /// </summary>
    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = 6;

    /// <summary>The window in which the breaker counts failures.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BreakerSampling { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit stays open before one trial attempt may pass.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Quick retries inside one attempt (with jitter, 200 ms apart on average), for a dropped connection; failures
    /// that last longer are the outbox's backoff's to handle.
    /// </summary>
    [Range(0, 5)]
    public int QuickRetries { get; set; } = 2;
}
