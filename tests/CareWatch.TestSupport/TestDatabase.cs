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

    // One migrated database per test process on the ops/test.sh cluster, copied for every test that wants a migrated
    // one: CREATE DATABASE … TEMPLATE takes a fraction of a second where the 26 migrations take seconds of both
    // cores, and a suite creates hundreds of databases.
    private static readonly Lazy<Task<string>> MigratedTemplate = new(() => CreateTemplateAsync(AdminConnectionString));

    /// <summary>
    /// Creates a database, migrated unless <paramref name="migrate"/> is false (then empty, for migration tests). It
    /// lives on the cluster that <c>ops/test.sh</c> started, or on the one <paramref name="adminConnectionString"/> names
    /// (a <see cref="PrivateCluster"/>, which gets no template: it may be stopped and replaced under the same name).
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(bool migrate = true, string? adminConnectionString = null)
    {
        var name = "cw_test_" + Guid.NewGuid().ToString("N")[..16];
        var fromTemplate = migrate && adminConnectionString is null;
        adminConnectionString ??= AdminConnectionString;
        var template = fromTemplate ? await MigratedTemplate.Value : null;
        await ExecuteAsync(adminConnectionString,
            template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
        var cs = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
        if (migrate && template is null) await DatabaseMigrator.MigrateAsync(cs);
        return new TestDatabase(name, cs, adminConnectionString);
    }

    // Migrated without pooling: a copy fails while any session is connected to its template. Connections to it are
    // then refused, so no test can change what every later database starts from.
    private static async Task<string> CreateTemplateAsync(string adminConnectionString)
    {
        var name = "cw_template_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE {name}");
        var cs = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = false };
        await DatabaseMigrator.MigrateAsync(cs.ConnectionString);
        await ExecuteAsync(adminConnectionString, $"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false");
        return name;
    }

    private static async Task ExecuteAsync(string adminConnectionString, string sql)
    {
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, admin);
        await cmd.ExecuteNonQueryAsync();
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
