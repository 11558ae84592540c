namespace CareWatch.FirmwareSim.Registration;

/// <summary>A watch identity a run registered and keeps for the next one (it holds the device key).</summary>
/// <param name="SeniorId">The senior it was registered for.</param>
/// <param name="DeviceId">Its id on the server.</param>
/// <param name="ConnectionString">Its IoT Hub connection string, key included.</param>
public sealed record StoredWatch(Guid SeniorId, string DeviceId, string ConnectionString);

/// <summary>
/// What <c>run --identities FILE</c> keeps between runs: the watches it registered, so a rerun reuses them
/// instead of giving every senior another watch, and since when each scripted still senior has been still,
/// so a rerun continues her stillness instead of starting a new story.
/// </summary>
/// <param name="Watches">The identities, in the order the run used them.</param>
/// <param name="StillSince">Per senior id: the start of her scripted stillness (UTC).</param>
public sealed record StoredFleet(IReadOnlyList<StoredWatch> Watches, IReadOnlyDictionary<Guid, DateTime> StillSince)
{
    /// <summary>Nothing stored yet (the first run).</summary>
    public static StoredFleet Empty { get; } = new([], new Dictionary<Guid, DateTime>());

    /// <summary>
    /// The state after a run: the watches it used and its still onsets, plus what was stored for seniors it
    /// did not serve (a smaller fleet this time must not make the next full run register their watches again).
    /// </summary>
    public StoredFleet After(IReadOnlyList<RegisteredWatch> used, IReadOnlyDictionary<Guid, DateTime> stillSince)
    {
        var served = used.Select(w => w.Senior.Id).ToHashSet();
        var watches = used.Select(w => new StoredWatch(w.Senior.Id, w.Device.DeviceId, w.Device.ConnectionString))
            .Concat(Watches.Where(w => !served.Contains(w.SeniorId)))
            .ToList();
        var still = StillSince.Where(p => !served.Contains(p.Key)).Concat(stillSince)
            .ToDictionary(p => p.Key, p => DateTime.SpecifyKind(p.Value, DateTimeKind.Utc));
        return new StoredFleet(watches, still);
    }
}
