using DbUp;
using DbUp.Engine.Output;
using Npgsql;

namespace CareWatch.Storage;

/// <summary>
/// Applies the versioned SQL files in <c>Migrations/</c> with DbUp, journaled in
/// <c>schema_migrations</c>. An advisory lock lets several nodes start at once safely.
/// </summary>
public static class DatabaseMigrator
{
    // Any constant works; it only has to be the same on every node.
    private const long MigrationLockKey = 0x43617265_57617463;

    /// <summary>Applies pending migrations and returns the names of the scripts it ran.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLockKey);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        try
        {
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly)
                .JournalToPostgresqlTable("public", "schema_migrations")
                .WithTransactionPerScript()
                .LogTo(new NoOpUpgradeLog())
                .Build();
            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
                throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
            return result.Scripts.Select(s => s.Name).ToList();
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", MigrationLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Names of the scripts this build carries, in the order they apply.</summary>
    public static IReadOnlyList<string> KnownScripts() =>
        typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Names of the scripts recorded as applied in the database.</summary>
    public static async Task<IReadOnlyList<string>> AppliedScriptsAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT scriptname FROM public.schema_migrations ORDER BY scriptname
            """);
        var names = new List<string>();
        try
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // No journal yet: nothing applied.
        }
        return names;
    }
}
