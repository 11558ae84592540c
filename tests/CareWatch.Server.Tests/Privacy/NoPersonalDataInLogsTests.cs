using System.Net;
using System.Net.Http.Json;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareWatch.Server.Tests.Privacy;

/// <summary>
/// An end-to-end run at Information level — demo seed, a watch registered and connected, an alert raised, a consent,
/// an export, an erasure, a failed sign-in — whose whole log (messages and structured values) names no senior, representative, key,
/// SAS token or connection string.
/// </summary>
public sealed class NoPersonalDataInLogsTests
{
    private const string Name = "Philippa Quennell-Ashworth";
    private const string Representative = "Reginald Fairweather";
    private const string WrongPassword = "not-her-password-4711";
    private static readonly string[] DemoNames = ["Wang Shufen", "Li Guoqiang", "Zhang Meilan", "Liu Jianhua", "Chen Yuying"];

    [Fact]
    public async Task EndToEndRun_InformationLog_HoldsNoNamesKeysTokensOrConnectionStrings()
    {
        var log = new CapturedLog();
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString, services =>
            services.AddSingleton<ILoggerProvider>(log), "Logging:LogLevel:Default=Information", "Logging:LogLevel:CareWatch=Debug", "Demo:Seed=true",
            "Monitoring:StillAlertAfter=00:10:00", "Monitoring:StillAlertAfterNight=00:10:00");
        await server.WaitUntilReadyAsync();
        await Eventually.TrueAsync(async () => await db.ScalarAsync<long>("SELECT count(*) FROM seniors") == DemoNames.Length,
            "the demo seed ran");

        var senior = await Arrange.SeniorAsync(server, Name);
        var device = await Arrange.WatchAsync(server, senior.Id);
        await using (var watch = Arrange.Connect(server, device))
        {
            var start = Arrange.MinutesAgo(30);
            await watch.SendAsync([.. Arrange.Minutes(start, 5, movement: 140), .. Arrange.Minutes(start.AddMinutes(5), 12, movement: 2)], null);
            await Eventually.TrueAsync(async () => await db.ScalarAsync<long>(
                "SELECT count(*) FROM alerts WHERE senior_id = @s", ("s", senior.Id)) == 1, "an inactivity alert was raised");
        }
        using var supervisor = server.ClientAs("supervisor", senior.BureauId);
        (await supervisor.PostAsJsonAsync($"api/seniors/{senior.Id}/consents", new
        {
            givenBy = "legal-representative", representative = Representative, purposes = new[] { "monitoring" },
        })).EnsureSuccessStatusCode();
        using (var export = await supervisor.GetAsync($"api/seniors/{senior.Id}/export"))
            Assert.Contains(Name, await export.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await supervisor.DeleteAsync($"api/seniors/{senior.Id}")).StatusCode);
        var key = device.ConnectionString.Split("SharedAccessKey=")[1];
        var staff = await Support.Accounts.CreateAsync(server, "staff", senior.BureauId);
        var (browser, _) = Support.Accounts.Browser(server);
        using (browser)
        using (var refused = await Support.Accounts.PostLoginAsync(browser, staff.UserName, WrongPassword))
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode); // refused, not signed in

        var lines = log.Lines;
        Assert.Contains(lines, l => l.Contains(senior.Id.ToString()) && l.Contains("for senior") && l.Contains("raised")); // the capture sees Information
        string[] secrets =
        [
            Name, Representative, WrongPassword, .. DemoNames, key, "SharedAccessKey", "SharedAccessSignature", "sig=", db.ConnectionString,
            device.ConnectionString,
        ];
        var leaks = lines.SelectMany(l => secrets.Where(s => l.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"{s} in: {l}"));
        Assert.Empty(leaks);
    }
}
