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
            builder.Services.AddSingleton<DemoEscalation>();
            builder.Services.AddHostedService<DemoSeeder>();
        }
        return builder;
    }
}

/// <summary>
/// Seeds the demo bureau once the schema exists, and its API key, sign-ins and escalation (<see cref="DemoEscalation"/>)
/// whenever they are missing.
/// </summary>
public sealed class DemoSeeder(SeniorDirectory directory, ApiKeyStore keys, DemoAccounts accounts,
    DemoEscalation escalation, DatabaseSchema schema, IConfiguration configuration, ILogger<DemoSeeder> logger) : BackgroundService
{
    private static readonly string[] Names = ["Wang Shufen", "Li Guoqiang", "Zhang Meilan", "Liu Jianhua", "Chen Yuying"];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await schema.Migrated.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SeedBureauAsync(stoppingToken) is not { } bureau) return;
                await SeedApiKeyAsync(bureau, stoppingToken);
                await SeedAccountsAsync(bureau, stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not ArgumentException)
            {
                // PostgreSQL may be unreachable for a moment: try again.
                logger.LogDebug(ex, "Demo seed waiting for the database");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    // The demo bureau: found again on a rerun, created in an empty database, else none (a database with real
    // bureaus gets no demo).
    private async Task<BureauRecord?> SeedBureauAsync(CancellationToken ct)
    {
        var found = await directory.FindBureauByNameForSystemAsync(DemoSeedExtensions.BureauName, ct);
        if (found is not null) return found;
        if (await directory.CountBureausAsync(ct) > 0)
        {
            logger.LogWarning("No demo bureau to seed (the database was not seeded by the demo)");
            return null;
        }
        var bureau = await directory.AddBureauAsync(DemoSeedExtensions.BureauName, "Asia/Shanghai", ct);
        foreach (var name in Names) await directory.AddSeniorAsync(bureau.Id, name, "Asia/Shanghai", ct);
        logger.LogInformation("Seeded demo bureau with {Count} seniors", Names.Length);
        return bureau;
    }

    // Also on every start: a database seeded before accounts existed gets its demo sign-ins on the next run.
    private async Task SeedAccountsAsync(BureauRecord bureau, CancellationToken ct)
    {
        var seniors = await directory.ListSeniorsAsync(TenantScope.Bureau(bureau.Id), ct);
        // The relative is Wang Shufen's, as ops/demo.sh says (the list is by name, so not simply the first).
        var mother = seniors.FirstOrDefault(s => s.DisplayName == Names[0]) ?? seniors.FirstOrDefault();
        if (mother is not null) await accounts.EnsureAsync(bureau, mother, ct);
        // After the accounts: demo-staff's shift needs the account.
        await escalation.EnsureAsync(bureau, seniors, await accounts.IdOfAsync(DemoAccounts.StaffUserName), ct);
        if (mother is not null && await accounts.IdOfAsync(DemoAccounts.RelativeUserName) is { } relative)
            await escalation.EnsureRelativeContactAsync(bureau, mother, relative, ct);
    }

    // Checked on every start, not only on the first: the key file in .carewatch/ and the database live apart, and
    // either may have been reset since.
    private async Task SeedApiKeyAsync(BureauRecord bureau, CancellationToken ct)
    {
        if (configuration["Demo:ApiKey"] is not { Length: > 0 } key) return;
        if (ApiKeyFormat.TryGetPrefix(key) is null)
        {
            logger.LogError("Demo:ApiKey is not a CareWatch API key (cwk_<16 hex>_<secret>); no demo key created");
            return;
        }
        if (await keys.VerifyAsync(key, ct) is not null) return;
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
