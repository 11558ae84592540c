using Npgsql;

namespace CareWatch.Storage;

/// <summary>
/// The one-time step that encrypts device keys stored in plain text before migration 0017, then sets the plain
/// columns to NULL. Idempotent and safe to run on several nodes at once: it only touches rows that still hold a
/// plain key, locks them while it works (others skip them) and commits batch by batch, so a stop midway loses
/// nothing and the next start finishes the job. A plain key wins over a protected one in the same row: only a
/// node of the old version writes plain keys, and what it wrote last (a regenerated key) is the valid one.
/// </summary>
public sealed class PlainDeviceKeyEncryption(NpgsqlDataSource dataSource, IDeviceKeyProtector protector)
{
    private const int BatchSize = 500;

    /// <summary>Encrypts every remaining plain key and returns how many watches it changed.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var done = await RunBatchAsync(ct);
            total += done;
            if (done < BatchSize) return total;
        }
    }

    private async Task<int> RunBatchAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var ids = new List<string>();
        var primaries = new List<string?>();
        var secondaries = new List<string?>();
        await using (var select = new NpgsqlCommand("""
            SELECT device_id, primary_key, secondary_key FROM devices
            WHERE primary_key IS NOT NULL OR secondary_key IS NOT NULL
            ORDER BY device_id LIMIT @n FOR UPDATE SKIP LOCKED
            """, connection, tx))
        {
            select.Parameters.AddWithValue("n", BatchSize);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetString(0));
                primaries.Add(reader.IsDBNull(1) ? null : protector.Protect(reader.GetString(1)));
                secondaries.Add(reader.IsDBNull(2) ? null : protector.Protect(reader.GetString(2)));
            }
        }
        if (ids.Count == 0) return 0;
        await using (var update = new NpgsqlCommand("""
            UPDATE devices d
            SET primary_key_protected = COALESCE(u.pk, d.primary_key_protected),
                secondary_key_protected = COALESCE(u.sk, d.secondary_key_protected),
                primary_key = NULL, secondary_key = NULL
            FROM unnest(@ids, @pks, @sks) AS u(id, pk, sk)
            WHERE d.device_id = u.id
            """, connection, tx))
        {
            update.Parameters.AddWithValue("ids", ids.ToArray());
            update.Parameters.AddWithValue("pks", primaries.ToArray());
            update.Parameters.AddWithValue("sks", secondaries.ToArray());
            await update.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return ids.Count;
    }
}
