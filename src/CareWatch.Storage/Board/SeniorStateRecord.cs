namespace CareWatch.Storage.Board;

/// <summary>What the seniors board knows of one senior, read in one row (times UTC).</summary>
/// <param name="SeniorId">The senior.</param>
/// <param name="BureauId">Her bureau (whose boards are told when her state changes).</param>
/// <param name="Name">Her display name.</param>
/// <param name="TimeZone">Her IANA time zone (the sleep window is her local night).</param>
/// <param name="LowBatteryPercent">Her bureau's low-battery level.</param>
/// <param name="Watches">How many enabled watches she has.</param>
/// <param name="DeviceId">Her most recently seen enabled watch, whose facts follow.</param>
/// <param name="LastSeenAt">When that watch's newest message arrived.</param>
/// <param name="Battery">Its battery percent.</param>
/// <param name="Charging">On its charger.</param>
/// <param name="Worn">Skin contact in its newest stored minute.</param>
/// <param name="LastConnectedAt">Start of its latest connection to the gateway.</param>
/// <param name="LastDisconnectedAt">End of its latest finished connection.</param>
/// <param name="StillSince">Start of her current still period as her monitor last reported it.</param>
/// <param name="StillKnownUntil">The monitor's latest minute when it reported that.</param>
/// <param name="Alert">Her most pressing active alert: staff's before one still checking in, then by severity.</param>
/// <param name="ActiveKinds">The kinds of all her active alerts.</param>
public sealed record SeniorStateRecord(
    Guid SeniorId, Guid BureauId, string Name, string TimeZone, int LowBatteryPercent,
    int Watches, string? DeviceId, DateTime? LastSeenAt, int? Battery, bool? Charging, bool? Worn,
    DateTime? LastConnectedAt, DateTime? LastDisconnectedAt, DateTime? StillSince, DateTime? StillKnownUntil,
    BoardAlert? Alert, IReadOnlyList<string> ActiveKinds);

/// <summary>An active alert as a tile names it.</summary>
/// <param name="Id">The alert.</param>
/// <param name="Kind">alerts.kind (inactivity, sos, …).</param>
/// <param name="Status">checking, open or acknowledged.</param>
/// <param name="Severity">Its severity now.</param>
/// <param name="StartedAt">When its situation began.</param>
public sealed record BoardAlert(long Id, string Kind, string Status, Alerts.AlertSeverity Severity, DateTime StartedAt);
