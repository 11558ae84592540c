using Npgsql;

namespace CareWatch.Storage.Accounts;

/// <summary>Accounts in PostgreSQL (table <c>users</c>, migration 0015).</summary>
public sealed class AccountStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, user_name, normalized_user_name, display_name, email, normalized_email, role, bureau_id, senior_id,
        password_hash, security_stamp, concurrency_stamp, lockout_enabled, lockout_end, access_failed_count,
        culture, time_zone, created_at
        """;

    /// <summary>Inserts a new account; false when its user name is taken.</summary>
    public async Task<bool> CreateAsync(UserAccount account, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            INSERT INTO users ({Columns})
            VALUES (@id, @user_name, @normalized_user_name, @display_name, @email, @normalized_email, @role, @bureau_id,
                    @senior_id, @password_hash, @security_stamp, @concurrency_stamp, @lockout_enabled, @lockout_end,
                    @access_failed_count, @culture, @time_zone, @created_at)
            ON CONFLICT (normalized_user_name) DO NOTHING
            """);
        AddValues(cmd, account);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// Saves the account if nobody changed it since it was read (its concurrency stamp), giving it a new stamp;
    /// false when it was changed meanwhile or is gone.
    /// </summary>
    public async Task<bool> UpdateAsync(UserAccount account, CancellationToken ct = default)
    {
        var newStamp = Guid.NewGuid().ToString("N");
        await using var cmd = dataSource.CreateCommand("""
            UPDATE users SET user_name = @user_name, normalized_user_name = @normalized_user_name,
                   display_name = @display_name, email = @email, normalized_email = @normalized_email, role = @role,
                   bureau_id = @bureau_id, senior_id = @senior_id, password_hash = @password_hash,
                   security_stamp = @security_stamp, concurrency_stamp = @new_stamp, lockout_enabled = @lockout_enabled,
                   lockout_end = @lockout_end, access_failed_count = @access_failed_count, culture = @culture,
                   time_zone = @time_zone
            WHERE id = @id AND concurrency_stamp = @concurrency_stamp
            """);
        AddValues(cmd, account);
        cmd.Parameters.AddWithValue("new_stamp", newStamp);
        if (await cmd.ExecuteNonQueryAsync(ct) != 1) return false;
        account.ConcurrencyStamp = newStamp;
        return true;
    }

    /// <summary>Deletes an account; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM users WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>The account with this id, or null.</summary>
    public Task<UserAccount?> FindByIdAsync(Guid id, CancellationToken ct = default) => FindOneAsync("id", id, ct);

    /// <summary>The account with this normalised user name, or null.</summary>
    public Task<UserAccount?> FindByNameAsync(string normalizedUserName, CancellationToken ct = default) =>
        FindOneAsync("normalized_user_name", normalizedUserName, ct);

    private async Task<UserAccount?> FindOneAsync<T>(string column, T value, CancellationToken ct) where T : notnull
    {
        // The column name comes from the two callers above, never from input.
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM users WHERE {column} = @value ORDER BY id LIMIT 1");
        cmd.Parameters.AddWithValue("value", value);
        var list = await ReadAsync(cmd, ct);
        return list.Count == 0 ? null : list[0];
    }

    private static void AddValues(NpgsqlCommand cmd, UserAccount a)
    {
        cmd.Parameters.AddWithValue("id", a.Id);
        cmd.Parameters.AddWithValue("user_name", a.UserName);
        cmd.Parameters.AddWithValue("normalized_user_name", a.NormalizedUserName);
        cmd.Parameters.AddWithValue("display_name", a.DisplayName);
        cmd.Parameters.AddWithValue("email", (object?)a.Email ?? DBNull.Value);
        cmd.Parameters.AddWithValue("normalized_email", (object?)a.NormalizedEmail ?? DBNull.Value);
        cmd.Parameters.AddWithValue("role", a.Role);
        cmd.Parameters.Add(new NpgsqlParameter("bureau_id", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)a.BureauId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("senior_id", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)a.SeniorId ?? DBNull.Value });
        cmd.Parameters.AddWithValue("password_hash", (object?)a.PasswordHash ?? DBNull.Value);
        cmd.Parameters.AddWithValue("security_stamp", a.SecurityStamp);
        cmd.Parameters.AddWithValue("concurrency_stamp", a.ConcurrencyStamp);
        cmd.Parameters.AddWithValue("lockout_enabled", a.LockoutEnabled);
        cmd.Parameters.Add(new NpgsqlParameter("lockout_end", NpgsqlTypes.NpgsqlDbType.TimestampTz)
            { Value = a.LockoutEnd is { } end ? end.UtcDateTime : DBNull.Value });
        cmd.Parameters.AddWithValue("access_failed_count", a.AccessFailedCount);
        cmd.Parameters.AddWithValue("culture", (object?)a.Culture ?? DBNull.Value);
        cmd.Parameters.AddWithValue("time_zone", (object?)a.TimeZone ?? DBNull.Value);
        cmd.Parameters.AddWithValue("created_at", DateTime.SpecifyKind(a.CreatedAt, DateTimeKind.Utc));
    }

    private static async Task<List<UserAccount>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<UserAccount>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new UserAccount
            {
                Id = r.GetGuid(0), UserName = r.GetString(1), NormalizedUserName = r.GetString(2), DisplayName = r.GetString(3),
                Email = r.IsDBNull(4) ? null : r.GetString(4), NormalizedEmail = r.IsDBNull(5) ? null : r.GetString(5),
                Role = r.GetString(6), BureauId = r.IsDBNull(7) ? null : r.GetGuid(7), SeniorId = r.IsDBNull(8) ? null : r.GetGuid(8),
                PasswordHash = r.IsDBNull(9) ? null : r.GetString(9), SecurityStamp = r.GetString(10),
                ConcurrencyStamp = r.GetString(11), LockoutEnabled = r.GetBoolean(12),
                LockoutEnd = r.IsDBNull(13) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(13), DateTimeKind.Utc)),
                AccessFailedCount = r.GetInt32(14), Culture = r.IsDBNull(15) ? null : r.GetString(15),
                TimeZone = r.IsDBNull(16) ? null : r.GetString(16), CreatedAt = r.GetDateTime(17),
            });
        }
        return list;
    }
}
