using System.Text.Json;
using CareWatch.Monitoring.Training;
using CareWatch.Server.Extensions;
using CareWatch.Storage;

namespace CareWatch.Server;

/// <summary>
/// <c>CareWatch.Server train-model [--Section:Key=value …]</c>: trains a model from the configured database
/// once, prints the report as JSON and exits (0 trained, 2 not enough history, 1 failed). Uses the server's
/// own composition, so it trains exactly as the nightly job does.
/// </summary>
public static class TrainModelCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var app = CareWatchApplication.Create(args);
        var connectionString = app.Configuration.GetConnectionString(StorageExtensions.ConnectionStringName)!;
        try
        {
            await DatabaseMigrator.MigrateAsync(connectionString);
            var report = await app.Services.GetRequiredService<ModelTrainingService>().TrainAsync(CancellationToken.None);
            Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = true }));
            return 0;
        }
        catch (NotEnoughHistoryException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"Training failed: {ex.Message}");
            return 1;
        }
    }
}
