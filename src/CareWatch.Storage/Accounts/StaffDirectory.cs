using Npgsql;

namespace CareWatch.Storage.Accounts;

/// <summary>A staff member or supervisor as the bureau's administration lists them.</summary>
/// <param name="DisabledAt">When a supervisor switched the account off (UTC); null while it may sign in.</param>
/// <param name="OnDutyNow">On a shift of the rota at the moment of the query.</param>
public sealed record StaffMember(Guid Id, string UserName, string DisplayName, string Role, DateTime? DisabledAt,
    bool OnDutyNow);

/// <summary>
/// The people of a bureau (staff and supervisors; relatives and admins are not its staff), and switching an account
/// off and on. Accounts are created through Identity's UserManager, which hashes the password.
/// </summary>
public sealed class StaffDirectory(NpgsqlDataSource dataSource)
{
    // A lockout that does not end: Identity refuses a locked-out account's sign-in before it checks the password.
    private static readonly DateTime Forever = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The bureau's staff and supervisors by name, and who is on duty at <paramref name="at"/>.</summary>
    public async Task<IReadOnlyList<StaffMember>> ListAsync(TenantScope scope, DateTime at, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT u.id, u.user_name, u.display_name, u.role, u.disabled_at,
                   EXISTS (SELECT 1 FROM staff_shifts sh WHERE sh.user_id = u.id AND sh.bureau_id = u.bureau_id
                           AND sh.starts_at <= @at AND sh.ends_at > @at)
            FROM users u WHERE u.bureau_id = @bureau AND u.role IN ('staff', 'supervisor')
            ORDER BY u.display_name, u.id
            """);
        cmd.Parameters.AddWithValue("bureau", BureauOf(scope));
        cmd.Parameters.AddWithValue("at", at);
        var list = new List<StaffMember>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new StaffMember(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3),
                r.IsDBNull(4) ? null : DateTime.SpecifyKind(r.GetDateTime(4), DateTimeKind.Utc), r.GetBoolean(5)));
        }
        return list;
    }

    /// <summary>
    /// Switches a staff member's or supervisor's account of the bureau off (at <paramref name="at"/>) or on again.
    /// Off also renews the security stamp, so the person's open sessions end at their next validation. False when
    /// the bureau has no such account.
    /// </summary>
    public async Task<bool> SetDisabledAsync(TenantScope scope, Guid userId, bool disabled, DateTime at,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE users SET disabled_at = CASE WHEN @disabled THEN coalesce(disabled_at, @at) END,
                   lockout_enabled = true, lockout_end = CASE WHEN @disabled THEN @forever END, access_failed_count = 0,
                   security_stamp = CASE WHEN @disabled THEN @stamp ELSE security_stamp END, concurrency_stamp = @stamp
            WHERE id = @id AND bureau_id = @bureau AND role IN ('staff', 'supervisor')
            """);
        cmd.Parameters.AddWithValue("bureau", BureauOf(scope));
        cmd.Parameters.AddWithValue("id", userId);
        cmd.Parameters.AddWithValue("disabled", disabled);
        cmd.Parameters.AddWithValue("at", at);
        cmd.Parameters.AddWithValue("forever", Forever);
        cmd.Parameters.AddWithValue("stamp", Guid.NewGuid().ToString("N"));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private static Guid BureauOf(TenantScope scope) =>
        scope.BureauId ?? throw new ArgumentException("Staff belong to a bureau scope.", nameof(scope));
}
