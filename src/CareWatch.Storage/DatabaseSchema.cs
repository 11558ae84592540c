namespace CareWatch.Storage;

/// <summary>
/// Completes once this node has applied the migrations. Start-up work that needs the schema (encrypting plain device
/// keys, seeding the demo, the escalation sweep and the notification dispatcher) waits for it rather than retrying against tables that do not exist yet, and the node's
/// readiness still comes from the health checks.
/// </summary>
public sealed class DatabaseSchema
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the migrations are applied (never faults: the migration service retries).</summary>
    public Task Migrated => _migrated.Task;

    /// <summary>Called by the migration service once the schema is up to date.</summary>
    public void MarkMigrated() => _migrated.TrySetResult();
}
