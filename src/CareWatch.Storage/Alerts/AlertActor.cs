namespace CareWatch.Storage.Alerts;

/// <summary>Who caused an alert event (alert_events.actor_kind / actor_id).</summary>
/// <param name="Kind">system, user, api-key, senior or relative.</param>
/// <param name="Id">The user id, API key id, contact id or job name; null for the senior.</param>
public sealed record AlertActor(string Kind, string? Id)
{
    /// <summary>A part of CareWatch itself (the monitor, the escalation sweep…).</summary>
    public static AlertActor System(string job) => new("system", job);

    /// <summary>A signed-in person.</summary>
    public static AlertActor User(Guid userId) => new("user", userId.ToString());

    /// <summary>A bureau's integration.</summary>
    public static AlertActor ApiKey(string keyId) => new("api-key", keyId);

    /// <summary>The senior, on the watch.</summary>
    public static AlertActor Senior { get; } = new("senior", null);

    /// <summary>A contact of the senior (from a signed link, or their account).</summary>
    public static AlertActor Relative(Guid contactId) => new("relative", contactId.ToString());

    /// <summary>The user id when the actor is a person signed in, for columns such as acknowledged_by.</summary>
    public Guid? UserId => Kind == "user" && Guid.TryParse(Id, out var id) ? id : null;
}
