namespace CareWatch.FirmwareSim.Fleet;

/// <summary>The fleet could not start (no watch reached the gateway).</summary>
public sealed class FleetStartException(string message, Exception inner) : Exception(message, inner);
