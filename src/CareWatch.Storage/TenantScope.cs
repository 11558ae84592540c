using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage;

/// <summary>
/// Whose data a query may see: one bureau (its staff, supervisors and integrations) or one senior (a relative).
/// Every query of tenant-owned data takes a scope as its first, required argument, so a query that forgets the
/// tenant does not compile. There is deliberately no "everything" scope: background jobs that work across bureaus
/// (the monitors, the sweeps, retention) use their own queries, which no API reaches.
/// </summary>
public sealed class TenantScope
{
    private TenantScope(Guid? bureauId, Guid? seniorId)
    {
        BureauId = bureauId;
        SeniorId = seniorId;
    }

    /// <summary>The bureau whose data is visible, or null for a relative's scope.</summary>
    public Guid? BureauId { get; }

    /// <summary>The one senior whose data is visible, or null for a bureau's scope.</summary>
    public Guid? SeniorId { get; }

    /// <summary>Everything of one bureau.</summary>
    public static TenantScope Bureau(Guid bureauId) =>
        bureauId == Guid.Empty ? throw new ArgumentException("A bureau id is required.", nameof(bureauId)) : new(bureauId, null);

    /// <summary>Only what concerns one senior (a relative's view).</summary>
    public static TenantScope Senior(Guid seniorId) =>
        seniorId == Guid.Empty ? throw new ArgumentException("A senior id is required.", nameof(seniorId)) : new(null, seniorId);

    /// <summary>
    /// The SQL condition that keeps a row of the senior aliased <paramref name="seniorAlias"/> (a row of
    /// <c>seniors</c>) inside the scope; pair it with <see cref="AddParameters"/>. Exactly one of the two parameters
    /// is set, and a comparison with NULL is never true, so the other side of the OR matches nothing.
    /// </summary>
    public static string SeniorCondition(string seniorAlias) =>
        $"({seniorAlias}.bureau_id = @scope_bureau OR {seniorAlias}.id = @scope_senior)";

    /// <summary>
    /// The SQL condition that keeps a row of a watch aliased <paramref name="deviceAlias"/> (a row of <c>devices</c>)
    /// inside the scope: a bureau's watches, worn or not, or the watch a relative's senior wears. Pair it with
    /// <see cref="AddParameters"/>.
    /// </summary>
    public static string DeviceCondition(string deviceAlias) =>
        $"({deviceAlias}.bureau_id = @scope_bureau OR {deviceAlias}.senior_id = @scope_senior)";

    /// <summary>Adds <c>@scope_bureau</c> and <c>@scope_senior</c> to a command.</summary>
    public void AddParameters(NpgsqlCommand cmd)
    {
        cmd.Parameters.Add(new NpgsqlParameter("scope_bureau", NpgsqlDbType.Uuid) { Value = (object?)BureauId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("scope_senior", NpgsqlDbType.Uuid) { Value = (object?)SeniorId ?? DBNull.Value });
    }

    /// <inheritdoc />
    public override string ToString() => BureauId is { } b ? $"bureau:{b}" : $"senior:{SeniorId}";
}
