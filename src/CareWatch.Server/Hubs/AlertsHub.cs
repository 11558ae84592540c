using CareWatch.Server.Accounts;
using CareWatch.Storage;
using Microsoft.AspNetCore.SignalR;

namespace CareWatch.Server.Hubs;

/// <summary>What the board's browser receives.</summary>
public interface IAlertsClient
{
    /// <summary>An alert was raised or changed (checking, open, acknowledged, resolved, cancelled, a comment…).</summary>
    Task AlertChanged(AlertView alert);

    /// <summary>This person is called about an alert: an escalation step or a reminder names them.</summary>
    Task AlertCalled(AlertCall call);

    /// <summary>A wellbeing insight (routine change) was recorded.</summary>
    Task InsightAdded(InsightView insight);

    /// <summary>A senior's tile on the seniors board changed (bureau boards only: <see cref="SeniorStateFeed"/>).</summary>
    Task SeniorStateChanged(Apis.SeniorStateView state);
}

/// <summary>A wellbeing insight as the board shows it.</summary>
/// <param name="Summary">The English sentence stored with it.</param>
/// <param name="Facts">What changed, from which pages word it in the reader's language (empty for older insights).</param>
public sealed record InsightView(long Id, Guid SeniorId, string SeniorName, string SeniorTimeZone, string Kind, DateTime CreatedAt,
    string Summary, IReadOnlyList<InsightFact>? Facts = null)
{
    /// <summary>Maps a stored insight.</summary>
    public static InsightView From(InsightRecord i) =>
        new(i.Id, i.SeniorId, i.SeniorName, i.SeniorTimeZone, i.Kind, DateTime.SpecifyKind(i.CreatedAt, DateTimeKind.Utc), i.Summary,
            InsightFact.Read(i.DetailsJson));
}

/// <summary>
/// Live alerts for the staff board. Clients load the alerts with GET /api/alerts on every (re)connect and
/// merge pushes by <see cref="AlertView.Version"/>, so a push missed while disconnected, or one that arrives
/// while the load is under way, is never lost. A connection joins the group of its bureau, or a relative's the
/// group of their senior, from its claims when it connects; there is no client method to join another.
/// </summary>
public sealed class AlertsHub : Hub<IAlertsClient>
{
    /// <summary>Where the hub is mapped.</summary>
    public const string Path = "/hubs/alerts";

    /// <summary>The group of a bureau's boards.</summary>
    public static string BureauGroup(Guid bureauId) => $"bureau:{bureauId}";

    /// <summary>The group of a senior's relatives.</summary>
    public static string SeniorGroup(Guid seniorId) => $"senior:{seniorId}";

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        // The hub's policy admits only principals with a scope; aborting covers a mapping that lost it.
        var scope = Context.User?.Scope();
        if (scope is null)
        {
            Context.Abort();
            return;
        }
        var group = scope.BureauId is { } bureau ? BureauGroup(bureau) : SeniorGroup(scope.SeniorId!.Value);
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Answers once this connection has joined its group: SignalR dispatches a client's calls only after
    /// <see cref="OnConnectedAsync"/> has finished, while the handshake completes before it. A page calls it before
    /// loading its picture, so no push falls between the load and the join.
    /// </summary>
    public Task Ready() => Task.CompletedTask;
}
