using Npgsql;

namespace CareWatch.Storage.Bureaus;

/// <summary>A staff member or supervisor of a bureau, as a colleague picking an assignee sees them.</summary>
/// <param name="Role">staff or supervisor (users.role).</param>
/// <param name="OnDuty">On a shift of the rota at the time asked about.</param>
public sealed record BureauPerson(Guid Id, string Name, string Role, bool OnDuty);

/// <summary>The people of a bureau who handle alerts (staff and supervisors), with who is on duty.</summary>
public sealed class BureauPeople(NpgsqlDataSource dataSource)
{
    /// <summary>The bureau's staff and supervisors, on duty at <paramref name="at"/> first, then by name.</summary>
    public async Task<IReadOnlyList<BureauPerson>> ListAsync(TenantScope scope, DateTime at,
        CancellationToken ct = default)
    {
        if (scope.BureauId is null)
            throw new ArgumentException("A bureau's people need a bureau scope.", nameof(scope));
        await using var cmd = dataSource.CreateCommand("""
            SELECT u.id, u.display_name, u.role,
                   EXISTS (SELECT 1 FROM staff_shifts sh WHERE sh.user_id = u.id AND sh.bureau_id = u.bureau_id
                                                          AND sh.starts_at <= @at AND sh.ends_at > @at) AS on_duty
            FROM users u
            WHERE u.bureau_id = @scope_bureau AND u.role IN ('staff', 'supervisor')
            ORDER BY on_duty DESC, u.display_name, u.id
            """);
        cmd.Parameters.AddWithValue("at", at);
        scope.AddParameters(cmd);
        var list = new List<BureauPerson>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new BureauPerson(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetBoolean(3)));
        return list;
    }
}
