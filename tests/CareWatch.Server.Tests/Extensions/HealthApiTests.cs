using System.Net;
using System.Text.Json;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Npgsql;

namespace CareWatch.Server.Tests.Extensions;

public sealed class HealthApiTests
{
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
