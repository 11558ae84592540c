using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage;

/// <summary>A stored model version and its figures (without the model bytes).</summary>
public sealed record DetectionModelInfo(
    int Version, DateTime CreatedAt, string Status, int TrainedPeople, double TrainedDays, double TrainingSeconds,
    string EvaluationJson, DateTime? PromotedAt);

/// <summary>A stored model with everything needed to load it.</summary>
public sealed record StoredDetectionModel(DetectionModelInfo Info, byte[] Model, double[] PopulationProfile, double[] PopulationStill);

/// <summary>What a new model version consists of.</summary>
public sealed record NewDetectionModel(
    int TrainedPeople, double TrainedDays, double TrainingSeconds, string EvaluationJson,
    double[] PopulationProfile, double[] PopulationStill, byte[] Model);

/// <summary>Model versions in PostgreSQL.</summary>
public sealed class DetectionModelStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string InfoColumns = "version, created_at, status, trained_people, trained_days, training_seconds, evaluation::text, promoted_at";

    /// <summary>Stores a model as promoted (retiring the one in service) or rejected, in one transaction.</summary>
    public async Task<int> AddAsync(NewDetectionModel model, bool promote, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (promote)
        {
            await using var retire = new NpgsqlCommand("UPDATE detection_models SET status = 'retired' WHERE status = 'promoted'", connection, tx);
            await retire.ExecuteNonQueryAsync(ct);
        }
        await using var insert = new NpgsqlCommand("""
            INSERT INTO detection_models (created_at, status, trained_people, trained_days, training_seconds, evaluation,
                population_profile, population_still, model, promoted_at)
            VALUES (@now, @status, @people, @days, @seconds, @evaluation, @profile, @still, @model, @promoted)
            RETURNING version
            """, connection, tx);
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("status", promote ? "promoted" : "rejected");
        insert.Parameters.AddWithValue("people", model.TrainedPeople);
        insert.Parameters.AddWithValue("days", model.TrainedDays);
        insert.Parameters.AddWithValue("seconds", model.TrainingSeconds);
        insert.Parameters.AddWithValue("evaluation", NpgsqlDbType.Jsonb, model.EvaluationJson);
        insert.Parameters.AddWithValue("profile", model.PopulationProfile);
        insert.Parameters.AddWithValue("still", model.PopulationStill);
        insert.Parameters.AddWithValue("model", model.Model);
        insert.Parameters.AddWithValue("promoted", promote ? now : DBNull.Value);
        var version = (int)(await insert.ExecuteScalarAsync(ct))!;
        await tx.CommitAsync(ct);
        return version;
    }

    /// <summary>The version in service, or null when none was ever promoted (a cheap check before loading it).</summary>
    public async Task<int?> PromotedVersionAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT version FROM detection_models WHERE status = 'promoted'");
        return await cmd.ExecuteScalarAsync(ct) is int version ? version : null;
    }

    /// <summary>The model in service, or null when none was ever promoted.</summary>
    public async Task<StoredDetectionModel?> LoadPromotedAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {InfoColumns}, model, population_profile, population_still FROM detection_models WHERE status = 'promoted'
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new StoredDetectionModel(ReadInfo(r), r.GetFieldValue<byte[]>(8), r.GetFieldValue<double[]>(9), r.GetFieldValue<double[]>(10));
    }

    /// <summary>Every version, newest first.</summary>
    public async Task<IReadOnlyList<DetectionModelInfo>> ListAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {InfoColumns} FROM detection_models ORDER BY version DESC");
        var list = new List<DetectionModelInfo>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(ReadInfo(r));
        return list;
    }

    private static DetectionModelInfo ReadInfo(NpgsqlDataReader r) => new(
        r.GetInt32(0), r.GetDateTime(1), r.GetString(2), r.GetInt32(3), r.GetDouble(4), r.GetDouble(5), r.GetString(6),
        r.IsDBNull(7) ? null : r.GetDateTime(7));
}
