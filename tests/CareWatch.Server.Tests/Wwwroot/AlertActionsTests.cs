using CareWatch.Monitoring;
using CareWatch.Monitoring.CheckIn;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>The board's Acknowledge and Resolve buttons (wwwroot/js/alert-actions.js) in a real browser.</summary>
public sealed class AlertActionsTests : ServerTest
{
    private AlertTransitions Transitions => Server.Services.GetRequiredService<AlertTransitions>();

    [Fact]
    public async Task Acknowledge_ClickOnAnOpenCard_AcknowledgedAndOnlyResolveLeft()
    {
        var alert = await OpenSosAsync("Greta Button");
        await using var board = await Board.LaunchAsync();
        await board.OpenAsync(Server);
        var card = board.Cards.Filter(new() { HasText = "Greta Button" });

        await card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true }).ClickAsync();

        await Assertions.Expect(card.Locator(".status-word")).ToHaveTextAsync("Acknowledged");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true })).ToBeHiddenAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(AlertStates.Acknowledged, (await Transitions.FindAsync(alert.Id))!.Status);
    }

    [Fact]
    public async Task Resolve_SomeoneElseChangedItFirst_SaysSoShowsTheCurrentAlertThenResolvesWithTheOutcome()
    {
        var alert = await OpenSosAsync("Hanna Stale");
        await using var board = await Board.LaunchAsync();
        await board.OpenAsync(Server);
        var card = board.Cards.Filter(new() { HasText = "Hanna Stale" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        // A colleague took it and the board has not heard yet (no push): the card still shows version 1.
        await using (var cmd = Server.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
            "UPDATE alerts SET status = 'acknowledged', acknowledged_at = now(), next_step_at = NULL WHERE id = @id"))
        {
            cmd.Parameters.AddWithValue("id", alert.Id);
            await cmd.ExecuteNonQueryAsync();
        }

        await ResolveAsync(board, card, "False alarm");
        await Assertions.Expect(card.Locator(".action-status"))
            .ToHaveTextAsync("Someone else changed this alert — reloaded");
        await Assertions.Expect(card.Locator(".status-word")).ToHaveTextAsync("Acknowledged");
        await ResolveAsync(board, card, "Senior is OK", "Was in the garden.");

        await Assertions.Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bclosed\b"));
        await Assertions.Expect(card.Locator(".action-status")).ToHaveTextAsync("");
        // The closed card says who handled it and what they found, not just that it closed.
        await Assertions.Expect(card.Locator(".outcome")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(
            "^Resolved by Test staff at .+: Senior is OK — “Was in the garden\\.”$"));
        var stored = (await Transitions.FindAsync(alert.Id))!;
        Assert.Equal((AlertStates.Resolved, AlertOutcomes.SeniorOk), (stored.Status, stored.Outcome));
    }

    [Fact]
    public async Task Board_Relative_SeesTheCardWithoutButtons()
    {
        var alert = await OpenSosAsync("Ida Family");
        var relative = await Support.Accounts.CreateAsync(Server, CareWatch.Server.Accounts.CareWatchRoles.Relative,
            seniorId: alert.SeniorId);
        await using var board = await Board.LaunchAsync();

        await Board.SignInAsync(board.Page, Server, relative); // lands on /Family
        await board.Page.GotoAsync(Server.HttpsAddress.ToString());

        await Assertions.Expect(board.Cards.Locator(".name")).ToHaveTextAsync(["Ida Family"]);
        await Assertions.Expect(board.Page.Locator("#insights")).ToHaveCountAsync(0);
        await Assertions.Expect(board.Page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
        await Assertions.Expect(board.Page.Locator("#resolve-dialog")).ToHaveCountAsync(0);
    }

    private static async Task ResolveAsync(Board board, ILocator card, string outcome, string? note = null)
    {
        await card.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true }).ClickAsync();
        var dialog = board.Page.Locator("#resolve-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel(outcome).CheckAsync();
        if (note is not null) await dialog.GetByLabel("Note (optional)").FillAsync(note);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Resolve alert" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }

    // Open at once, its chain due in an hour, so nothing but the test changes it.
    private async Task<AlertRecord> OpenSosAsync(string name)
    {
        var senior = await Arrange.SeniorAsync(Server, name);
        var at = TimeProvider.System.GetUtcNow().UtcDateTime;
        var raised = await Transitions.RaiseAsync(new NewAlert(senior.Id, AlertKinds.Sos, AlertSeverity.Critical,
            AlertStates.Open, null, at, "SOS pressed.", NextStepAt: at.AddHours(1)), MonitorChanges.Monitor, at);
        return raised.Alert;
    }
}
