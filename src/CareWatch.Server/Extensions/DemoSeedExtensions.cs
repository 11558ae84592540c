using CareWatch.Storage;

namespace CareWatch.Server.Extensions;

/// <summary>
/// With Demo:Seed=true, an empty database gets one bureau and a few seniors, so the demo has people to watch; with
/// Demo:ApiKey set (ops/demo.sh generates one into .carewatch/ and gives it to the server and the simulator), that
/// bureau gets the key, so the simulator can register its watches. Never commit a key: the value is the secret.
/// </summary>
public static class DemoSeedExtensions
{
    /// <summary>The demo bureau's name (also how a rerun finds it).</summary>
    public const string BureauName = "Xicheng Neighbourhood Bureau (demo)";

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

/// <summary>Seeds the demo bureau once the schema exists, and its API key whenever it is missing.</summary>
public sealed class DemoSeeder(SeniorDirectory directory, ApiKeyStore keys, DemoAccounts accounts,
    IConfiguration configuration, ILogger<DemoSeeder> logger) : BackgroundService
{
    private static readonly string[] Names = ["Wang Shufen", "Li Guoqiang", "Zhang Meilan", "Liu Jianhua", "Chen Yuying"];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SeedBureauAsync(stoppingToken);
                await SeedApiKeyAsync(stoppingToken);
                await SeedAccountsAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not ArgumentException)
            {
                // The schema may not exist yet: migrations run concurrently at start.
                logger.LogDebug(ex, "Demo seed waiting for the database");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task SeedBureauAsync(CancellationToken ct)
    {
        if (await directory.CountBureausAsync(ct) > 0) return;
        var bureau = await directory.AddBureauAsync(DemoSeedExtensions.BureauName, "Asia/Shanghai", ct);
        foreach (var name in Names) await directory.AddSeniorAsync(bureau.Id, name, "Asia/Shanghai", ct);
        logger.LogInformation("Seeded demo bureau with {Count} seniors", Names.Length);
    }

    // Also on every start: a database seeded before accounts existed gets its demo sign-ins on the next run.
    private async Task SeedAccountsAsync(CancellationToken ct)
    {
        if (await directory.FindBureauByNameForSystemAsync(DemoSeedExtensions.BureauName, ct) is not { } bureau) return;
        var seniors = await directory.ListSeniorsAsync(TenantScope.Bureau(bureau.Id), ct);
        if (seniors.Count > 0) await accounts.EnsureAsync(bureau, seniors[0], ct);
    }

    // Checked on every start, not only on the first: the key file in .carewatch/ and the database live apart, and
    // either may have been reset since.
    private async Task SeedApiKeyAsync(CancellationToken ct)
    {
        if (configuration["Demo:ApiKey"] is not { Length: > 0 } key) return;
        if (ApiKeyFormat.TryGetPrefix(key) is null)
        {
            logger.LogError("Demo:ApiKey is not a CareWatch API key (cwk_<16 hex>_<secret>); no demo key created");
            return;
        }
        if (await keys.VerifyAsync(key, ct) is not null) return;
        if (await directory.FindBureauByNameForSystemAsync(DemoSeedExtensions.BureauName, ct) is not { } bureau)
        {
            logger.LogWarning("No demo bureau to give Demo:ApiKey to (the database was not seeded by the demo)");
            return;
        }
        CreatedApiKey created;
        try { created = await keys.CreateAsync(TenantScope.Bureau(bureau.Id), "demo (ops/demo.sh)", key, ct); }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            // Same prefix, other secret (or revoked): a different key file than the one the database knows.
            logger.LogError("Demo:ApiKey's prefix belongs to another (or a revoked) key; delete .carewatch/demo-api-key to make a new one");
            return;
        }
        // The prefix is the key's public id; the secret part is never logged.
        logger.LogInformation("Created the demo API key {Prefix} for the demo bureau", created.Record.Prefix);
    }
}
