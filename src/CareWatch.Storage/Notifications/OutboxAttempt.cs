namespace CareWatch.Storage.Notifications;

/// <summary>One recorded delivery attempt (notification_attempts).</summary>
public sealed record OutboxAttempt(long OutboxId, DateTime At, string Outcome, string? Reason);
