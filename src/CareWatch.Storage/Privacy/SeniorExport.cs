using System.Data;
using System.Text.Json;
using CareWatch.Storage.Audit;
using Npgsql;

namespace CareWatch.Storage.Privacy;

/// <summary>
/// Everything held about one senior as one JSON document (GDPR art. 15/20, PIPL art. 45): profile, consents,
/// watches (never their keys), raw minutes, events, alerts, insights, hourly summaries and the audit entries about
/// them. Read in one read-only snapshot (REPEATABLE READ), written row by row to the output so that months of
/// minutes never sit in memory at once.
/// </summary>
public sealed class SeniorExport(NpgsqlDataSource dataSource, AuditLog audit)
{
    // Section name and query; every query has @senior. Column names become the JSON property names.
    private static readonly (string Name, string Sql)[] Sections =
    [
        ("consents", "SELECT * FROM senior_consents WHERE senior_id = @senior ORDER BY id"),
        ("devices", """
            SELECT device_id, enabled, created_at, last_seen_at, last_connected_at, last_disconnected_at, battery, charging,
                   clock_error_seconds
            FROM devices WHERE senior_id = @senior ORDER BY device_id
            """),
        ("alerts", "SELECT * FROM alerts WHERE senior_id = @senior ORDER BY id"),
        ("alertEvents", "SELECT * FROM alert_events WHERE senior_id = @senior ORDER BY id"),
        ("notifications", """
            SELECT id, alert_id, channel, kind, urgent, status, attempts, created_at, sent_at
            FROM notification_outbox WHERE senior_id = @senior ORDER BY id
            """),
        ("contacts", "SELECT * FROM senior_contacts WHERE senior_id = @senior ORDER BY chain_order"),
        ("insights", "SELECT * FROM insights WHERE senior_id = @senior ORDER BY id"),
        ("stillPeriod", "SELECT still_since, last_minute, updated_at FROM senior_still WHERE senior_id = @senior"),
        ("events", "SELECT device_id, seq, at, kind FROM device_events WHERE senior_id = @senior ORDER BY at, device_id"),
        ("hourlySummaries", "SELECT * FROM activity_hourly WHERE senior_id = @senior ORDER BY hour"),
        ("minutes", """
            SELECT device_id, minute, movement, steps, worn FROM minute_activity WHERE senior_id = @senior
            ORDER BY minute, device_id
            """),
        ("auditEntries", """
            SELECT id, at, actor_kind, action, subject, details FROM audit_log WHERE senior_id = @senior ORDER BY id
            """),
    ];

    /// <summary>
    /// Writes the export to the stream <paramref name="open"/> returns (called once the senior is found, so the caller
    /// can still answer 404 before then), audited as <paramref name="actor"/>. False when the senior is not in the scope.
    /// </summary>
    public async Task<bool> WriteAsync(TenantScope scope, Guid seniorId, AuditActor actor, Func<Stream> open,
        CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, tx))
            await readOnly.ExecuteNonQueryAsync(ct);
        await using var find = new NpgsqlCommand($"""
            SELECT s.id, s.bureau_id, s.display_name, s.time_zone, s.created_at
            FROM seniors s WHERE s.id = @senior AND {TenantScope.SeniorCondition("s")}
            """, connection, tx);
        find.Parameters.AddWithValue("senior", seniorId);
        scope.AddParameters(find);
        await using (var profile = await find.ExecuteReaderAsync(ct))
        {
            if (!await profile.ReadAsync(ct)) return false;
            var bureau = profile.GetGuid(1);
            // Recorded before the first byte: an export that fails halfway was still an export.
            await audit.AppendAsync(new AuditEntry(actor, AuditActions.SeniorExported, bureau, seniorId.ToString(), seniorId), ct);
            var stream = open();
            await using var json = new Utf8JsonWriter(stream);
            json.WriteStartObject();
            json.WriteString("format", "carewatch.senior-export.v1");
            json.WritePropertyName("profile");
            WriteRow(json, profile);
            await profile.DisposeAsync();
            foreach (var (name, sql) in Sections) await WriteSectionAsync(json, stream, connection, tx, name, sql, seniorId, ct);
            json.WriteEndObject();
            await json.FlushAsync(ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    private static async Task WriteSectionAsync(Utf8JsonWriter json, Stream stream, NpgsqlConnection connection,
        NpgsqlTransaction tx, string name, string sql, Guid seniorId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.Parameters.AddWithValue("senior", seniorId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        json.WriteStartArray(name);
        while (await r.ReadAsync(ct))
        {
            WriteRow(json, r);
            // Hand the bytes on every few kilobytes: memory stays flat however long the history.
            if (json.BytesPending > 16 * 1024) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
    }

    private static void WriteRow(Utf8JsonWriter json, NpgsqlDataReader r)
    {
        json.WriteStartObject();
        for (var i = 0; i < r.FieldCount; i++)
        {
            json.WritePropertyName(JsonNamingPolicy.CamelCase.ConvertName(ToPascal(r.GetName(i))));
            if (r.IsDBNull(i)) { json.WriteNullValue(); continue; }
            // Written value by value: JsonSerializer would flush the writer synchronously, which Kestrel refuses.
            switch (r.GetDataTypeName(i))
            {
                case "jsonb" or "json": json.WriteRawValue(r.GetString(i)); break;
                case "text[]":
                    json.WriteStartArray();
                    foreach (var item in r.GetFieldValue<string[]>(i)) json.WriteStringValue(item);
                    json.WriteEndArray();
                    break;
                case "timestamp with time zone":
                    json.WriteStringValue(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc)); break;
                default: WriteValue(json, r.GetValue(i)); break;
            }
        }
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case string text: json.WriteStringValue(text); break;
            case Guid id: json.WriteStringValue(id); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case short n: json.WriteNumberValue(n); break;
            case int n: json.WriteNumberValue(n); break;
            case long n: json.WriteNumberValue(n); break;
            case double n: json.WriteNumberValue(n); break;
            case decimal n: json.WriteNumberValue(n); break;
            case DateTime t: json.WriteStringValue(t); break;
            default: json.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }

    private static string ToPascal(string snake) =>
        string.Concat(snake.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
