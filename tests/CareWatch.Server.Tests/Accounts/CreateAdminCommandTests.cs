using System.Diagnostics;
using System.Net;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;
using Npgsql;

namespace CareWatch.Server.Tests.Accounts;

/// <summary><c>CareWatch.Server.dll create-admin</c> run as an operator runs it: a process, the password piped in.</summary>
public sealed class CreateAdminCommandTests : ServerTest
{
    [Fact]
    public async Task CreateAdmin_PasswordOnStdin_CreatesAnAdminWhoCanSignIn()
    {
        const string password = "a long admin passphrase";

        var (exit, output) = await RunAsync(password, "--user-name", "first-admin", "--display-name", "First Admin");

        Assert.True(exit == 0, output);
        Assert.DoesNotContain(password, output, StringComparison.Ordinal);
        await using var cmd = new NpgsqlConnection(Db.ConnectionString).CreateCommand();
        await cmd.Connection!.OpenAsync();
        cmd.CommandText = "SELECT id, role, bureau_id IS NULL AND senior_id IS NULL, position(@p in password_hash) FROM users WHERE user_name = 'first-admin'";
        cmd.Parameters.AddWithValue("p", password);
        Guid id;
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            Assert.True(await r.ReadAsync());
            id = r.GetGuid(0);
            Assert.Equal("admin", r.GetString(1));
            Assert.True(r.GetBoolean(2));
            Assert.Equal(0, r.GetInt32(3));
        }
        Assert.Equal(1L, await Db.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'account.created' AND subject = @id AND actor_kind = 'system'",
            ("id", id.ToString())));
        using var admin = await Support.Accounts.SignInAsync(Server, new TestAccount(id, "first-admin", password, "admin"));
        using var models = await admin.Http.GetAsync("api/admin/models");
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
    }

    [Fact]
    public async Task CreateAdmin_ShortPassword_RefusedAndNothingCreated()
    {
        var (exit, output) = await RunAsync("short", "--user-name", "weak-admin");

        Assert.Equal(1, exit);
        Assert.Contains("12", output, StringComparison.Ordinal);
        await using var cmd = new NpgsqlConnection(Db.ConnectionString).CreateCommand();
        await cmd.Connection!.OpenAsync();
        cmd.CommandText = "SELECT count(*) FROM users";
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
    }

    private async Task<(int Exit, string Output)> RunAsync(string password, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CareWatch.Server.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in (string[])[dll, "create-admin", .. args, $"--ConnectionStrings:CareWatch={Db.ConnectionString}",
                     "--Logging:LogLevel:Default=Warning", $"--Gateway:DataDirectory={Path.GetTempPath()}"])
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
