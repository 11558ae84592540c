namespace CareWatch.Storage.Notifications;

/// <summary>How an attempt ended (notification_attempts.outcome).</summary>
public enum DeliveryStatus
{
    /// <summary>Handed over to a system that does not confirm receipt (an SMTP relay, a SignalR group).</summary>
    Sent,

    /// <summary>The receiver confirmed it (a webhook's 2xx).</summary>
    Delivered,

    /// <summary>It did not arrive; <see cref="DeliveryOutcome.Permanent"/> says whether trying again can help.</summary>
    Failed,
}

/// <summary>What a channel reports for one attempt.</summary>
/// <param name="Reason">Why it failed, for the attempt's record and the dead letter: no addresses, no personal data.</param>
/// <param name="Permanent">A failure that a retry cannot mend (a webhook's 4xx, no address): dead at once.</param>
public sealed record DeliveryOutcome(DeliveryStatus Status, string? Reason = null, bool Permanent = false)
{
    /// <summary>Handed over.</summary>
    public static readonly DeliveryOutcome Sent = new(DeliveryStatus.Sent);

    /// <summary>Confirmed by the receiver.</summary>
    public static readonly DeliveryOutcome Delivered = new(DeliveryStatus.Delivered);

    /// <summary>Failed; retried later (backoff) until the attempts run out.</summary>
    public static DeliveryOutcome Retry(string reason) => new(DeliveryStatus.Failed, reason);

    /// <summary>Failed for good: the row goes dead at once (an admin may still retry it).</summary>
    public static DeliveryOutcome Dead(string reason) => new(DeliveryStatus.Failed, reason, Permanent: true);

    /// <summary>The stored word (notification_attempts.outcome).</summary>
    public string StoredOutcome => Status switch
    {
        DeliveryStatus.Sent => "sent",
        DeliveryStatus.Delivered => "delivered",
        _ => "failed",
    };
}
