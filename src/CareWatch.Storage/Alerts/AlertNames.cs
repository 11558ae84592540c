namespace CareWatch.Storage.Alerts;

/// <summary>
/// Who the people on an alert are, by display name, for the board: who acknowledged it (a person, or an
/// integration by its key's name), who it is assigned to, who resolved it. Null where nobody is, or the account is gone.
/// </summary>
public sealed record AlertNames(string? AcknowledgedBy, string? AssignedTo, string? ResolvedBy)
{
    /// <summary>Nobody named (a fresh alert, or a push made without a lookup).</summary>
    public static AlertNames None { get; } = new(null, null, null);
}

/// <summary>An alert with the names of the people on it.</summary>
public sealed record NamedAlert(AlertRecord Alert, AlertNames Names);
