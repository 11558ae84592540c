using CareWatch.Monitoring;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.EndToEnd;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Hubs;

/// <summary>The outbox's SignalR channel: a call for one person reaches that person's boards only.</summary>
public sealed class SignalRNotificationChannelTests : ServerTest
{
    [Fact]
    public async Task CallForOnePerson_ReachesTheirBoard_NotTheirColleagues()
    {
        var senior = await Arrange.SeniorAsync(Server, "Li Xiuying");
        var anaAccount = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        var benAccount = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        using var ana = await Support.Accounts.SignInAsync(Server, anaAccount);
        using var ben = await Support.Accounts.SignInAsync(Server, benAccount);
        await using var anaBoard = await AlertChannel.ConnectAsync(Server, ana);
        await using var benBoard = await AlertChannel.ConnectAsync(Server, ben);
        await new SeniorAlertsFor(Server, senior.Id).RaiseAsync(AlertKinds.Sos, null, "SOS pressed.");
        var raised = await anaBoard.NextAsync();

        await CallAsync(raised.Id, anaAccount.Id, NotificationKinds.AlertOpen);
        var anaCalled = await anaBoard.NextCallAsync();
        // Then Ben is called: calls on one connection keep their order, so had Ana's reached him it would come first.
        await CallAsync(raised.Id, benAccount.Id, NotificationKinds.Reminder);
        var benCalled = await benBoard.NextCallAsync();

        Assert.Equal((raised.Id, NotificationKinds.AlertOpen), (anaCalled.Alert.Id, anaCalled.Kind));
        Assert.Equal((raised.Id, NotificationKinds.Reminder), (benCalled.Alert.Id, benCalled.Kind));
        Assert.Equal("Li Xiuying", benCalled.Alert.SeniorName);
    }

    // Queued as an escalation step queues it: with a transition of the alert, through the outbox.
    private async Task CallAsync(long alertId, Guid userId, string kind)
    {
        var transitions = Server.Services.GetRequiredService<AlertTransitions>();
        var alert = (await transitions.FindAsync(alertId))!;
        var change = new AlertChange(AlertEvents.Reminded, AlertActor.System("test"), [AlertStates.Open]) { PushToBoards = false }
            .Notify(new OutboxMessage(OutboxChannels.SignalR, $"user:{userId}", kind, true, $"test:{{alert}}:v{{version}}:{userId}"));
        var result = await transitions.ApplyAsync(alert.Id, alert.Version, change, DateTime.UtcNow);
        Assert.True(result.Applied);
    }
}
