using CareWatch.Storage;
using Npgsql;

namespace CareWatch.Monitoring.Lifecycle;

/// <summary>
/// Records a staff command that was applied (the audit entry), inside the transaction of the change: the act and
/// its record commit together or not at all, so no alert changes without an audit row saying who changed it.
/// </summary>
/// <param name="transaction">The change's open transaction.</param>
/// <param name="alert">The alert after the change.</param>
public delegate Task StaffActionRecorder(NpgsqlTransaction transaction, AlertRecord alert, CancellationToken ct);
