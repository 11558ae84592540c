using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.Support;

/// <summary>What the audit log holds for a bureau, for API tests that check an act was recorded.</summary>
public static class AuditOf
{
    /// <summary>The bureau's entries, oldest first, as (action, subject, details as JSON text).</summary>
    public static async Task<List<(string Action, string? Subject, string Details)>> BureauAsync(TestDatabase db, Guid bureauId)
    {
        await using var cmd = db.DataSource.CreateCommand(
            "SELECT action, subject, details::text FROM audit_log WHERE bureau_id = @b ORDER BY id");
        cmd.Parameters.AddWithValue("b", bureauId);
        var list = new List<(string, string?, string)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2)));
        return list;
    }
}
