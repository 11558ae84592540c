namespace CareWatch.Storage.Audit;

/// <summary>An entry to append to the audit log.</summary>
/// <param name="BureauId">The bureau whose log it belongs to (null for platform-wide acts: an admin's, a job's).</param>
/// <param name="Subject">What was acted on: a device id, a senior id, an account id, a consent id.</param>
/// <param name="SeniorId">The senior the act concerns, if any; erasure pseudonymises the entries by it.</param>
/// <param name="DetailsJson">
/// A JSON object of ids and non-personal facts. Never names, keys, tokens or connection strings: the log is
/// kept for years and read by supervisors.
/// </param>
public sealed record AuditEntry(
    AuditActor Actor, AuditAction Action, Guid? BureauId, string? Subject, Guid? SeniorId = null, string DetailsJson = "{}");

/// <summary>A stored audit entry.</summary>
public sealed record AuditRecord(
    long Id, DateTime At, AuditActor Actor, string Action, Guid? BureauId, string? Subject, string DetailsJson);

/// <summary>Which entries to read, newest first.</summary>
/// <param name="BeforeId">Keyset paging: entries older than this id (the last id of the previous page).</param>
/// <param name="Limit">Page size, 1 to 500.</param>
/// <param name="Action">Only this action (its stored name).</param>
/// <param name="Subject">Only entries about this subject.</param>
/// <param name="From">Only entries at or after this moment.</param>
/// <param name="To">Only entries before this moment.</param>
public sealed record AuditQuery(
    long? BeforeId = null, int Limit = 100, string? Action = null, string? Subject = null, DateTime? From = null, DateTime? To = null)
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;
}
