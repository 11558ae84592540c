using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage.Contacts;

/// <summary>
/// A relative's own contact row (senior_contacts.user_id = their account): what their page shows and lets them
/// change — how they are told and their quiet hours, nothing of anyone else's.
/// </summary>
public sealed class RelativeContacts(NpgsqlDataSource dataSource)
{
    /// <summary>The contact linked to <paramref name="userId"/> for a senior of the scope; null when none is.</summary>
    public async Task<ContactRecord?> FindAsync(TenantScope scope, Guid userId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {ContactStore.Columns}
            FROM senior_contacts c JOIN seniors s ON s.id = c.senior_id
            WHERE c.user_id = @user AND {TenantScope.SeniorCondition("s")}
            ORDER BY c.chain_order LIMIT 1
            """);
        cmd.Parameters.AddWithValue("user", userId);
        scope.AddParameters(cmd);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ContactStore.Read(r) : null;
    }

    /// <summary>Replaces the channels and quiet hours of the relative's own contact; false when they have none.</summary>
    public async Task<bool> UpdatePreferencesAsync(TenantScope scope, Guid userId, IReadOnlyList<string> channels,
        TimeOnly? quietFrom, TimeOnly? quietUntil, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            UPDATE senior_contacts c SET channels = @channels, quiet_from = @quiet_from, quiet_until = @quiet_until
            FROM seniors s
            WHERE c.user_id = @user AND c.senior_id = s.id AND {TenantScope.SeniorCondition("s")}
            """);
        cmd.Parameters.AddWithValue("user", userId);
        cmd.Parameters.AddWithValue("channels", channels.ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("quiet_from", NpgsqlDbType.Time) { Value = (object?)quietFrom ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("quiet_until", NpgsqlDbType.Time) { Value = (object?)quietUntil ?? DBNull.Value });
        scope.AddParameters(cmd);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>
    /// Links a contact that has no account yet to a relative's account of the same senior (system use: seeding, or a
    /// relative taking up an invitation); false when the contact is gone or already has one, so a link works once.
    /// </summary>
    public async Task<bool> LinkForSystemAsync(Guid contactId, Guid userId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE senior_contacts c SET user_id = @user FROM users u
            WHERE c.id = @contact AND c.user_id IS NULL AND u.id = @user AND u.senior_id = c.senior_id
            """);
        cmd.Parameters.AddWithValue("contact", contactId);
        cmd.Parameters.AddWithValue("user", userId);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>An invited contact with their senior's bureau and name (system use: the invitation names the contact).</summary>
    public async Task<InvitedContact?> FindInvitedForSystemAsync(Guid contactId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {ContactStore.Columns}, s.bureau_id, s.display_name
            FROM senior_contacts c JOIN seniors s ON s.id = c.senior_id WHERE c.id = @contact
            """);
        cmd.Parameters.AddWithValue("contact", contactId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new InvitedContact(ContactStore.Read(r), r.GetGuid(13), r.GetString(14)) : null;
    }
}

/// <summary>A contact invited to their own sign-in, with what their account needs: the senior's bureau and name.</summary>
public sealed record InvitedContact(ContactRecord Contact, Guid BureauId, string SeniorName);
