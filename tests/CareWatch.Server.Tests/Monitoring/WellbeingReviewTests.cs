using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Monitoring;

/// <summary>The routine-drift review through the admin API: an insight, not an alert.</summary>
public sealed class WellbeingReviewTests
{
    [Fact]
    public async Task Review_SeniorMuchQuieterLately_RecordsInsightOnceAndListsIt()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString, "Training:NightlyAtUtc=");
        await server.WaitUntilReadyAsync();
        var senior = await StoreHistoryAsync(server, days: 18, quietLastDays: 4);

        using var first = await server.Admin.PostAsync("api/admin/wellbeing/review", null);
        var added = await first.Content.ReadFromJsonAsync<JsonElement>();
        using var second = await server.Admin.PostAsync("api/admin/wellbeing/review", null);
        var addedAgain = await second.Content.ReadFromJsonAsync<JsonElement>();
        var open = await server.Http.GetFromJsonAsync<JsonElement>("api/insights");

        Assert.Equal(1, added.GetArrayLength());
        Assert.Equal(senior.Id, added[0].GetProperty("seniorId").GetGuid());
        Assert.StartsWith("Routine changed: Much less activity than usual", added[0].GetProperty("summary").GetString());
        Assert.Equal(0, addedAgain.GetArrayLength()); // one open insight per senior and kind
        Assert.Equal(1, open.GetArrayLength());
        // The facts the pages word in each reader's language: 4 quiet days of 7 read as much less activity.
        var fact = open[0].GetProperty("facts")[0];
        Assert.Equal("less-activity", fact.GetProperty("kind").GetString());
        Assert.True(fact.GetProperty("recent").GetDouble() <= -0.3);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM alerts"));
    }

    [Fact]
    public async Task Review_OrdinaryDays_RecordsNothing()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString, "Training:NightlyAtUtc=");
        await server.WaitUntilReadyAsync();
        await StoreHistoryAsync(server, days: 18, quietLastDays: 0);

        using var response = await server.Admin.PostAsync("api/admin/wellbeing/review", null);

        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
    }

    // Days of a plain routine (moving by day, still at night); the last days at a quarter of the movement.
    private static async Task<SeniorRecord> StoreHistoryAsync(ServerHost server, int days, int quietLastDays)
    {
        var directory = server.Services.GetRequiredService<SeniorDirectory>();
        var bureau = new { Id = await server.TestBureauAsync() }; // the bureau its Http client opens
        var senior = await directory.AddSeniorAsync(bureau.Id, "Greta Lind", "UTC");
        var end = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        var start = end.AddDays(-days);
        var random = new Random(5);
        var minutes = Enumerable.Range(0, days * 1440).Select(i =>
        {
            var t = start.AddMinutes(i);
            var moving = t.Hour is >= 7 and < 22 ? random.NextDouble() < 0.6 : random.NextDouble() < 0.03;
            var movement = moving ? random.Next(50, 500) : random.Next(0, 3);
            if (t >= end.AddDays(-quietLastDays)) movement /= 4;
            return new MinuteSummary(t, movement, 0, true);
        }).ToList();
        var writer = server.Services.GetRequiredService<TelemetryWriter>();
        await writer.WriteAsync(minutes.Chunk(TelemetryLimits.MaxMinutesPerBatch)
            .Select((chunk, i) => new IncomingTelemetry("w-greta", senior.Id, new TelemetryBatch(i, 80, false, chunk, []), end)).ToList());
        return senior;
    }
}
