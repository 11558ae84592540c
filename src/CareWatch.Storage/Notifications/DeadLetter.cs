namespace CareWatch.Storage.Notifications;

/// <summary>A notification that gave up (status dead), as a bureau's supervisors see it.</summary>
/// <param name="LastError">The last attempt's reason (no personal data).</param>
public sealed record DeadLetter(
    long Id, long? AlertId, Guid? SeniorId, string Channel, string Recipient, string Kind, bool Urgent, int Attempts,
    string? LastError, DateTime CreatedAt);
