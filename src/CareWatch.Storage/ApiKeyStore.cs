using System.Security.Cryptography;
using Npgsql;

namespace CareWatch.Storage;

/// <summary>A bureau API key as listed (never its secret).</summary>
/// <param name="Id">The key's id.</param>
/// <param name="BureauId">The bureau whose data the key opens.</param>
/// <param name="Name">What it is for (an integration's name).</param>
/// <param name="Prefix">Its public id part, shown so people can tell keys apart.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="RevokedAt">When it was revoked (UTC), or null while valid.</param>
/// <param name="LastUsedAt">When it last authenticated a request (UTC, to the minute), or null.</param>
public sealed record ApiKeyRecord(Guid Id, Guid BureauId, string Name, string Prefix, DateTime CreatedAt,
    DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>A key just created, with its text: shown once, never stored.</summary>
public sealed record CreatedApiKey(ApiKeyRecord Record, string Key);

/// <summary>Bureau API keys in PostgreSQL (<c>api_keys</c>): created, verified, revoked.</summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    // last_used_at is written at most once a minute per key, so a busy integration does not turn every read into a
    // write, and "last used" is still precise enough to find keys nobody uses.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Creates a key for the scope's bureau. <paramref name="key"/> is a key chosen by the operator (the demo's, from
    /// configuration) and must be well-formed (<see cref="ApiKeyFormat"/>); by default a random one is made.
    /// Throws <see cref="ArgumentException"/> for a malformed key and <see cref="PostgresException"/> when its prefix
    /// exists.
    /// </summary>
    public async Task<CreatedApiKey> CreateAsync(TenantScope scope, string name, string? key = null,
        CancellationToken ct = default)
    {
        var bureau = scope.BureauId ?? throw new ArgumentException("API keys belong to a bureau.", nameof(scope));
        key ??= ApiKeyFormat.NewKey();
        var prefix = ApiKeyFormat.TryGetPrefix(key) ?? throw new ArgumentException("Malformed API key.", nameof(key));
        var now = time.GetUtcNow().UtcDateTime;
        var record = new ApiKeyRecord(Guid.CreateVersion7(time.GetUtcNow()), bureau, name, prefix, now, null, null);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO api_keys (id, bureau_id, name, prefix, hash, created_at)
            VALUES (@id, @bureau, @name, @prefix, @hash, @now)
            """);
        cmd.Parameters.AddWithValue("id", record.Id);
        cmd.Parameters.AddWithValue("bureau", bureau);
        cmd.Parameters.AddWithValue("name", name);
        cmd.Parameters.AddWithValue("prefix", prefix);
        cmd.Parameters.AddWithValue("hash", ApiKeyFormat.Hash(key));
        cmd.Parameters.AddWithValue("now", now);
        await cmd.ExecuteNonQueryAsync(ct);
        return new CreatedApiKey(record, key);
    }

    /// <summary>
    /// The bureau a presented key opens, or null when the key is malformed, unknown, revoked or wrong. System use
    /// (authentication): it runs before anyone has a scope.
    /// </summary>
    public async Task<ApiKeyRecord?> VerifyAsync(string presented, CancellationToken ct = default)
    {
        if (ApiKeyFormat.TryGetPrefix(presented) is not { } prefix) return null;
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, bureau_id, name, prefix, created_at, revoked_at, last_used_at, hash
            FROM api_keys WHERE prefix = @prefix
            """);
        cmd.Parameters.AddWithValue("prefix", prefix);
        ApiKeyRecord record;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct)) return null;
            // Constant time, so the answer's timing tells an attacker nothing about how much of a guess was right.
            if (!CryptographicOperations.FixedTimeEquals(ApiKeyFormat.Hash(presented), (byte[])r[7])) return null;
            record = Read(r);
        }
        if (record.RevokedAt is not null) return null;
        await MarkUsedAsync(record.Id, ct);
        return record;
    }

    /// <summary>The bureau's keys, newest first.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(TenantScope scope, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, bureau_id, name, prefix, created_at, revoked_at, last_used_at FROM api_keys
            WHERE bureau_id = @scope_bureau ORDER BY created_at DESC, id DESC
            """);
        scope.AddParameters(cmd);
        var list = new List<ApiKeyRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(Read(r));
        return list;
    }

    /// <summary>Revokes one of the bureau's keys; false when the bureau has no such valid key.</summary>
    public async Task<bool> RevokeAsync(TenantScope scope, Guid id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE api_keys SET revoked_at = @now WHERE id = @id AND bureau_id = @scope_bureau AND revoked_at IS NULL
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
        scope.AddParameters(cmd);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    private async Task MarkUsedAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var cmd = dataSource.CreateCommand("""
            UPDATE api_keys SET last_used_at = @now WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @stale)
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("stale", now - LastUsedResolution);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static ApiKeyRecord Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetDateTime(4),
        r.IsDBNull(5) ? null : r.GetDateTime(5), r.IsDBNull(6) ? null : r.GetDateTime(6));
}
