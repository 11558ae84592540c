using CareWatch.Storage.Audit;
using Npgsql;

namespace CareWatch.Storage.Privacy;

/// <summary>A consent to record.</summary>
/// <param name="GivenBy">A <see cref="ConsentGivers"/> value.</param>
/// <param name="Representative">The legal representative's name; required for them, absent for the senior.</param>
/// <param name="Purposes"><see cref="ConsentPurposes"/> values.</param>
/// <param name="ConsentedAt">When the consent was given (the date on the signed form).</param>
public sealed record NewConsent(string GivenBy, string? Representative, IReadOnlyList<string> Purposes, DateTime ConsentedAt);

/// <summary>A stored consent.</summary>
public sealed record ConsentRecord(long Id, Guid SeniorId, string GivenBy, string? Representative, IReadOnlyList<string> Purposes,
    DateTime ConsentedAt, string RecordedBy, DateTime RecordedAt, DateTime? WithdrawnAt, string? WithdrawnBy);

/// <summary>
/// Consent records per senior (<c>senior_consents</c>). Every write is audited in its own transaction, so a
/// consent never exists without the entry saying who recorded it.
/// </summary>
public sealed class ConsentStore(NpgsqlDataSource dataSource, AuditLog audit, TimeProvider time)
{
    private const string Columns = """
        c.id, c.senior_id, c.given_by, c.representative, c.purposes, c.consented_at, c.recorded_by, c.recorded_at,
        c.withdrawn_at, c.withdrawn_by
        """;

    /// <summary>The senior's consents, oldest first; null when the senior is not in the scope.</summary>
    public async Task<IReadOnlyList<ConsentRecord>?> ListAsync(TenantScope scope, Guid seniorId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {Columns}
            FROM seniors s LEFT JOIN senior_consents c ON c.senior_id = s.id
            WHERE s.id = @senior AND {TenantScope.SeniorCondition("s")}
            ORDER BY c.id
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        scope.AddParameters(cmd);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        var list = new List<ConsentRecord>();
        do { if (!r.IsDBNull(0)) list.Add(Read(r)); } while (await r.ReadAsync(ct));
        return list;
    }

    /// <summary>Records a consent, audited as <paramref name="actor"/>; null when the senior is not in the scope.</summary>
    public async Task<ConsentRecord?> RecordAsync(TenantScope scope, Guid seniorId, NewConsent consent, AuditActor actor,
        CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            INSERT INTO senior_consents (senior_id, given_by, representative, purposes, consented_at, recorded_by, recorded_at)
            SELECT s.id, @given_by, @representative, @purposes, @consented_at, @recorded_by, @now
            FROM seniors s WHERE s.id = @senior AND {TenantScope.SeniorCondition("s")}
            RETURNING id, senior_id, given_by, representative, purposes, consented_at, recorded_by, recorded_at,
                      withdrawn_at, withdrawn_by, (SELECT bureau_id FROM seniors WHERE id = @senior)
            """, connection, tx);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("given_by", consent.GivenBy);
        cmd.Parameters.AddWithValue("representative", (object?)consent.Representative ?? DBNull.Value);
        cmd.Parameters.AddWithValue("purposes", consent.Purposes.ToArray());
        cmd.Parameters.AddWithValue("consented_at", consent.ConsentedAt);
        cmd.Parameters.AddWithValue("recorded_by", actor.Id ?? actor.Display ?? actor.KindName);
        cmd.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
        scope.AddParameters(cmd);
        ConsentRecord record;
        Guid bureau;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct)) return null;
            record = Read(r);
            bureau = r.GetGuid(10);
        }
        // The representative's name stays out of the log: it is personal data, and the consent row has it.
        var details = System.Text.Json.JsonSerializer.Serialize(new { consentId = record.Id, consent.GivenBy, consent.Purposes });
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.ConsentRecorded, bureau, seniorId.ToString(), seniorId, details), tx, ct);
        await tx.CommitAsync(ct);
        return record;
    }

    /// <summary>Marks a consent withdrawn now, audited; false when there is no such open consent in the scope.</summary>
    public async Task<bool> WithdrawAsync(TenantScope scope, Guid seniorId, long consentId, AuditActor actor, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            UPDATE senior_consents c SET withdrawn_at = @now, withdrawn_by = @by
            FROM seniors s
            WHERE c.id = @id AND c.senior_id = @senior AND s.id = c.senior_id AND c.withdrawn_at IS NULL
              AND {TenantScope.SeniorCondition("s")}
            RETURNING s.bureau_id
            """, connection, tx);
        cmd.Parameters.AddWithValue("id", consentId);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
        cmd.Parameters.AddWithValue("by", actor.Id ?? actor.Display ?? actor.KindName);
        scope.AddParameters(cmd);
        if (await cmd.ExecuteScalarAsync(ct) is not Guid bureau) return false;
        var details = System.Text.Json.JsonSerializer.Serialize(new { consentId });
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.ConsentWithdrawn, bureau, seniorId.ToString(), seniorId, details), tx, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static ConsentRecord Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetFieldValue<string[]>(4),
        Utc(r.GetDateTime(5)), r.GetString(6), Utc(r.GetDateTime(7)), r.IsDBNull(8) ? null : Utc(r.GetDateTime(8)),
        r.IsDBNull(9) ? null : r.GetString(9));

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
