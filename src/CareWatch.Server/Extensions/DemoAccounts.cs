using CareWatch.Server.Audit;
using CareWatch.Server.Accounts;
using CareWatch.Storage;
using CareWatch.Storage.Accounts;
using CareWatch.Storage.Audit;
using Microsoft.AspNetCore.Identity;

namespace CareWatch.Server.Extensions;

/// <summary>
/// The demo's sign-ins: one account per role, all with the password in <c>Demo:Password</c>, which ops/demo.sh
/// generates once per checkout (never committed, never a default). The relative is linked to Wang Shufen (the first demo senior).
/// Accounts that exist are left alone, so a rerun keeps them (and whatever password they were given).
/// </summary>
public sealed class DemoAccounts(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time,
    IAuditTrail audit, ILogger<DemoAccounts> logger)
{
    /// <summary>The demo's staff member (on duty in the demo's rota).</summary>
    public const string StaffUserName = "demo-staff";

    /// <summary>The demo's relative (Wang Shufen's son, linked to his contact row).</summary>
    public const string RelativeUserName = "demo-relative";

    /// <summary>The demo's user names by role (ops/demo.sh prints the same list).</summary>
    public static readonly IReadOnlyList<(string UserName, string Role)> Users =
    [
        (StaffUserName, CareWatchRoles.Staff), ("demo-supervisor", CareWatchRoles.Supervisor),
        (RelativeUserName, CareWatchRoles.Relative), ("demo-admin", CareWatchRoles.Admin),
    ];

    /// <summary>The id of the demo account <paramref name="userName"/>, or null when it does not exist (no password).</summary>
    public async Task<Guid?> IdOfAsync(string userName)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        return (await users.FindByNameAsync(userName))?.Id;
    }

    /// <summary>Creates the demo accounts that are missing for <paramref name="bureau"/> and the senior whose relative signs in.</summary>
    public async Task EnsureAsync(BureauRecord bureau, SeniorRecord relativesSenior, CancellationToken ct)
    {
        var password = configuration["Demo:Password"];
        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("Demo:Password is not set: no demo sign-ins were created");
            return;
        }
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        foreach (var (userName, role) in Users)
        {
            if (await users.FindByNameAsync(userName) is not null) continue;
            var account = new UserAccount
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()), UserName = userName, DisplayName = userName, Role = role,
                BureauId = role is CareWatchRoles.Staff or CareWatchRoles.Supervisor ? bureau.Id : null,
                SeniorId = role == CareWatchRoles.Relative ? relativesSenior.Id : null, CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(account, password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo account {role}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            await audit.RecordAsync(AuditActor.System("demo-seed"), AuditActions.AccountCreated, account.BureauId,
                account.Id.ToString(), new { role }, account.SeniorId, ct);
        }
        logger.LogInformation("Demo sign-ins ready ({Count} accounts)", Users.Count);
    }
}
