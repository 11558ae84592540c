using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage.Contacts;

/// <summary>A senior's contacts (senior_contacts), always through the caller's scope.</summary>
public sealed class ContactStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    internal const string Columns = """
        c.id, c.senior_id, c.name, c.relation, c.language, c.email, c.phone, c.chain_order, c.channels, c.quiet_from,
        c.quiet_until, c.created_at, c.user_id IS NOT NULL
        """;

    /// <summary>The senior's contacts in chain order; null when the senior is not in the scope.</summary>
    public async Task<IReadOnlyList<ContactRecord>?> ListAsync(TenantScope scope, Guid seniorId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {Columns} FROM seniors s LEFT JOIN senior_contacts c ON c.senior_id = s.id
            WHERE s.id = @senior AND {TenantScope.SeniorCondition("s")} ORDER BY c.chain_order
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        scope.AddParameters(cmd);
        var list = new List<ContactRecord>();
        var seniorFound = false;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            seniorFound = true;
            if (!r.IsDBNull(0)) list.Add(Read(r));
        }
        return seniorFound ? list : null;
    }

    /// <summary>Adds a contact (<paramref name="input"/> validated) to a senior of the scope.</summary>
    public async Task<(ContactWriteStatus Status, ContactRecord? Contact)> CreateAsync(TenantScope scope, Guid seniorId,
        ContactInput input, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var cmd = dataSource.CreateCommand($"""
            INSERT INTO senior_contacts AS c (id, senior_id, name, relation, language, email, phone, chain_order, channels,
                                              quiet_from, quiet_until, created_at)
            SELECT @id, s.id, @name, @relation, @language, @email, @phone, @order, @channels, @quiet_from, @quiet_until, @now
            FROM seniors s WHERE s.id = @senior AND {TenantScope.SeniorCondition("s")}
            RETURNING {Columns}
            """);
        cmd.Parameters.AddWithValue("id", Guid.CreateVersion7(now));
        cmd.Parameters.AddWithValue("now", now.UtcDateTime);
        return await WriteAsync(cmd, scope, seniorId, input, ct);
    }

    /// <summary>Replaces a contact of a senior of the scope.</summary>
    public async Task<(ContactWriteStatus Status, ContactRecord? Contact)> UpdateAsync(TenantScope scope, Guid seniorId,
        Guid contactId, ContactInput input, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            UPDATE senior_contacts c SET name = @name, relation = @relation, language = @language, email = @email,
                   phone = @phone, chain_order = @order, channels = @channels, quiet_from = @quiet_from,
                   quiet_until = @quiet_until
            FROM seniors s
            WHERE c.id = @id AND c.senior_id = s.id AND s.id = @senior AND {TenantScope.SeniorCondition("s")}
            RETURNING {Columns}
            """);
        cmd.Parameters.AddWithValue("id", contactId);
        return await WriteAsync(cmd, scope, seniorId, input, ct);
    }

    /// <summary>Deletes a contact of a senior of the scope; false when there is none.</summary>
    public async Task<bool> DeleteAsync(TenantScope scope, Guid seniorId, Guid contactId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            DELETE FROM senior_contacts c USING seniors s
            WHERE c.id = @id AND c.senior_id = s.id AND s.id = @senior AND {TenantScope.SeniorCondition("s")}
            """);
        cmd.Parameters.AddWithValue("id", contactId);
        cmd.Parameters.AddWithValue("senior", seniorId);
        scope.AddParameters(cmd);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>One contact by id (system use: the relatives' signed link names it).</summary>
    public async Task<ContactRecord?> FindForSystemAsync(Guid contactId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM senior_contacts c WHERE c.id = @id");
        cmd.Parameters.AddWithValue("id", contactId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }

    private static async Task<(ContactWriteStatus, ContactRecord?)> WriteAsync(NpgsqlCommand cmd, TenantScope scope,
        Guid seniorId, ContactInput input, CancellationToken ct)
    {
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("name", input.Name!.Trim());
        cmd.Parameters.AddWithValue("relation", input.Relation!.Trim());
        cmd.Parameters.AddWithValue("language", input.Language!);
        cmd.Parameters.Add(new NpgsqlParameter("email", NpgsqlDbType.Text) { Value = (object?)ContactInput.Clean(input.Email) ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("phone", NpgsqlDbType.Text) { Value = (object?)ContactInput.Clean(input.Phone) ?? DBNull.Value });
        cmd.Parameters.AddWithValue("order", (short)input.ChainOrder);
        cmd.Parameters.AddWithValue("channels", (input.Channels ?? []).ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("quiet_from", NpgsqlDbType.Time) { Value = (object?)input.QuietFrom ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("quiet_until", NpgsqlDbType.Time) { Value = (object?)input.QuietUntil ?? DBNull.Value });
        scope.AddParameters(cmd);
        try
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            return await r.ReadAsync(ct) ? (ContactWriteStatus.Stored, Read(r)) : (ContactWriteStatus.NotFound, null);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return (ContactWriteStatus.OrderTaken, null);
        }
    }

    internal static ContactRecord Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6), r.GetInt16(7), r.GetFieldValue<string[]>(8),
        r.IsDBNull(9) ? null : r.GetFieldValue<TimeOnly>(9), r.IsDBNull(10) ? null : r.GetFieldValue<TimeOnly>(10),
        DateTime.SpecifyKind(r.GetDateTime(11), DateTimeKind.Utc), r.GetBoolean(12));
}
