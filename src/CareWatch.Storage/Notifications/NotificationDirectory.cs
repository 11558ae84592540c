using Npgsql;

namespace CareWatch.Storage.Notifications;

/// <summary>
/// What the channels look up at delivery time (system queries: the dispatcher serves every bureau). Recipients are
/// read when sending, not when queuing, so a corrected address or language applies to notifications still queued.
/// </summary>
public sealed class NotificationDirectory(NpgsqlDataSource dataSource)
{
    /// <summary>The languages mails are written in; anything else falls back to the first.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "de", "zh"];

    /// <summary>A staff member's or supervisor's address and language, or null (gone, or no address).</summary>
    public async Task<MailRecipient?> FindUserForSystemAsync(Guid userId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT email, display_name, culture FROM users WHERE id = @id AND email IS NOT NULL AND email <> ''");
        cmd.Parameters.AddWithValue("id", userId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new MailRecipient(r.GetString(0), r.GetString(1), LanguageOf(r.IsDBNull(2) ? null : r.GetString(2)), null);
    }

    /// <summary>A senior's contact's address and language, or null (gone, or no address).</summary>
    public async Task<MailRecipient?> FindContactForSystemAsync(Guid contactId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT email, name, language FROM senior_contacts WHERE id = @id AND email IS NOT NULL AND email <> ''");
        cmd.Parameters.AddWithValue("id", contactId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new MailRecipient(r.GetString(0), r.GetString(1), LanguageOf(r.GetString(2)), contactId);
    }

    /// <summary>A senior's contact's phone number and language, or null (gone, or no number).</summary>
    public async Task<TextRecipient?> FindContactPhoneForSystemAsync(Guid contactId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT name, phone, language FROM senior_contacts WHERE id = @id AND phone IS NOT NULL AND phone <> ''");
        cmd.Parameters.AddWithValue("id", contactId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new TextRecipient(contactId, r.GetString(0), r.GetString(1), LanguageOf(r.GetString(2)));
    }

    /// <summary>The senior's display name, or null when the senior is gone (erased).</summary>
    public async Task<string?> SeniorNameForSystemAsync(Guid seniorId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT display_name FROM seniors WHERE id = @id");
        cmd.Parameters.AddWithValue("id", seniorId);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>"de-DE" → de, "zh-Hans" → zh; en for null and languages mails are not written in.</summary>
    public static string LanguageOf(string? culture)
    {
        var language = culture?.Split('-', '_')[0].ToLowerInvariant();
        return language is not null && Languages.Contains(language) ? language : Languages[0];
    }
}
