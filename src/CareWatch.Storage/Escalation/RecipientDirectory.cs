using CareWatch.Storage.Alerts;
using Npgsql;

namespace CareWatch.Storage.Escalation;

/// <summary>
/// Who a chain step calls, read inside the escalation sweep's transaction (system use: the sweep works across
/// bureaus). Staff and supervisors have the board (SignalR) and e-mail when an address is on file; contacts their
/// own channels; a webhook itself.
/// </summary>
public sealed class RecipientDirectory
{
    // Staff and supervisors on a shift at @at; when nobody is, every staff member of the bureau (not the supervisors,
    // who have their own step). A disabled account is never called (that person has left or is on leave), and its shift counts as nobody's.
    private const string OnDuty = """
        WITH on_shift AS (SELECT DISTINCT sh.user_id FROM staff_shifts sh JOIN users su ON su.id = sh.user_id
                          WHERE sh.bureau_id = @bureau AND sh.starts_at <= @at AND sh.ends_at > @at
                            AND su.disabled_at IS NULL)
        SELECT u.id, u.email IS NOT NULL, u.notify_channels, u.quiet_from, u.quiet_until, coalesce(u.time_zone, b.time_zone)
        FROM users u JOIN bureaus b ON b.id = u.bureau_id
        WHERE u.bureau_id = @bureau AND u.role IN ('staff', 'supervisor') AND u.disabled_at IS NULL
          AND (u.id IN (SELECT user_id FROM on_shift) OR (u.role = 'staff' AND NOT EXISTS (SELECT 1 FROM on_shift)))
        ORDER BY u.id
        """;

    private const string Supervisors = """
        SELECT u.id, u.email IS NOT NULL, u.notify_channels, u.quiet_from, u.quiet_until, coalesce(u.time_zone, b.time_zone)
        FROM users u JOIN bureaus b ON b.id = u.bureau_id
        WHERE u.bureau_id = @bureau AND u.role = 'supervisor' AND u.disabled_at IS NULL ORDER BY u.id
        """;

    // Contacts have no time zone of their own: a relative called about a senior is almost always in the senior's.
    private const string Contacts = """
        SELECT c.id, c.email IS NOT NULL, c.phone IS NOT NULL, c.channels, c.quiet_from, c.quiet_until, s.time_zone
        FROM senior_contacts c JOIN seniors s ON s.id = c.senior_id
        WHERE c.senior_id = @senior AND (@order::smallint IS NULL OR c.chain_order = @order) ORDER BY c.chain_order
        """;

    /// <summary>The recipients of <paramref name="recipient"/> for an alert of the senior, at <paramref name="at"/>.</summary>
    public async Task<IReadOnlyList<ChainRecipient>> ResolveForSystemAsync(NpgsqlTransaction transaction, string recipient,
        int? relativeOrder, Guid? webhookId, Guid bureauId, Guid seniorId, DateTime at, CancellationToken ct = default)
    {
        switch (recipient)
        {
            case ChainRecipients.OnDutyStaff: return await UsersAsync(transaction, OnDuty, bureauId, at, ct);
            case ChainRecipients.Supervisors: return await UsersAsync(transaction, Supervisors, bureauId, at, ct);
            case ChainRecipients.Relative: return await ContactsAsync(transaction, seniorId, relativeOrder, ct);
            case ChainRecipients.AllRelatives: return await ContactsAsync(transaction, seniorId, null, ct);
            case ChainRecipients.Webhook:
                await using (var cmd = new NpgsqlCommand(
                    "SELECT 1 FROM webhooks WHERE id = @id AND bureau_id = @bureau AND enabled", transaction.Connection, transaction))
                {
                    cmd.Parameters.AddWithValue("id", webhookId ?? Guid.Empty);
                    cmd.Parameters.AddWithValue("bureau", bureauId);
                    if (await cmd.ExecuteScalarAsync(ct) is null) return [];
                    string[] webhook = [OutboxChannels.Webhook];
                    return [new ChainRecipient($"webhook:{webhookId}", webhook, webhook)];
                }
            default: throw new ArgumentException($"Unknown chain recipient '{recipient}'.", nameof(recipient));
        }
    }

    private static async Task<IReadOnlyList<ChainRecipient>> UsersAsync(NpgsqlTransaction tx, string sql, Guid bureauId,
        DateTime at, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, tx.Connection, tx);
        cmd.Parameters.AddWithValue("bureau", bureauId);
        cmd.Parameters.AddWithValue("at", at);
        var list = new List<ChainRecipient>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            string[] channels = r.GetBoolean(1) ? [OutboxChannels.SignalR, OutboxChannels.Email] : [OutboxChannels.SignalR];
            var preferred = r.GetFieldValue<string[]>(2).Where(channels.Contains).ToList();
            list.Add(new ChainRecipient($"user:{r.GetGuid(0)}", channels, preferred, Time(r, 3), Time(r, 4), r.GetString(5)));
        }
        return list;
    }

    private static async Task<IReadOnlyList<ChainRecipient>> ContactsAsync(NpgsqlTransaction tx, Guid seniorId, int? order,
        CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Contacts, tx.Connection, tx);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.Add(new NpgsqlParameter("order", NpgsqlTypes.NpgsqlDbType.Smallint) { Value = (object?)(short?)order ?? DBNull.Value });
        var list = new List<ChainRecipient>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            // E-mail needs an address; a webhook message to a relative (SMS) needs a phone number.
            var channels = r.GetFieldValue<string[]>(3)
                .Where(c => (c == OutboxChannels.Email && r.GetBoolean(1)) || (c == OutboxChannels.Webhook && r.GetBoolean(2)))
                .ToList();
            list.Add(new ChainRecipient($"contact:{r.GetGuid(0)}", channels, channels, Time(r, 4), Time(r, 5), r.GetString(6)));
        }
        return list;
    }

    private static TimeOnly? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<TimeOnly>(i);
}
