using Npgsql;

namespace CareWatch.Storage;

/// <summary>Per-partition read positions of the Azure IoT Hub ingestion, in PostgreSQL.</summary>
public sealed class HubCheckpointStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>The sequence number of the last stored event of a partition, or null when none was stored yet.</summary>
    public async Task<long?> GetAsync(string consumerGroup, string partitionId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT sequence_number FROM hub_checkpoints WHERE consumer_group = @g AND partition_id = @p");
        cmd.Parameters.AddWithValue("g", consumerGroup);
        cmd.Parameters.AddWithValue("p", partitionId);
        return await cmd.ExecuteScalarAsync(ct) is long n ? n : null;
    }

    /// <summary>Moves a partition's checkpoint forward (never back).</summary>
    public async Task SetAsync(string consumerGroup, string partitionId, long sequenceNumber, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO hub_checkpoints (consumer_group, partition_id, sequence_number, updated_at) VALUES (@g, @p, @n, @now)
            ON CONFLICT (consumer_group, partition_id) DO UPDATE
            SET sequence_number = GREATEST(hub_checkpoints.sequence_number, EXCLUDED.sequence_number), updated_at = EXCLUDED.updated_at
            """);
        cmd.Parameters.AddWithValue("g", consumerGroup);
        cmd.Parameters.AddWithValue("p", partitionId);
        cmd.Parameters.AddWithValue("n", sequenceNumber);
        cmd.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
