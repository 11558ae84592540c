using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.Privacy;

/// <summary>Searches every text, uuid, JSON and array column of every table for strings (case-insensitive).</summary>
public static class DatabaseTraces
{
    /// <summary>"table.column: rows" for every column holding one of <paramref name="needles"/>.</summary>
    public static async Task<List<string>> FindAsync(TestDatabase db, params string[] needles)
    {
        var columns = new List<(string Table, string Column)>();
        await using (var list = db.DataSource.CreateCommand("""
            SELECT c.table_name, c.column_name
            FROM information_schema.columns c JOIN information_schema.tables t
              ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = 'public' AND c.table_name <> 'schema_migrations'
              AND c.data_type IN ('text', 'character varying', 'uuid', 'jsonb', 'json', 'ARRAY', 'bytea')
            """))
        await using (var r = await list.ExecuteReaderAsync())
            while (await r.ReadAsync()) columns.Add((r.GetString(0), r.GetString(1)));
        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var cmd = db.DataSource.CreateCommand($"SELECT count(*) FROM \"{table}\" WHERE \"{column}\"::text ILIKE ANY(@p)");
            cmd.Parameters.AddWithValue("p", needles.Select(n => "%" + n + "%").ToArray());
            if ((long)(await cmd.ExecuteScalarAsync())! is var n and > 0) found.Add($"{table}.{column}: {n}");
        }
        return found;
    }
}
