using CareWatch.Storage;

namespace CareWatch.Monitoring.Lifecycle;

/// <summary>How a staff command on an alert ended.</summary>
public enum StaffActionStatus
{
    /// <summary>Applied: the alert is the new row.</summary>
    Applied,
    /// <summary>No such alert in the caller's scope (never told apart from "someone else's").</summary>
    NotFound,
    /// <summary>
    /// The alert changed since the caller read it, or its state does not allow the command: the alert is the current
    /// row.
    /// </summary>
    Conflict,
    /// <summary>The command itself is wrong (an unknown outcome, a user of another bureau): see field and reason.</summary>
    Invalid,
}

/// <summary>The result of a staff command, with the alert as it is now (null when not found or invalid).</summary>
/// <param name="Field">For <see cref="StaffActionStatus.Invalid"/>: the field at fault.</param>
/// <param name="Reason">For <see cref="StaffActionStatus.Invalid"/>: why; for a conflict: stale or wrong state.</param>
public sealed record StaffActionResult(StaffActionStatus Status, AlertRecord? Alert, string? Field = null,
    string? Reason = null)
{
    /// <summary>Not found (or not the caller's).</summary>
    public static StaffActionResult NotFound { get; } = new(StaffActionStatus.NotFound, null);

    /// <summary>The command is wrong.</summary>
    public static StaffActionResult Invalid(string field, string reason) =>
        new(StaffActionStatus.Invalid, null, field, reason);
}
