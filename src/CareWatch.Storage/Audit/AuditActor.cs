namespace CareWatch.Storage.Audit;

/// <summary>Who acted, as stored in <c>audit_log.actor_kind</c>.</summary>
public enum AuditActorKind
{
    /// <summary>A person's account (<c>user</c>).</summary>
    User,
    /// <summary>A bureau's integration, by its API key's id (<c>api-key</c>).</summary>
    ApiKey,
    /// <summary>CareWatch itself: a background job (<c>system</c>).</summary>
    System,
}

/// <summary>Who acted: kind, a stable id (account id, API key id, job name) and a display for readers.</summary>
/// <param name="Display">
/// What a supervisor reading the log sees: a staff member's user name, an API key's name. Null where the actor
/// is a private person (a relative), so that the log itself never names them; the id is enough to follow up.
/// </param>
public sealed record AuditActor(AuditActorKind Kind, string? Id, string? Display)
{
    /// <summary>A background job of CareWatch, by name (e.g. <c>retention</c>).</summary>
    public static AuditActor System(string job) => new(AuditActorKind.System, job, job);

    /// <summary>The stored text of <see cref="Kind"/>.</summary>
    public string KindName => KindToText(Kind);

    /// <summary>The stored text of a kind.</summary>
    public static string KindToText(AuditActorKind kind) => kind switch
    {
        AuditActorKind.User => "user",
        AuditActorKind.ApiKey => "api-key",
        AuditActorKind.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kind stored as <paramref name="text"/>.</summary>
    public static AuditActorKind KindFromText(string text) => text switch
    {
        "user" => AuditActorKind.User,
        "api-key" => AuditActorKind.ApiKey,
        "system" => AuditActorKind.System,
        _ => throw new FormatException($"Unknown audit actor kind '{text}'."),
    };
}
