using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.FirmwareSim.Routine;
using CareWatch.Protocol;
using CareWatch.Server.Tests.EndToEnd;
using CareWatch.Storage;
using CareWatch.TestSupport;
using CareWatch.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Monitoring;

/// <summary>
/// Training on demand through the admin API, from history stored in PostgreSQL, and a monitor that then
/// alerts with the learned model's explanation.
/// </summary>
public sealed class ModelLifecycleTests
{
    private const int HistoryDays = 8;

    [Fact]
    public async Task Train_WithStoredHistory_PromotesVersion1AndMonitorsExplainWithModel()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        // A 4 h floor at night too: 5 h of stillness then alerts at whatever hour the test runs, even when a
        // model trained on three people's eight days would wait longer at night than that.
        await using var server = await ServerHost.StartAsync(db.ConnectionString, "Training:NightlyAtUtc=", "Monitoring:SafetyFloorNight=04:00:00");
        await server.WaitUntilReadyAsync();
        var seniors = await StoreHistoryAsync(server, count: 3);

        using var response = await server.Admin.PostAsync("api/admin/models/train", null);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var models = await server.Admin.GetFromJsonAsync<JsonElement>("api/admin/models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, report.GetProperty("version").GetInt32());
        Assert.True(report.GetProperty("promoted").GetBoolean());
        Assert.True(report.GetProperty("candidate").GetProperty("emergencies").GetInt32() > 0);
        Assert.Equal("promoted", models[0].GetProperty("status").GetString());

        // The senior now lies still: the monitor, rebuilt on the new model, alerts with its explanation.
        await using var board = await AlertChannel.ConnectAsync(server);
        var now = Arrange.WholeMinute(TimeProvider.System.GetUtcNow().UtcDateTime);
        var still = Enumerable.Range(0, 300).Select(i => new MinuteSummary(now.AddMinutes(-300 + i), i % 7 == 0 ? 1 : 0, 0, true)).ToList();
        await WriteAsync(server, seniors[0], still, seq: 1_000_000);
        var alert = await board.NextAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(("inactivity", seniors[0].Id), (alert.Kind, alert.SeniorId));
        Assert.Matches(@"^Watch worn, no movement\. The learned model \(version [0-9]+\)", alert.Explanation);
    }

    [Fact]
    public async Task Train_NoHistory_Answers409WithReason()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString, "Training:NightlyAtUtc=");
        await server.WaitUntilReadyAsync();

        using var response = await server.Admin.PostAsync("api/admin/models/train", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("days of data", await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<SeniorRecord>> StoreHistoryAsync(ServerHost server, int count)
    {
        var directory = server.Services.GetRequiredService<SeniorDirectory>();
        var bureau = new { Id = await server.TestBureauAsync() }; // the bureau its Http client opens
        var seniors = new List<SeniorRecord>();
        var end = Arrange.WholeMinute(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-6));
        for (var s = 0; s < count; s++)
        {
            var senior = await directory.AddSeniorAsync(bureau.Id, $"Senior {s}", "Europe/Berlin");
            var routine = new DailyRoutine(seed: 100 + s, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
            var start = end.AddDays(-HistoryDays);
            var minutes = Enumerable.Range(0, HistoryDays * 1440).Select(i => routine.Minute(start.AddMinutes(i))).ToList();
            await WriteAsync(server, senior, minutes, seq: 0);
            seniors.Add(senior);
        }
        return seniors;
    }

    // Arranges history the way the gateway stores it, then tells the monitors, as ingestion does.
    private static async Task WriteAsync(ServerHost server, SeniorRecord senior, List<MinuteSummary> minutes, long seq)
    {
        var writer = server.Services.GetRequiredService<TelemetryWriter>();
        var device = "dev-" + senior.Id.ToString("N")[..8];
        var batches = minutes.Chunk(TelemetryLimits.MaxMinutesPerBatch)
            .Select((chunk, i) => new IncomingTelemetry(device, senior.Id, new TelemetryBatch(seq + i, 80, false, chunk, []), TimeProvider.System.GetUtcNow().UtcDateTime))
            .ToList();
        await writer.WriteAsync(batches);
        foreach (var observer in server.Services.GetServices<CareWatch.Gateway.Ingestion.ITelemetryObserver>())
            foreach (var b in batches)
                await observer.OnStoredAsync(new CareWatch.Gateway.Ingestion.StoredTelemetry(b.DeviceId, b.SeniorId, b.Batch), CancellationToken.None);
    }
}
