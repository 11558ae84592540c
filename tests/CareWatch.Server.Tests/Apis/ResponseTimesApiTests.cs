using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Monitoring;
using CareWatch.Monitoring.CheckIn;
using CareWatch.Monitoring.Lifecycle;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using People = CareWatch.Server.Tests.Support.Accounts;

namespace CareWatch.Server.Tests.Apis;

/// <summary>
/// GET /api/reports/response-times over alerts arranged at known instants, on a server whose clock is frozen on
/// Wednesday 2 December 2026 (ISO week 49), so the default week is 2026-W48: 23–29 November on Berlin's clock.
/// </summary>
public sealed class ResponseTimesApiTests : ServerTest
{
    private static readonly DateTime Now = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(Now);

    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    private AlertTransitions Transitions => Server.Services.GetRequiredService<AlertTransitions>();

    [Fact]
    public async Task Report_DefaultWeek_SharesReviewListOutcomesAndCheckIns()
    {
        var senior = await Arrange.SeniorInNewBureauAsync(Server, "Week Senior");
        var bureau = senior.BureauId;
        var staff = AlertActor.User((await People.CreateAsync(Server, CareWatchRoles.Staff, bureau)).Id);
        var a = await HandledAsync(bureau, AlertKinds.Sos, Utc(24, 10), 45_000, AlertOutcomes.SeniorOk, staff);
        var b = await HandledAsync(bureau, AlertKinds.Fall, Utc(25, 8), 120_200, AlertOutcomes.FalseAlarm, staff);
        var c = await HandledAsync(bureau, AlertKinds.Inactivity, Utc(26, 12), 300_000, null, staff);
        var e = await OpenAsync(bureau, AlertKinds.Sos, Utc(29, 20)); // Sunday 21:00 in Berlin, never acknowledged
        await OpenAsync(bureau, AlertKinds.Sos, new DateTime(2026, 11, 22, 22, 30, 0, DateTimeKind.Utc)); // Sunday of W47
        await CancelledCheckInAsync(bureau, Utc(27, 7));

        using var http = Server.ClientAs(CareWatchRoles.Supervisor, bureau);
        var report = await http.GetFromJsonAsync<JsonElement>("api/reports/response-times");

        Assert.Equal(("2026-W48", "Europe/Berlin", new DateTime(2026, 11, 22, 23, 0, 0, DateTimeKind.Utc)),
            (report.GetProperty("week").GetString(), report.GetProperty("timeZone").GetString(),
             report.GetProperty("from").GetDateTime().ToUniversalTime()));
        Assert.Equal((4, 1, 2, 0.25, 0.5), (report.GetProperty("alarmsOpened").GetInt32(),
            report.GetProperty("acknowledgedWithin60Seconds").GetInt32(),
            report.GetProperty("acknowledgedWithin3Minutes").GetInt32(),
            report.GetProperty("shareWithin60Seconds").GetDouble(), report.GetProperty("shareWithin3Minutes").GetDouble()));
        var alerts = report.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal([a, b, c, e], alerts.Select(x => x.GetProperty("alertId").GetInt64()));
        Assert.Equal([45L, 121L, 300L], alerts.Take(3).Select(x => x.GetProperty("secondsToAcknowledge").GetInt64()));
        Assert.Equal("Test staff", alerts[0].GetProperty("acknowledgedBy").GetString());
        Assert.All(alerts, x => Assert.Contains(x.GetProperty("severity").GetString(), new[] { "low", "high", "critical" }));
        var review = report.GetProperty("forReview").EnumerateArray().ToList();
        Assert.Equal([c, e], review.Select(x => x.GetProperty("alertId").GetInt64()));
        Assert.Equal((long)(Now - Utc(29, 20)).TotalSeconds, review[1].GetProperty("secondsWaiting").GetInt64());
        Assert.Equal(["fall/false-alarm/1", "sos/senior-ok/1"], report.GetProperty("outcomes").EnumerateArray()
            .Select(o => $"{o.GetProperty("kind")}/{o.GetProperty("outcome")}/{o.GetProperty("count")}"));
        Assert.Equal("fall", Assert.Single(report.GetProperty("falseAlarms").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal((1, 1, 0), (report.GetProperty("checkIns").GetProperty("asked").GetInt32(),
            report.GetProperty("checkIns").GetProperty("answered").GetInt32(),
            report.GetProperty("checkIns").GetProperty("escalated").GetInt32()));
    }

    [Fact]
    public async Task Report_NamedWeekOrBadWeekOrAnotherBureau_ThatWeekOr400OrNothingOfTheirs()
    {
        var senior = await Arrange.SeniorInNewBureauAsync(Server, "Named Week");
        var earlier = await OpenAsync(senior.BureauId, AlertKinds.Sos, new DateTime(2026, 11, 22, 22, 30, 0, DateTimeKind.Utc));
        var other = await Arrange.SeniorInNewBureauAsync(Server, "Other Bureau");
        using var http = Server.ClientAs(CareWatchRoles.Supervisor, senior.BureauId);
        using var foreign = Server.ClientAs(CareWatchRoles.Supervisor, other.BureauId);

        var w47 = await http.GetFromJsonAsync<JsonElement>("api/reports/response-times?week=2026-W47");
        using var bad = await http.GetAsync("api/reports/response-times?week=2026-W54");
        var theirs = await foreign.GetFromJsonAsync<JsonElement>("api/reports/response-times?week=2026-W47");

        Assert.Equal(earlier, Assert.Single(w47.GetProperty("alerts").EnumerateArray()).GetProperty("alertId").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Empty(theirs.GetProperty("alerts").EnumerateArray());
    }

    private static DateTime Utc(int day, int hour) => new(2026, 11, day, hour, 0, 0, DateTimeKind.Utc);

    // Raised open at the instant (opened_at), far from any sweep's due time, for a senior of its own.
    private async Task<long> OpenAsync(Guid bureau, string kind, DateTime at) => (await RaiseAsync(bureau, kind, at)).Id;

    private async Task<AlertRecord> RaiseAsync(Guid bureau, string kind, DateTime at, string state = AlertStates.Open)
    {
        var senior = await Server.Services.GetRequiredService<SeniorDirectory>().AddSeniorAsync(bureau, "S", "Europe/Berlin");
        var raised = await Transitions.RaiseAsync(new NewAlert(senior.Id, kind, AlertSeverities.For(kind), state, null, at,
            "Arranged."), MonitorChanges.Monitor, at);
        return raised.Alert;
    }

    private async Task<long> HandledAsync(Guid bureau, string kind, DateTime openedAt, int ackAfterMs, string? outcome,
        AlertActor staff)
    {
        var alert = await RaiseAsync(bureau, kind, openedAt);
        var acknowledgedAt = openedAt.AddMilliseconds(ackAfterMs);
        var acknowledged = await Transitions.ApplyAsync(alert.Id, alert.Version,
            StaffChanges.Acknowledge(alert, staff, acknowledgedAt, []), acknowledgedAt);
        if (outcome is not null)
        {
            var at = acknowledgedAt.AddMinutes(10);
            await Transitions.ApplyAsync(alert.Id, acknowledged.Alert!.Version,
                StaffChanges.Resolve(acknowledged.Alert, staff, outcome, null, at, []), at);
        }
        return alert.Id;
    }

    private async Task CancelledCheckInAsync(Guid bureau, DateTime at)
    {
        var alert = await RaiseAsync(bureau, AlertKinds.Inactivity, at, AlertStates.Checking);
        var okAt = at.AddMinutes(1);
        await Transitions.ApplyAsync(alert.Id, alert.Version, MonitorChanges.Cancelled(alert, okAt, okAt), okAt);
    }
}
