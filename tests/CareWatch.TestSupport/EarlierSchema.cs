using CareWatch.Storage;
using DbUp;
using DbUp.Engine.Output;
using Xunit;

namespace CareWatch.TestSupport;

/// <summary>
/// A database as an older release left it: the migrations before one, journaled as the server journals them, so a
/// test can insert rows in the old shape and then let the real migrator (or server) apply the rest.
/// </summary>
public static class EarlierSchema
{
    /// <summary>Applies every migration whose number sorts before <paramref name="firstLeftOut"/> (e.g. "0017").</summary>
    public static void MigrateBefore(string connectionString, string firstLeftOut)
    {
        var result = DeployChanges.To.PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly,
                name => string.CompareOrdinal(name, "CareWatch.Storage.Migrations." + firstLeftOut) < 0)
            .JournalToPostgresqlTable("public", "schema_migrations")
            .LogTo(new NoOpUpgradeLog())
            .Build()
            .PerformUpgrade();
        Assert.True(result.Successful, result.Error?.Message);
    }
}
