using CareWatch.Storage;
using Npgsql;

namespace CareWatch.TestSupport;

/// <summary>
/// A fresh, migrated database on the private PostgreSQL cluster that <c>ops/test.sh</c> starts.
/// Each test class gets its own database, so classes run in parallel without seeing each other's rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private TestDatabase(string name, string connectionString, string admin)
    {
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
        _admin = admin;
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>Connection string to this database.</summary>
    public string ConnectionString { get; }

    /// <summary>A data source on this database, for assertions.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The cluster's admin connection string from <c>CAREWATCH_TEST_PG</c>.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("CAREWATCH_TEST_PG")
        ?? throw new InvalidOperationException(
            "CAREWATCH_TEST_PG is not set. Run the tests with ./ops/test.sh, which starts a private PostgreSQL.");

    /// <summary>
    /// Creates an empty database; migrate it with <paramref name="migrate"/>. It lives on the cluster that
    /// <c>ops/test.sh</c> started, or on the one <paramref name="adminConnectionString"/> names (a
    /// <see cref="PrivateCluster"/>).
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(bool migrate = true, string? adminConnectionString = null)
    {
        var name = "cw_test_" + Guid.NewGuid().ToString("N")[..16];
        adminConnectionString ??= AdminConnectionString;
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
        if (migrate) await DatabaseMigrator.MigrateAsync(cs);
        return new TestDatabase(name, cs, adminConnectionString);
    }

    /// <summary>Runs a scalar query, for assertions.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var (n, v) in parameters) cmd.Parameters.AddWithValue(n, v);
        var result = await cmd.ExecuteScalarAsync();
        return (T)Convert.ChangeType(result!, typeof(T));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_admin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
