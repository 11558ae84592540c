using Npgsql;

namespace CareWatch.Storage.Bureaus;

/// <summary>Each bureau's check-in settings in PostgreSQL (the bureaus row).</summary>
public sealed class CheckInSettingsStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "checkin_window_seconds, second_prompt, low_battery_percent";

    /// <summary>The settings of the scope's bureau; null for a senior's scope or an unknown bureau.</summary>
    public async Task<CheckInSettings?> FindAsync(TenantScope scope, CancellationToken ct = default)
    {
        if (scope.BureauId is not { } bureauId) return null;
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM bureaus WHERE id = @bureau");
        cmd.Parameters.AddWithValue("bureau", bureauId);
        return await ReadOneAsync(cmd, ct);
    }

    /// <summary>Replaces the settings of the scope's bureau; false for a senior's scope or an unknown bureau.</summary>
    public async Task<bool> UpdateAsync(TenantScope scope, CheckInSettings settings, CancellationToken ct = default)
    {
        if (scope.BureauId is not { } bureauId) return false;
        if (settings.Invalid() is { } invalid) throw new ArgumentException(invalid.Reason, invalid.Field);
        await using var cmd = dataSource.CreateCommand("""
            UPDATE bureaus SET checkin_window_seconds = @window, second_prompt = @second, low_battery_percent = @battery
            WHERE id = @bureau
            """);
        cmd.Parameters.AddWithValue("bureau", bureauId);
        cmd.Parameters.AddWithValue("window", settings.WindowSeconds);
        cmd.Parameters.AddWithValue("second", settings.SecondPrompt);
        cmd.Parameters.AddWithValue("battery", (short)settings.LowBatteryPercent);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>The settings of the senior's bureau, for the senior's monitor (system use); null for no such senior.</summary>
    public async Task<CheckInSettings?> ForSeniorForSystemAsync(Guid seniorId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {Columns} FROM bureaus b JOIN seniors s ON s.bureau_id = b.id WHERE s.id = @senior
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        return await ReadOneAsync(cmd, ct);
    }

    /// <summary>Reads the three columns at <paramref name="first"/> of a reader (other queries join them).</summary>
    public static CheckInSettings Read(NpgsqlDataReader r, int first) =>
        new(r.GetInt32(first), r.GetBoolean(first + 1), r.GetInt16(first + 2));

    private static async Task<CheckInSettings?> ReadOneAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r, 0) : null;
    }
}
