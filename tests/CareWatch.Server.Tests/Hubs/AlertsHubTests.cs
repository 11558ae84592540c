using CareWatch.Monitoring;
using CareWatch.Server.Tests.EndToEnd;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Hubs;

public sealed class AlertsHubTests : ServerTest
{
    [Fact]
    public async Task AlertChanged_PushForBureauA_ReachesOnlyBureauAsBoards()
    {
        var a = await Arrange.SeniorAsync(Server, "Anna");
        var b = await Arrange.SeniorInNewBureauAsync(Server, "Bai");
        await using var boardA = await AlertChannel.ConnectAsync(Server);
        await using var boardB = await AlertChannel.ConnectAsync(Server, b.BureauId);

        await new SeniorAlertsFor(Server, a.Id).RaiseAsync(AlertKinds.Sos, null, "SOS pressed.");
        var atA = await boardA.NextAsync();
        // A later push to B arrives at B, so B's connection works; pushes on one connection keep their order, so had
        // B received A's alert it would have come first.
        await new SeniorAlertsFor(Server, b.Id).RaiseAsync(AlertKinds.Sos, null, "SOS pressed.");
        var atB = await boardB.NextAsync();
        // And the other way round: A's next change is its own (its condition ended: an event, it stays open), not B's.
        await new SeniorAlertsFor(Server, a.Id).ClearAsync(AlertKinds.Sos);
        var nextAtA = await boardA.NextAsync();

        Assert.Equal(a.Id, atA.SeniorId);
        Assert.Equal(b.Id, atB.SeniorId);
        Assert.Equal((a.Id, atA.Id, "open"), (nextAtA.SeniorId, nextAtA.Id, nextAtA.Status));
    }
}
