using Npgsql;

namespace CareWatch.Storage;

/// <summary>The application's PostgreSQL data source: the connection string as configured, with session settings CareWatch relies on.</summary>
public static class CareWatchDataSource
{
    /// <summary>
    /// Creates the data source. PostgreSQL's JIT is switched off for its sessions: CareWatch's statements are short
    /// and run thousands of times a second, and the planner's cost estimates for <c>unnest</c> of the writer's
    /// parameter arrays crossed the JIT threshold, so each batch write compiled LLVM code it ran once — about half
    /// of PostgreSQL's CPU at 3,000 messages/s (docs/performance-notes.md). Options the operator set are kept.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString) => Builder(connectionString).Build();

    /// <summary>The same, as a builder for callers that configure more (tracing).</summary>
    public static NpgsqlDataSourceBuilder Builder(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        settings.Options = string.IsNullOrWhiteSpace(settings.Options) ? "-c jit=off" : $"-c jit=off {settings.Options}";
        return new NpgsqlDataSourceBuilder(settings.ConnectionString);
    }
}
