using System.Net.Http.Json;
using CareWatch.Monitoring;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Apis;

public sealed class AlertsApiTests : ServerTest
{
    /// <summary>An alert as GET /api/alerts lists it (read independently of the server's own type).</summary>
    private sealed record Listed(long Id, string Kind, string Status, DateTime? StillSince, DateTime RaisedAt,
        DateTime? ClosedAt, DateTime StartedAt, int Version, DateTime UpdatedAt, DateTime? ShownUntil,
        string Explanation, string Reason);

    private AlertStore Store => Server.Services.GetRequiredService<AlertStore>();

    [Fact]
    public async Task List_RaisedWithStartedAt_ShowsWhenItBeganNotWhenRaised()
    {
        var senior = await Arrange.SeniorAsync(Server, "Started");
        var raisedAt = Arrange.MinutesAgo(1);
        var pressedAt = raisedAt.AddMinutes(-6);
        var still = await Arrange.SeniorAsync(Server, "Still");
        var stillSince = Arrange.MinutesAgo(200);

        var sos = await ArrangeAlerts.RaiseAsync(Server, senior.Id, AlertKinds.Sos, null, raisedAt, "SOS pressed.",
            startedAt: pressedAt);
        var inactivity = await ArrangeAlerts.RaiseAsync(Server, still.Id, AlertKinds.Inactivity, stillSince, raisedAt,
            "Still for 2 h 00 min since 09:00, watch worn. The fixed rule alerts after 2 h 00 min without movement.");
        var listed = await ListAsync();

        var listedSos = Assert.Single(listed, a => a.Id == sos.Id);
        Assert.Equal((pressedAt, raisedAt, 1), (listedSos.StartedAt, listedSos.RaisedAt, listedSos.Version));
        var listedInactivity = Assert.Single(listed, a => a.Id == inactivity.Id);
        Assert.Equal(stillSince, listedInactivity.StartedAt); // no startedAt given: the still period's start
        Assert.Equal("The fixed rule alerts after 2 h 00 min without movement.", listedInactivity.Reason);
        Assert.StartsWith("Still for 2 h 00 min", listedInactivity.Explanation);
        Assert.Equal([inactivity.Id, sos.Id], listed.Select(a => a.Id)); // longest waiting first
    }

    [Fact]
    public async Task List_AlertsClosedRecentlyAndLongAgo_ListsOnlyTheRecentOneWithItsNewVersion()
    {
        var recent = await Arrange.SeniorAsync(Server, "Recent");
        var old = await Arrange.SeniorAsync(Server, "Old");
        var open = await Arrange.SeniorAsync(Server, "Open");
        var raisedAt = Arrange.MinutesAgo(60);
        await ArrangeAlerts.RaiseAsync(Server, recent.Id, AlertKinds.Offline, null, raisedAt, "No data …");
        await ArrangeAlerts.RaiseAsync(Server, old.Id, AlertKinds.Offline, null, raisedAt, "No data …");
        var stillOpen = await ArrangeAlerts.RaiseAsync(Server, open.Id, AlertKinds.Offline, null, raisedAt, "No data …");
        var closedAt = Arrange.MinutesAgo(5);

        var cleared = await ArrangeAlerts.AutoResolveAsync(Server, recent.Id, AlertKinds.Offline, closedAt);
        await ArrangeAlerts.AutoResolveAsync(Server, old.Id, AlertKinds.Offline, Arrange.MinutesAgo(20));
        var listed = await ListAsync();

        Assert.Equal(new[] { cleared!.Id, stillOpen.Id }.Order(), listed.Select(a => a.Id).Order());
        var listedCleared = Assert.Single(listed, a => a.Id == cleared.Id);
        Assert.Equal(("resolved", 2, closedAt), (listedCleared.Status, listedCleared.Version, listedCleared.UpdatedAt));
        Assert.Equal(closedAt.AddMinutes(15), listedCleared.ShownUntil);
        Assert.Null(Assert.Single(listed, a => a.Id == stillOpen.Id).ShownUntil);
    }

    private async Task<List<Listed>> ListAsync() =>
        (await Server.Http.GetFromJsonAsync<List<Listed>>("api/alerts"))!;
}
