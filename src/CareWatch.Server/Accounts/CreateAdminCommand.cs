using System.CommandLine;
using CareWatch.Server.Audit;
using CareWatch.Server.Extensions;
using CareWatch.Storage;
using CareWatch.Storage.Accounts;
using CareWatch.Storage.Audit;
using Microsoft.AspNetCore.Identity;

namespace CareWatch.Server.Accounts;

/// <summary>
/// <c>CareWatch.Server create-admin --user-name NAME [--display-name TEXT] [--Section:Key=value …]</c>: creates an
/// administrator account on the configured database. The password is read from standard input (typed without echo,
/// or piped), never from the command line, so it is in no shell history or process list. There is no default admin
/// and no default password: this command is how the first one is made (docs/operations.md).
/// Exit codes: 0 created, 1 refused (name taken, password too weak, bad arguments).
/// </summary>
public static class CreateAdminCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var userName = new Option<string>("--user-name") { Description = "Sign-in name of the new admin", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "Name shown to colleagues (default: the user name)" };
        var root = new RootCommand("Creates a CareWatch administrator; reads the password from standard input") { userName, displayName };
        root.TreatUnmatchedTokensAsErrors = false; // --Section:Key=value settings go to the server's configuration
        root.SetAction((result, ct) => CreateAsync(result.GetValue(userName)!, result.GetValue(displayName),
            [.. result.UnmatchedTokens], ct));
        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<int> CreateAsync(string userName, string? displayName, string[] settings, CancellationToken ct)
    {
        var password = ReadPassword();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("No password given on standard input.");
            return 1;
        }
        await using var app = CareWatchApplication.Create(settings);
        await DatabaseMigrator.MigrateAsync(app.Configuration.GetConnectionString(StorageExtensions.ConnectionStringName)!);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var account = new UserAccount
        {
            Id = Guid.CreateVersion7(now), UserName = userName.Trim(), DisplayName = (displayName ?? userName).Trim(),
            Role = CareWatchRoles.Admin, CreatedAt = now.UtcDateTime,
        };
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors) await Console.Error.WriteLineAsync(error.Description);
            return 1;
        }
        // Recorded by the command (no one is signed in), without the name: the id is what the log keeps.
        await app.Services.GetRequiredService<IAuditTrail>().RecordAsync(AuditActor.System("create-admin"),
            AuditActions.AccountCreated, null, account.Id.ToString(), new { role = account.Role }, ct: ct);
        Console.WriteLine($"Created admin '{account.UserName}' ({account.Id}).");
        return 0;
    }

    // Piped: one line. At a terminal: typed without echo.
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected) return Console.In.ReadLine();
        Console.Error.Write("Password (at least 12 characters): ");
        var typed = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is { Key: not ConsoleKey.Enter } key)
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}
