using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace CareWatch.Server.Tests.Extensions;

public sealed class HealthApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ready_SmtpRelayDown_AnswersEveryDependencyAndStaysReadyWithSmtpDegraded()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        var nobodyListens = FreePort.Next(); // taken from the pool, never bound
        await using var server = await ServerHost.StartAsync(db.ConnectionString,
            "Smtp:Host=127.0.0.1", $"Smtp:Port={nobodyListens}", "Smtp:Tls=None", "Smtp:From=CareWatch <a@carewatch.test>");
        await server.WaitUntilReadyAsync();

        using var ready = await server.Http.GetAsync("health/ready");
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode); // mail waits in the outbox: the node still takes alarms
        Assert.Equal("Degraded", checks.GetProperty("smtp").GetProperty("status").GetString());
        Assert.Contains("SMTP relay", checks.GetProperty("smtp").GetProperty("reason").GetString());
        foreach (var name in new[] { "database", "gateway", "orleans" })
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
        Assert.Contains("1 active silo", checks.GetProperty("orleans").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Ready_DatabaseStoppedThenRestarted_Turns503WithReasonThen200()
    {
        await using var cluster = await PrivateCluster.StartAsync();
        await using var server = await ServerHost.StartAsync(cluster.ConnectionString);
        await server.WaitUntilReadyAsync();

        await cluster.StopAsync();
        using var whileDown = await server.Http.GetAsync("health/ready");
        var body = JsonDocument.Parse(await whileDown.Content.ReadAsStringAsync()).RootElement;
        using var liveWhileDown = await server.Http.GetAsync("health/live");

        await cluster.StartAgainAsync();
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        Assert.Contains("PostgreSQL unreachable", body.GetProperty("checks").GetProperty("database").GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, liveWhileDown.StatusCode);
    }

    [Fact]
    public async Task Ready_DatabaseFrozen_Answers503WithinTheCheckBudgetThenRecovers()
    {
        await using var cluster = await PrivateCluster.StartAsync();
        // Npgsql's own defaults (15 s to connect, 30 s per command), as a production connection string has them.
        var defaults = new NpgsqlConnectionStringBuilder(cluster.ConnectionString)
        {
            Timeout = 15,
            CommandTimeout = 30,
        };
        await using var server = await ServerHost.StartAsync(defaults.ConnectionString);
        await server.WaitUntilReadyAsync();

        var answers = new List<(HttpStatusCode Status, string? Reason, TimeSpan Took)>();
        await using (await cluster.FreezeAsync())
        {
            // Several probes in a row, as a load balancer sends them: the later ones find the earlier ones' hung
            // connections and must not queue behind them.
            for (var i = 0; i < 3; i++) answers.Add(await ProbeAsync(server));
        }
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        output.WriteLine("503 after " + string.Join(", ", answers.Select(a => $"{a.Took.TotalSeconds:0.00} s")));
        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status);
            Assert.Contains("PostgreSQL", a.Reason);
            // The check's budget is 3 s; the bound leaves room for a loaded 2-core machine. Before the budget,
            // probes hung for 6-40 s.
            Assert.True(a.Took < TimeSpan.FromSeconds(10), $"503 took {a.Took.TotalSeconds:0.0} s");
        });
    }

    private static async Task<(HttpStatusCode, string?, TimeSpan)> ProbeAsync(ServerHost server)
    {
        var watch = Stopwatch.StartNew();
        // Long enough that a hung check shows as a slow answer rather than as a client timeout.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await server.Http.GetAsync("health/ready", guard.Token);
        var took = watch.Elapsed;
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var reason = body.GetProperty("checks").GetProperty("database").GetProperty("reason").GetString();
        return (response.StatusCode, reason, took);
    }

    [Fact]
    public async Task Start_SecondTime_AppliesNoMigrationAgain()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using (var first = await ServerHost.StartAsync(db.ConnectionString))
            await first.WaitUntilReadyAsync();
        var appliedAfterFirst = await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations");

        await using (var second = await ServerHost.StartAsync(db.ConnectionString))
            await second.WaitUntilReadyAsync();

        Assert.Equal(DatabaseMigrator.KnownScripts().Count, appliedAfterFirst);
        Assert.Equal(appliedAfterFirst, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Ready_DatabaseNeverReachable_Answers503AndLiveAnswers200()
    {
        var nowhere = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = FreePort.Next(), Username = "postgres", Timeout = 2 };
        await using var server = await ServerHost.StartAsync(nowhere.ConnectionString);

        using var ready = await server.Http.GetAsync("health/ready");
        using var live = await server.Http.GetAsync("health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
