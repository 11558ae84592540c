namespace CareWatch.Server.Apis;

/// <summary>
/// A senior's tile, the same from GET /api/seniors/states and from the hub's SeniorStateChanged push. Times are UTC;
/// the page shows them in the bureau's time zone and counts "still for N min" up from <see cref="StillSince"/> itself,
/// so a still senior costs no push per minute.
/// </summary>
/// <param name="SeniorId">The senior (the page keys one tile per id).</param>
/// <param name="Name">Her display name.</param>
/// <param name="TimeZone">Her IANA time zone.</param>
/// <param name="State">What the tile says: the first <see cref="SeniorState"/> that holds.</param>
/// <param name="Since">When that state began, where known (offline since, still since, the alert's start).</param>
/// <param name="StillSince">Start of her current still period, whatever the state (null: moving or not known).</param>
/// <param name="Battery">Her newest watch's battery percent.</param>
/// <param name="BatteryLow">Below her bureau's level (and not charging).</param>
/// <param name="Charging">On its charger.</param>
/// <param name="Worn">On the wrist in its newest minute.</param>
/// <param name="LastSeenAt">When her newest watch last sent something.</param>
/// <param name="AlertId">Her most pressing active alert.</param>
/// <param name="AlertKind">Its kind (sos, fall, inactivity, …).</param>
/// <param name="AlertSeverity">Its severity word (low, high, critical).</param>
/// <param name="AsOf">When the server computed this: a page keeps, per senior, the view with the latest.</param>
public sealed record SeniorStateView(
    Guid SeniorId, string Name, string TimeZone, SeniorState State, DateTime? Since, DateTime? StillSince,
    int? Battery, bool BatteryLow, bool? Charging, bool? Worn, DateTime? LastSeenAt,
    long? AlertId, string? AlertKind, string? AlertSeverity, DateTime AsOf)
{
    /// <summary>Whether the tile's content differs (everything but <see cref="AsOf"/>).</summary>
    public bool SameTileAs(SeniorStateView? other) => other is not null && this with { AsOf = other.AsOf } == other;
}
