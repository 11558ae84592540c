using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Monitoring;
using CareWatch.Server.Tests.Privacy;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Apis;

/// <summary>Export and erasure through the API, against the real server, gateway, grains and PostgreSQL.</summary>
public sealed class PrivacyApiTests(PrivacyServer fixture) : IClassFixture<PrivacyServer>
{
    [Fact]
    public async Task Export_SupervisorOfHerBureau_StreamedJsonWithHerMinutesAndAudited()
    {
        var senior = await fixture.SeniorAsync("Hildegard Exportowa");
        var device = await Arrange.WatchAsync(fixture.Server, senior.Id);
        await using var watch = Arrange.Connect(fixture.Server, device);
        var sent = await watch.SendAsync(Arrange.Minutes(Arrange.MinutesAgo(20), 5, movement: 120), null);
        await fixture.Server.Monitors.SeenAsync(device.DeviceId, sent.Seq);
        using var supervisor = fixture.Supervisor(senior.BureauId);

        using var response = await supervisor.GetAsync($"api/seniors/{senior.Id}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        Assert.Equal("Hildegard Exportowa", json.RootElement.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("minutes").GetArrayLength());
        Assert.DoesNotContain("SharedAccessKey", text);
        Assert.DoesNotContain(device.ConnectionString.Split("SharedAccessKey=")[1], text);
        var audit = await supervisor.GetFromJsonAsync<JsonElement>("api/audit?action=senior.exported");
        Assert.Equal(senior.Id.ToString(), Assert.Single(audit.GetProperty("entries").EnumerateArray()).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task ExportAndErase_OtherBureauStaffOrAnonymous_404Or403Or401AndNothingChanges()
    {
        var senior = await fixture.SeniorAsync("Gerda Fremd");
        var other = await fixture.SeniorAsync("Someone Else");
        using var foreign = fixture.Supervisor(other.BureauId);
        using var staff = fixture.Staff(senior.BureauId);
        using var anonymous = new HttpClient { BaseAddress = fixture.Server.BaseAddress };

        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"api/seniors/{senior.Id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.DeleteAsync($"api/seniors/{senior.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"api/seniors/{senior.Id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"api/seniors/{senior.Id}/erase", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"api/seniors/{senior.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("api/audit")).StatusCode);
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM seniors WHERE id = @id", ("id", senior.Id)));
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE senior_id = @id", ("id", senior.Id)));
    }

    [Fact]
    public async Task Erase_SeniorWithConnectedWatch_EveryTraceGoneWatchClosedAndMonitorForgets()
    {
        const string name = "Wilhelmina Vergessen";
        var senior = await fixture.SeniorAsync(name);
        var device = await Arrange.WatchAsync(fixture.Server, senior.Id);
        await using var watch = Arrange.Connect(fixture.Server, device);
        var sent = await watch.SendAsync(Arrange.Minutes(Arrange.MinutesAgo(30), 20, movement: 90), null);
        await fixture.Server.Monitors.SeenAsync(device.DeviceId, sent.Seq);
        var grains = fixture.Server.Services.GetRequiredService<IGrainFactory>();
        Assert.NotNull((await grains.GetGrain<ISeniorMonitorGrain>(senior.Id).GetSnapshotAsync()).LastMinute);
        var relative = await Support.Accounts.CreateAsync(fixture.Server, "relative", seniorId: senior.Id);
        using var supervisor = fixture.Supervisor(senior.BureauId);

        using var response = await supervisor.DeleteAsync($"api/seniors/{senior.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var erased = await response.Content.ReadFromJsonAsync<JsonElement>();
        var pseudonym = erased.GetProperty("pseudonym").GetString()!;
        await Eventually.TrueAsync(() => !watch.IsConnected, "the erased senior's watch is disconnected");
        var traces = await DatabaseTraces.FindAsync(fixture.Db, senior.Id.ToString(), name, relative.Id.ToString(), relative.UserName);
        Assert.Empty(traces);
        Assert.Null((await grains.GetGrain<ISeniorMonitorGrain>(senior.Id).GetSnapshotAsync()).LastMinute);
        Assert.False(await fixture.Db.ScalarAsync<bool>("SELECT enabled FROM devices WHERE device_id = @d", ("d", device.DeviceId)));
        var audit = await supervisor.GetFromJsonAsync<JsonElement>("api/audit?action=senior.erased");
        Assert.Equal(pseudonym, audit.GetProperty("entries")[0].GetProperty("subject").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"api/seniors/{senior.Id}/export")).StatusCode);
    }
}
