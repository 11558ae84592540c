using CareWatch.Storage;

namespace CareWatch.Server.Extensions;

/// <summary>With Demo:Seed=true, an empty database gets one bureau and a few seniors, so the demo has people to watch.</summary>
public static class DemoSeedExtensions
{
    /// <summary>Registers the seeder when the demo asks for it.</summary>
    public static WebApplicationBuilder AddCareWatchDemoSeed(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("Demo:Seed"))
        {
            builder.Services.AddSingleton<DemoAccounts>();
            builder.Services.AddHostedService<DemoSeeder>();
        }
        return builder;
    }
}

/// <summary>Seeds the demo bureau once the schema exists.</summary>
public sealed class DemoSeeder(SeniorDirectory directory, DemoAccounts accounts, ILogger<DemoSeeder> logger) : BackgroundService
{
    private const string BureauName = "Xicheng Neighbourhood Bureau (demo)";
    private static readonly string[] Names = ["Wang Shufen", "Li Guoqiang", "Zhang Meilan", "Liu Jianhua", "Chen Yuying"];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var bureau = await directory.FindBureauAsync(BureauName, stoppingToken);
                if (bureau is null)
                {
                    // Only an empty database gets the demo bureau; one with real bureaus is left alone.
                    if (await directory.CountBureausAsync(stoppingToken) > 0) return;
                    bureau = await directory.AddBureauAsync(BureauName, "Asia/Shanghai", stoppingToken);
                    foreach (var name in Names) await directory.AddSeniorAsync(bureau.Id, name, "Asia/Shanghai", stoppingToken);
                    logger.LogInformation("Seeded demo bureau with {Count} seniors", Names.Length);
                }
                var seniors = await directory.ListSeniorsAsync(stoppingToken);
                await accounts.EnsureAsync(bureau, seniors.First(s => s.BureauId == bureau.Id), stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The schema may not exist yet: migrations run concurrently at start.
                logger.LogDebug(ex, "Demo seed waiting for the database");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
