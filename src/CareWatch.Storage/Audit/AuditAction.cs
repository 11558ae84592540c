namespace CareWatch.Storage.Audit;

/// <summary>
/// What an audit entry records, as stored in <c>audit_log.action</c> (lower-case words joined by dots). The values
/// are the fields of <see cref="AuditActions"/>, so SQL and C# never spell an action twice.
/// </summary>
public readonly record struct AuditAction
{
    internal AuditAction(string name) => Name = name;

    /// <summary>The stored text, e.g. <c>device.created</c>.</summary>
    public string Name { get; }

    /// <summary>The action stored as <paramref name="name"/>; throws for a name no field of <see cref="AuditActions"/> has.</summary>
    public static AuditAction Parse(string name) => AuditActions.All.TryGetValue(name, out var action)
        ? action
        : name.StartsWith(AuditActions.AlertPrefix, StringComparison.Ordinal)
            ? AuditActions.Alert(name[AuditActions.AlertPrefix.Length..])
            : throw new FormatException($"Unknown audit action '{name}'.");

    /// <inheritdoc />
    public override string ToString() => Name;
}
