using System.Text.Json.Nodes;
using CareWatch.Storage;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests;

/// <summary>Every scoped query, with two bureaus' rows in the database: a scope sees its own and nothing else.</summary>
public sealed class TenantScopeTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private TestDatabase _db = null!;
    private SeniorDirectory _directory = null!;
    private DeviceRegistry _registry = null!;
    private SeniorRecord _a = null!, _a2 = null!, _b = null!;
    private TenantScope _bureauA = null!, _bureauB = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _directory = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        _registry = new DeviceRegistry(_db.DataSource, TimeProvider.System, new MarkedDeviceKeys());
        var a = await _directory.AddBureauAsync("A", "Europe/Berlin");
        var b = await _directory.AddBureauAsync("B", "Asia/Shanghai");
        (_bureauA, _bureauB) = (TenantScope.Bureau(a.Id), TenantScope.Bureau(b.Id));
        _a = await _directory.AddSeniorAsync(a.Id, "Anna", "Europe/Berlin");
        _a2 = await _directory.AddSeniorAsync(a.Id, "Arne", "Europe/Berlin");
        _b = await _directory.AddSeniorAsync(b.Id, "Bai", "Asia/Shanghai");
        await _registry.CreateAsync(_bureauA, "wa", _a.Id);
        await _registry.CreateAsync(_bureauA, "wa2", _a2.Id);
        await _registry.CreateAsync(_bureauA, "wa-spare", null);
        await _registry.CreateAsync(_bureauB, "wb", _b.Id);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task ListSeniorsAsync_BureauAndRelativeScopes_OnlyTheirSeniors()
    {
        Assert.Equal(["Anna", "Arne"], (await _directory.ListSeniorsAsync(_bureauA)).Select(s => s.DisplayName));
        Assert.Equal(["Bai"], (await _directory.ListSeniorsAsync(_bureauB)).Select(s => s.DisplayName));
        Assert.Equal(["Arne"], (await _directory.ListSeniorsAsync(TenantScope.Senior(_a2.Id))).Select(s => s.DisplayName));
    }

    [Fact]
    public async Task FindSeniorAsync_OtherBureausSenior_Null()
    {
        Assert.Null(await _directory.FindSeniorAsync(_bureauA, _b.Id));
        Assert.Null(await _directory.FindSeniorAsync(TenantScope.Senior(_a.Id), _a2.Id));
        Assert.Equal(_b.Id, (await _directory.FindSeniorAsync(_bureauB, _b.Id))?.Id);
    }

    [Fact]
    public async Task DeviceStatusReader_BureauScope_OwnWatchesIncludingUnassigned()
    {
        var reader = new DeviceStatusReader(_db.DataSource);

        Assert.Equal(["wa", "wa-spare", "wa2"], (await reader.ListAsync(_bureauA, null)).Select(d => d.DeviceId));
        Assert.Equal(["wb"], (await reader.ListAsync(_bureauB, null)).Select(d => d.DeviceId));
        Assert.Empty(await reader.ListAsync(_bureauB, _a.Id));
        Assert.Equal(["wa2"], (await reader.ListAsync(TenantScope.Senior(_a2.Id), null)).Select(d => d.DeviceId));
        Assert.Null(await reader.FindAsync(_bureauB, "wa"));
        Assert.NotNull(await reader.FindAsync(_bureauA, "wa-spare"));
    }

    [Fact]
    public async Task DeviceRegistry_OtherBureausWatch_EveryOperationFindsNothingAndChangesNothing()
    {
        Assert.False(await _registry.ExistsAsync(_bureauB, "wa"));
        Assert.False(await _registry.SetEnabledAsync(_bureauB, "wa", false));
        Assert.False(await _registry.AssignAsync(_bureauB, "wa", null));
        Assert.Null(await _registry.RegenerateKeyAsync(_bureauB, "wa", DeviceKey.Primary));
        Assert.False(await _registry.DeleteAsync(_bureauB, "wa"));

        var untouched = await _registry.FindForGatewayAsync("wa");
        Assert.Equal((true, (Guid?)_a.Id), (untouched!.Enabled, untouched.SeniorId));
    }

    [Fact]
    public async Task DeviceRegistry_OtherBureausSenior_NeitherCreatedWithNorAssigned()
    {
        Assert.Null(await _registry.CreateAsync(_bureauA, "wa-foreign", _b.Id));
        Assert.False(await _registry.AssignAsync(_bureauA, "wa", _b.Id));

        Assert.Null(await _registry.FindForGatewayAsync("wa-foreign"));
        Assert.Equal(_a.Id, (await _registry.FindForGatewayAsync("wa"))!.SeniorId);
        Assert.True(await _registry.AssignAsync(_bureauA, "wa", _a2.Id));
    }

    [Fact]
    public async Task DeviceTwinStore_OtherBureausWatch_NotReadNorPatched()
    {
        var twins = new DeviceTwinStore(_db.DataSource, TimeProvider.System);

        Assert.Null(await twins.GetAsync(_bureauB, "wa"));
        Assert.Null(await twins.PatchDesiredAsync(_bureauB, "wa", new JsonObject { ["x"] = 1 }));
        Assert.Equal(2, await twins.PatchDesiredAsync(_bureauA, "wa", new JsonObject { ["x"] = 1 }));
        Assert.Equal(1, (int)(await twins.GetForDeviceAsync("wa"))!.Desired["x"]!);
    }

    [Fact]
    public async Task AlertBoardAndInsights_EachScope_OnlyItsSeniors()
    {
        var alerts = new AlertStore(_db.DataSource);
        var insights = new InsightStore(_db.DataSource);
        foreach (var s in new[] { _a, _a2, _b })
        {
            await Support.RaiseForTest.RaiseAsync(_db.DataSource, s.Id, "inactivity", T0, T0.AddHours(1), "Still.");
            await insights.AddIfNoneOpenAsync(s.Id, "routine-drift", T0, "Later mornings.", "{}");
        }

        Assert.Equal([_a.Id, _a2.Id], (await alerts.ListOpenOrClosedSinceAsync(_bureauA, T0)).Select(a => a.SeniorId).Order());
        Assert.Equal([_b.Id], (await alerts.ListOpenOrClosedSinceAsync(_bureauB, T0)).Select(a => a.SeniorId));
        Assert.Equal([_a2.Id], (await alerts.ListOpenOrClosedSinceAsync(TenantScope.Senior(_a2.Id), T0)).Select(a => a.SeniorId));
        Assert.Equal([_b.Id], (await insights.ListOpenAsync(_bureauB)).Select(i => i.SeniorId));
        Assert.All(await insights.ListOpenAsync(_bureauA), i => Assert.Equal(_bureauA.BureauId, i.BureauId));
    }
}
