using CareWatch.Storage;
using Microsoft.AspNetCore.SignalR;

namespace CareWatch.Server.Hubs;

/// <summary>What the board's browser receives.</summary>
public interface IAlertsClient
{
    /// <summary>An alert was raised or changed state (open, cleared, resolved).</summary>
    Task AlertChanged(AlertView alert);

    /// <summary>A wellbeing insight (routine change) was recorded.</summary>
    Task InsightAdded(InsightView insight);
}

/// <summary>A wellbeing insight as the board shows it.</summary>
public sealed record InsightView(long Id, Guid SeniorId, string SeniorName, string SeniorTimeZone, string Kind, DateTime CreatedAt, string Summary)
{
    /// <summary>Maps a stored insight.</summary>
    public static InsightView From(InsightRecord i) =>
        new(i.Id, i.SeniorId, i.SeniorName, i.SeniorTimeZone, i.Kind, DateTime.SpecifyKind(i.CreatedAt, DateTimeKind.Utc), i.Summary);
}

/// <summary>
/// Live alerts for the staff board. Clients load the alerts with GET /api/alerts on every (re)connect and
/// merge pushes by <see cref="AlertView.Version"/>, so a push missed while disconnected, or one that arrives
/// while the load is under way, is never lost.
/// </summary>
public sealed class AlertsHub : Hub<IAlertsClient>
{
    /// <summary>Where the hub is mapped.</summary>
    public const string Path = "/hubs/alerts";
}
