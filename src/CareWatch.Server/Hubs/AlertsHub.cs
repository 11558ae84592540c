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

/// <summary>An alert as the board shows it. Times are UTC; the page shows them in the senior's time zone (IANA id).</summary>
public sealed record AlertView(
    long Id, Guid SeniorId, string SeniorName, string SeniorTimeZone, string Kind, string Status,
    DateTime? StillSince, DateTime RaisedAt, DateTime? ClosedAt, string Explanation)
{
    /// <summary>Maps a stored alert.</summary>
    public static AlertView From(AlertRecord a) => new(
        a.Id, a.SeniorId, a.SeniorName, a.SeniorTimeZone, a.Kind, a.Status,
        Utc(a.StillSince), Utc(a.RaisedAt)!.Value, Utc(a.ClosedAt), a.Explanation);

    private static DateTime? Utc(DateTime? t) => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}

/// <summary>
/// Live alerts for the staff board. Clients load the open alerts with GET /api/alerts on every (re)connect
/// and then apply pushes, so a push missed while disconnected is never lost.
/// </summary>
public sealed class AlertsHub : Hub<IAlertsClient>
{
    /// <summary>Where the hub is mapped.</summary>
    public const string Path = "/hubs/alerts";
}
