using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage.Accounts;

/// <summary>A person's own notification preferences, read and written by their account id.</summary>
public sealed class NotificationPreferencesStore(NpgsqlDataSource dataSource)
{
    /// <summary>The person's preferences, or null when the account is gone.</summary>
    public async Task<NotificationPreferences?> FindAsync(Guid userId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT notify_channels, quiet_from, quiet_until FROM users WHERE id = @id");
        cmd.Parameters.AddWithValue("id", userId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new NotificationPreferences(r.GetFieldValue<string[]>(0),
            r.IsDBNull(1) ? null : r.GetFieldValue<TimeOnly>(1), r.IsDBNull(2) ? null : r.GetFieldValue<TimeOnly>(2));
    }

    /// <summary>Replaces them (already validated); false when the account is gone.</summary>
    public async Task<bool> UpdateAsync(Guid userId, NotificationPreferences preferences, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "UPDATE users SET notify_channels = @channels, quiet_from = @from, quiet_until = @until WHERE id = @id");
        cmd.Parameters.AddWithValue("id", userId);
        cmd.Parameters.AddWithValue("channels", preferences.Channels.ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Time) { Value = (object?)preferences.QuietFrom ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.Time) { Value = (object?)preferences.QuietUntil ?? DBNull.Value });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }
}
