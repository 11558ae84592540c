using CareWatch.Server.Tests.EndToEnd;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.Monitoring;

/// <summary>
/// A decision to alert is not done until the alert row is committed. The database really refuses the write
/// (a trigger on <c>alerts</c> fails the first N inserts), and the alert must still appear.
/// </summary>
public sealed class AlertDurabilityTests
{
    private static readonly string[] FastRule =
        ["Monitoring:StillAlertAfter=00:10:00", "Monitoring:StillAlertAfterNight=00:10:00", "Monitoring:AlertRetryEvery=00:00:01"];

    [Fact]
    public async Task Raise_WriteFailsBeyondQuickRetries_AlertAppearsOnceTheDatabaseTakesIt()
    {
        await using var db = await TestDatabase.CreateAsync();
        await BreakAlertInsertsAsync(db, failures: 6); // more than the quick retries: the grain's timer must retry
        await using var server = await ServerHost.StartAsync(db.ConnectionString, FastRule);
        await server.WaitUntilReadyAsync();
        var senior = await Arrange.SeniorAsync(server, "Greta Lange");
        var device = await Arrange.WatchAsync(server, senior.Id);
        await using var board = await AlertChannel.ConnectAsync(server);
        await using var watch = Arrange.Connect(server, device);

        var start = Arrange.MinutesAgo(20);
        await watch.SendAsync([.. Arrange.Minutes(start, 5, movement: 200), .. Arrange.Minutes(start.AddMinutes(5), 15, movement: 0)], null);
        var alert = await board.NextAsync(TimeSpan.FromSeconds(60));

        // Raised checking; the watch is then unreachable for the prompt, and staff are called. The push carries the
        // alert as it is when delivered, so on a busy machine the first one may already say "open".
        Assert.Equal(("inactivity", start.AddMinutes(5)), (alert.Kind, alert.StillSince));
        Assert.Contains(alert.Status, new[] { "checking", "open" });
        Assert.True(await AttemptsAsync(db) > 6, "the write was retried past its failures");
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM alerts"));
    }

    [Fact]
    public async Task Raise_WriteFailsUntilTheServerRestarts_AlertRaisedByTheNextNode()
    {
        await using var db = await TestDatabase.CreateAsync();
        await BreakAlertInsertsAsync(db, failures: 1_000_000);
        var senior = default(Storage.SeniorRecord);
        var device = default(WatchIdentity);
        var start = Arrange.MinutesAgo(20);
        await using (var first = await ServerHost.StartAsync(db.ConnectionString, FastRule))
        {
            await first.WaitUntilReadyAsync();
            senior = await Arrange.SeniorAsync(first, "Lotte Braun");
            device = await Arrange.WatchAsync(first, senior.Id);
            await using var watch = Arrange.Connect(first, device);
            var sent = await watch.SendAsync([.. Arrange.Minutes(start, 5, movement: 200), .. Arrange.Minutes(start.AddMinutes(5), 15, movement: 0)], null);
            await first.Monitors.SeenAsync(device.DeviceId, sent.Seq);
            await Eventually.TrueAsync(async () => await AttemptsAsync(db) >= 4, "the first node tried to store the alert");
        }
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM alerts"));
        await RepairAlertInsertsAsync(db);

        await using var second = await ServerHost.StartAsync(db.ConnectionString, FastRule);
        await second.WaitUntilReadyAsync();
        await using var board = await AlertChannel.ConnectAsync(second);
        await using var again = Arrange.Connect(second, device);
        await again.SendAsync(Arrange.Minutes(start.AddMinutes(20), 1, movement: 0), null); // her next minute wakes her monitor
        var alert = await board.NextAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(("inactivity", senior.Id, start.AddMinutes(5)), (alert.Kind, alert.SeniorId, alert.StillSince));
    }

    private static async Task BreakAlertInsertsAsync(TestDatabase db, int failures)
    {
        // A sequence, not a table: nextval survives the rollback of the failed insert.
        await using var cmd = db.DataSource.CreateCommand($"""
            CREATE SEQUENCE test_alert_attempts;
            CREATE FUNCTION test_break_alert_insert() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('test_alert_attempts') <= {failures} THEN
                    RAISE EXCEPTION 'alert insert broken by the test';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_break_alert_insert BEFORE INSERT ON alerts FOR EACH ROW EXECUTE FUNCTION test_break_alert_insert();
            """);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task RepairAlertInsertsAsync(TestDatabase db)
    {
        await using var cmd = db.DataSource.CreateCommand("DROP TRIGGER test_break_alert_insert ON alerts");
        await cmd.ExecuteNonQueryAsync();
    }

    private static Task<long> AttemptsAsync(TestDatabase db) =>
        db.ScalarAsync<long>("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM test_alert_attempts");
}
