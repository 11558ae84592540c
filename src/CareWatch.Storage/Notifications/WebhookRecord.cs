namespace CareWatch.Storage.Notifications;

/// <summary>A bureau's webhook as listed (never its secret).</summary>
public sealed record WebhookRecord(Guid Id, Guid BureauId, string Name, string Url, bool Enabled, DateTime CreatedAt);

/// <summary>A webhook as the dispatcher needs it: where to post, and the secret to sign with (plain, in memory only).</summary>
public sealed record WebhookTarget(Guid Id, Guid BureauId, Uri Url, string Secret, bool Enabled);
