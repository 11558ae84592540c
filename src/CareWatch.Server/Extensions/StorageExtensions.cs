using System.Diagnostics;
using CareWatch.Storage;
using Npgsql;

namespace CareWatch.Server.Extensions;

/// <summary>PostgreSQL: the data source, the stores, and migrations at start.</summary>
public static class StorageExtensions
{
    /// <summary>The connection string's name in configuration (ConnectionStrings:CareWatch).</summary>
    public const string ConnectionStringName = "CareWatch";

    /// <summary>Registers the data source and stores, and applies migrations in the background at start.</summary>
    public static WebApplicationBuilder AddCareWatchStorage(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set (environment: ConnectionStrings__{ConnectionStringName}).");
        // Queries are traced only inside a trace (a message, a request, a delivery): the dispatchers' and sweeps' polls
        // would otherwise each make a trace of one span, several a second, which nobody reads.
        builder.Services.AddSingleton(_ => CareWatchDataSource.Builder(connectionString)
            .ConfigureTracing(tracing => tracing
                .ConfigureCommandFilter(_ => Activity.Current is not null)
                .ConfigureBatchFilter(_ => Activity.Current is not null)
                .EnablePhysicalOpenTracing(false))
            .Build());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DeviceRegistry>();
        builder.Services.AddSingleton<SeniorDirectory>();
        builder.Services.AddSingleton<AlertStore>();
        builder.Services.AddSingleton<CareWatch.Storage.Alerts.OutboxWakeup>();
        builder.Services.AddSingleton<CareWatch.Storage.Alerts.AlertTransitions>();
        builder.Services.AddSingleton<ActivityHistory>();
        builder.Services.AddSingleton<SeniorActivityReader>();
        builder.Services.AddSingleton<CareWatch.Storage.Alerts.SeniorAlertHistory>();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<CareWatch.Storage.Accounts.NotificationPreferencesStore>();
        builder.Services.AddSingleton<DatabaseSchema>();
        builder.Services.AddHostedService(sp => new DatabaseMigrationService(connectionString,
            sp.GetRequiredService<DatabaseSchema>(), sp.GetRequiredService<ILogger<DatabaseMigrationService>>()));
        return builder;
    }
}
