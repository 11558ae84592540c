using System.Security.Cryptography;
using CareWatch.Storage.Escalation;
using Npgsql;

namespace CareWatch.Storage.Notifications;

/// <summary>
/// A bureau's signed webhooks (SMS/WeChat gateways). The signing secret is generated here, returned once when the
/// webhook is created and stored protected (<see cref="IWebhookSecretProtector"/>); listing never shows it.
/// </summary>
public sealed class WebhookStore(NpgsqlDataSource dataSource, IWebhookSecretProtector protector, TimeProvider time)
{
    private const string Columns = "w.id, w.bureau_id, w.name, w.url, w.enabled, w.created_at";

    /// <summary>Creates a webhook of the scope's bureau; the secret (hex, 256 bits) is in this answer only.</summary>
    public async Task<(WebhookRecord Webhook, string Secret)> CreateAsync(TenantScope scope, string name, Uri url,
        CancellationToken ct = default)
    {
        var bureau = scope.BureauId ?? throw new ArgumentException("Webhooks belong to a bureau.", nameof(scope));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var record = new WebhookRecord(Guid.NewGuid(), bureau, name, url.AbsoluteUri, true, time.GetUtcNow().UtcDateTime);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO webhooks (id, bureau_id, name, url, secret, enabled, created_at)
            VALUES (@id, @bureau, @name, @url, @secret, true, @at)
            """);
        cmd.Parameters.AddWithValue("id", record.Id);
        cmd.Parameters.AddWithValue("bureau", bureau);
        cmd.Parameters.AddWithValue("name", name);
        cmd.Parameters.AddWithValue("url", record.Url);
        cmd.Parameters.AddWithValue("secret", protector.Protect(secret));
        cmd.Parameters.AddWithValue("at", record.CreatedAt);
        await cmd.ExecuteNonQueryAsync(ct);
        return (record, secret);
    }

    /// <summary>The scope's webhooks, oldest first.</summary>
    public async Task<IReadOnlyList<WebhookRecord>> ListAsync(TenantScope scope, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            $"SELECT {Columns} FROM webhooks w WHERE w.bureau_id = @scope_bureau ORDER BY w.created_at, w.id");
        scope.AddParameters(cmd);
        var list = new List<WebhookRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new WebhookRecord(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.GetDateTime(5)));
        return list;
    }

    /// <summary>
    /// Deletes a webhook of the scope. Escalation steps that named it are removed with it (a chain step to nowhere
    /// would only produce dead letters) and the chain stays valid (<see cref="EscalationChainStore.Without"/>);
    /// notifications already queued for it go dead at delivery.
    /// </summary>
    public async Task<bool> DeleteAsync(TenantScope scope, Guid id, CancellationToken ct = default)
    {
        var bureau = scope.BureauId ?? throw new ArgumentException("Webhooks belong to a bureau.", nameof(scope));
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await EscalationChainStore.LockBureauAsync(tx, bureau, ct);
        await using (var cmd = new NpgsqlCommand("DELETE FROM webhooks w WHERE w.id = @id AND w.bureau_id = @bureau",
            connection, tx))
        {
            cmd.Parameters.AddWithValue("id", id);
            cmd.Parameters.AddWithValue("bureau", bureau);
            if (await cmd.ExecuteNonQueryAsync(ct) != 1) return false;
        }
        var steps = await EscalationChainStore.ReadAsync(tx, bureau, ct);
        if (steps.Any(s => s.WebhookId == id))
            await EscalationChainStore.WriteAsync(tx, bureau, EscalationChainStore.Without(steps, id), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>A webhook with its secret, for signing (system use: the dispatcher); null when it is gone.</summary>
    public async Task<WebhookTarget?> FindTargetForSystemAsync(Guid id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT id, bureau_id, url, secret, enabled FROM webhooks WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new WebhookTarget(r.GetGuid(0), r.GetGuid(1), new Uri(r.GetString(2)), protector.Unprotect(r.GetString(3)),
            r.GetBoolean(4));
    }

    /// <summary>
    /// The bureau's gateway for text messages to contacts (system use): its oldest enabled webhook, or null when it
    /// has none. One gateway, so a contact gets one message however many webhooks the bureau has.
    /// </summary>
    public async Task<WebhookTarget?> FindGatewayForSystemAsync(Guid bureauId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT id FROM webhooks WHERE bureau_id = @bureau AND enabled ORDER BY created_at, id LIMIT 1
            """);
        cmd.Parameters.AddWithValue("bureau", bureauId);
        return await cmd.ExecuteScalarAsync(ct) is Guid id ? await FindTargetForSystemAsync(id, ct) : null;
    }
}
