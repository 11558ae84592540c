using Npgsql;

namespace CareWatch.Storage.Escalation;

/// <summary>One shift of the rota: a staff member (or supervisor) on duty from <see cref="StartsAt"/> until <see cref="EndsAt"/>.</summary>
public sealed record StaffShift(long Id, Guid UserId, string UserName, DateTime StartsAt, DateTime EndsAt);

/// <summary>How adding a shift ended.</summary>
public enum ShiftAddStatus
{
    /// <summary>Stored.</summary>
    Added,
    /// <summary>The user is not staff or a supervisor of the scope's bureau.</summary>
    NotBureauStaff,
}

/// <summary>The rota (staff_shifts): who is on duty when. Nobody on duty means every staff member is called.</summary>
public sealed class ShiftStore(NpgsqlDataSource dataSource)
{
    /// <summary>The bureau's shifts that end after <paramref name="from"/>, by start.</summary>
    public async Task<IReadOnlyList<StaffShift>> ListAsync(TenantScope scope, DateTime from, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT sh.id, sh.user_id, u.display_name, sh.starts_at, sh.ends_at
            FROM staff_shifts sh JOIN users u ON u.id = sh.user_id
            WHERE sh.bureau_id = @bureau AND sh.ends_at > @from ORDER BY sh.starts_at, sh.id
            """);
        cmd.Parameters.AddWithValue("bureau", BureauOf(scope));
        cmd.Parameters.AddWithValue("from", from);
        var list = new List<StaffShift>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new StaffShift(r.GetInt64(0), r.GetGuid(1), r.GetString(2), Utc(r.GetDateTime(3)), Utc(r.GetDateTime(4))));
        return list;
    }

    /// <summary>Adds a shift for a staff member or supervisor of the bureau.</summary>
    public async Task<(ShiftAddStatus Status, StaffShift? Shift)> AddAsync(TenantScope scope, Guid userId, DateTime startsAt,
        DateTime endsAt, CancellationToken ct = default)
    {
        if (endsAt <= startsAt) throw new ArgumentException("A shift ends after it starts.", nameof(endsAt));
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO staff_shifts (bureau_id, user_id, starts_at, ends_at)
            SELECT @bureau, u.id, @starts, @ends FROM users u
            WHERE u.id = @user AND u.bureau_id = @bureau AND u.role IN ('staff', 'supervisor')
            RETURNING id, (SELECT display_name FROM users WHERE id = @user)
            """);
        cmd.Parameters.AddWithValue("bureau", BureauOf(scope));
        cmd.Parameters.AddWithValue("user", userId);
        cmd.Parameters.AddWithValue("starts", startsAt);
        cmd.Parameters.AddWithValue("ends", endsAt);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return (ShiftAddStatus.NotBureauStaff, null);
        return (ShiftAddStatus.Added, new StaffShift(r.GetInt64(0), userId, r.GetString(1), startsAt, endsAt));
    }

    /// <summary>Deletes a shift of the bureau; false when it has none by that id.</summary>
    public async Task<bool> DeleteAsync(TenantScope scope, long shiftId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM staff_shifts WHERE id = @id AND bureau_id = @bureau");
        cmd.Parameters.AddWithValue("bureau", BureauOf(scope));
        cmd.Parameters.AddWithValue("id", shiftId);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    private static Guid BureauOf(TenantScope scope) =>
        scope.BureauId ?? throw new ArgumentException("The rota belongs to a bureau scope.", nameof(scope));
}
