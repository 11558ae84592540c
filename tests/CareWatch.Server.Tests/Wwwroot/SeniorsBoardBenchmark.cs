using System.Text.Json;
using CareWatch.Server.Accounts;
using CareWatch.Server.Apis;
using CareWatch.Server.Hubs;
using CareWatch.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>
/// ops/bench.sh seniors-board: /Seniors with 2,000 seniors in Chromium. Time to first render (the page's
/// "seniors:first-render" mark: navigation to the list on screen, the API call included) over fresh page loads, and
/// the cost of applying pushes ("seniors:update" measures), with the page's batching and content-visibility and
/// without them (?bench=plain). Prints markdown rows for docs/benchmarks.md.
/// </summary>
public sealed class SeniorsBoardBenchmark(ITestOutputHelper output) : ServerTest
{
    private const int Seniors = 2000;
    private const int Loads = 5;
    private const int Pushes = 400;

    // A benchmark, not a test: ops/test.sh leaves the Benchmark category out (filtered, never skipped) and
    // ops/bench.sh seniors-board runs it on its own.
    [Fact, Trait("Category", "Benchmark")]
    public async Task SeniorsBoard_2000Seniors_FirstRenderAndPerUpdateCost()
    {
        var bureau = await Server.TestBureauAsync();
        await SeedAsync(bureau);
        await using var browser = await Board.LaunchAsync();
        var page = browser.Page;
        var staff = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, bureau);
        await Board.SignInAsync(page, Server, staff);
        var tiles = await SeniorTiles.ListAsync(Server.Http);
        var api = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await SeniorTiles.ListAsync(Server.Http);
            api.Add(watch.Elapsed.TotalMilliseconds);
        }
        output.WriteLine($"| GET /api/seniors/states, {tiles.Count} seniors, median of 10 (ms) | {Median(api):F1} |");
        output.WriteLine("| variant | first render, median of 5 (ms) | update batches | per batch, median (ms) "
            + "| per tile (ms) |");
        foreach (var variant in new[] { "", "?bench=plain" })
        {
            var firsts = new List<double>();
            for (var i = 0; i < Loads; i++)
            {
                await page.GotoAsync(new Uri(Server.HttpsAddress, "Seniors" + variant).ToString());
                await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
                firsts.Add(await MarkAsync(page, "seniors:first-paint"));
            }
            var hub = Server.Services.GetRequiredService<IHubContext<AlertsHub, IAlertsClient>>();
            var random = new Random(12);
            for (var i = 0; i < Pushes; i++)
            {
                var t = tiles[random.Next(tiles.Count)];
                await hub.Clients.Group(AlertsHub.BureauGroup(bureau)).SeniorStateChanged(View(t, battery: i % 100));
            }
            // The last push names a senior with battery 99 (i = 399): wait until the page has applied every push.
            await page.WaitForFunctionAsync($"() => performance.getEntriesByName('seniors:update')" +
                $".reduce((n, e) => n + e.detail.tiles, 0) >= {Pushes} - 50");
            var updates = JsonDocument.Parse(await page.EvaluateAsync<string>(
                "() => JSON.stringify(performance.getEntriesByName('seniors:update')"
                + ".map(e => [e.duration, e.detail.tiles]))"))
                .RootElement.EnumerateArray().Select(e => (Ms: e[0].GetDouble(), Tiles: e[1].GetInt32())).ToList();
            var perTile = updates.Sum(u => u.Ms) / Math.Max(1, updates.Sum(u => u.Tiles));
            var name = variant == "" ? "batched + content-visibility" : "plain";
            output.WriteLine($"| {name} | {Median(firsts):F0} | " +
                $"{updates.Count} | {Median(updates.Select(u => u.Ms).ToList()):F2} | {perTile:F3} |");
        }
    }

    private static SeniorStateView View(ReceivedSeniorState t, int battery) => new(
        t.SeniorId, t.Name, t.TimeZone, battery < 15 ? SeniorState.BatteryLow : SeniorState.Active, null, null, battery,
        battery < 15, false, true, DateTime.UtcNow, null, null, null, DateTime.UtcNow);

    private static async Task<double> MarkAsync(IPage page, string name)
    {
        await page.WaitForFunctionAsync($"() => performance.getEntriesByName('{name}').length > 0");
        return await page.EvaluateAsync<double>($"() => performance.getEntriesByName('{name}')[0].startTime");
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? double.NaN : values[values.Count / 2];
    }

    // 2,000 seniors with a watch each, in a mix of states, straight into the test's own database.
    private async Task SeedAsync(Guid bureau)
    {
        await Db.ScalarAsync<int>("""
            WITH s AS (
                INSERT INTO seniors (id, bureau_id, display_name, time_zone, created_at)
                SELECT gen_random_uuid(), @bureau, 'Bench senior ' || lpad(g::text, 4, '0'), 'Europe/Berlin', now()
                FROM generate_series(1, @n) g RETURNING id),
            d AS (
            INSERT INTO devices (device_id, senior_id, bureau_id, primary_key, secondary_key, created_at, last_seen_at,
                                 battery, charging, last_connected_at, last_disconnected_at)
            SELECT 'bench-' || s.id, s.id, @bureau, 'k', 'k', now(), now() - interval '1 minute',
                   (random() * 100)::int, random() < 0.05, now() - interval '1 hour',
                   CASE WHEN random() < 0.05 THEN now() - interval '10 minutes' END
            FROM s RETURNING device_id, senior_id),
            -- Up to the last 60 minutes before now, of today's UTC day row (minute_days, migration 0024).
            slot AS (
            SELECT date_trunc('day', now() - interval '1 minute', 'UTC') AS day,
                   (extract(epoch FROM date_trunc('minute', now()) - interval '1 minute'
                    - date_trunc('day', now() - interval '1 minute', 'UTC')) / 60)::int AS last),
            m AS (
            INSERT INTO minute_days (device_id, senior_id, day, present, worn, movement, steps, last_minute)
            SELECT d.device_id, d.senior_id, slot.day, b.bits, b.bits,
                   array_fill(10, ARRAY[1440]), array_fill(0::smallint, ARRAY[1440]), slot.last
            FROM d, slot, LATERAL (SELECT (repeat('0', greatest(slot.last - 59, 0))
                                           || repeat('1', slot.last + 1 - greatest(slot.last - 59, 0))
                                           || repeat('0', 1439 - slot.last))::bit(1440) AS bits) b
            RETURNING 1),
            st AS (
            INSERT INTO senior_still (senior_id, still_since, last_minute, updated_at)
            SELECT d.senior_id, now() - interval '40 minutes', date_trunc('minute', now()), now()
            FROM d WHERE random() < 0.5 RETURNING 1)
            SELECT (SELECT count(*) FROM m)::int + (SELECT count(*) FROM st)::int
            """, ("bureau", bureau), ("n", Seniors));
    }
}
