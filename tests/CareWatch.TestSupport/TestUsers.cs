using Npgsql;

namespace CareWatch.TestSupport;

/// <summary>Accounts arranged straight in the users table, for tests that need staff without Identity.</summary>
public static class TestUsers
{
    /// <summary>Adds a staff member or supervisor of <paramref name="bureauId"/>; returns the id.</summary>
    /// <param name="email">Their address (null: they are reached on the board only).</param>
    /// <param name="channels">notify_channels (null: the table's default, board and e-mail).</param>
    public static async Task<Guid> AddAsync(NpgsqlDataSource db, Guid bureauId, string role, string? email = null,
        string[]? channels = null, TimeOnly? quietFrom = null, TimeOnly? quietUntil = null)
    {
        var id = Guid.NewGuid();
        var name = $"{role}-{id:N}";
        await using var cmd = db.CreateCommand("""
            INSERT INTO users (id, user_name, normalized_user_name, display_name, email, role, bureau_id, security_stamp,
                               concurrency_stamp, created_at, notify_channels, quiet_from, quiet_until)
            VALUES (@id, @name, upper(@name), @name, @email, @role, @bureau, 'stamp', 'stamp', now(),
                    coalesce(@channels, '{signalr,email}'), @quiet_from, @quiet_until)
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("name", name);
        cmd.Parameters.Add(new NpgsqlParameter("email", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)email ?? DBNull.Value });
        cmd.Parameters.AddWithValue("role", role);
        cmd.Parameters.AddWithValue("bureau", bureauId);
        cmd.Parameters.Add(new NpgsqlParameter("channels", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
            { Value = (object?)channels ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("quiet_from", NpgsqlTypes.NpgsqlDbType.Time) { Value = (object?)quietFrom ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("quiet_until", NpgsqlTypes.NpgsqlDbType.Time) { Value = (object?)quietUntil ?? DBNull.Value });
        await cmd.ExecuteNonQueryAsync();
        return id;
    }
}
