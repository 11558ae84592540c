namespace CareWatch.Server.Hubs;

/// <summary>A person is called about an alert (an escalation step or a reminder), as their board receives it.</summary>
/// <param name="Alert">The alert as it is now.</param>
/// <param name="Kind">alert-open or reminder (Storage/Alerts/NotificationKinds).</param>
public sealed record AlertCall(AlertView Alert, string Kind);
