namespace CareWatch.Storage.Accounts;

/// <summary>
/// How a staff member or supervisor wants to be told of non-urgent notifications (users.notify_channels,
/// quiet_from, quiet_until). Urgent ones (an open alarm, a reminder) always go on every channel they have.
/// </summary>
/// <param name="Channels">signalr (their board) and/or email; empty: non-urgent ones are not sent to them.</param>
/// <param name="QuietFrom">Start of their quiet hours (local time of their bureau), or null for none.</param>
/// <param name="QuietUntil">End of their quiet hours; set together with <paramref name="QuietFrom"/>.</param>
public sealed record NotificationPreferences(IReadOnlyList<string> Channels, TimeOnly? QuietFrom, TimeOnly? QuietUntil)
{
    /// <summary>The channels a person can choose.</summary>
    public static readonly IReadOnlyList<string> AllowedChannels = ["signalr", "email"];

    /// <summary>The first problem as (field, reason), or null when valid.</summary>
    public (string Field, string Reason)? Invalid()
    {
        if (Channels.Any(c => !AllowedChannels.Contains(c)) || Channels.Distinct().Count() != Channels.Count)
            return ("channels", "Each of signalr, email at most once.");
        if (QuietFrom is null != QuietUntil is null) return ("quietUntil", "Quiet hours need both a start and an end.");
        if (QuietFrom is { } from && from == QuietUntil) return ("quietUntil", "Quiet hours cannot start and end at once.");
        return null;
    }
}
