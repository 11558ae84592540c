namespace CareWatch.FirmwareSim.Registration;

/// <summary>A senior as listed by <c>GET /api/seniors</c>; <paramref name="TimeZone"/> is an IANA id, when the server sends one.</summary>
public sealed record SeniorInfo(Guid Id, string DisplayName, Guid BureauId, string? TimeZone = null);

/// <summary>Body of <c>POST /api/devices</c>.</summary>
public sealed record RegisterDeviceRequest(Guid SeniorId);

/// <summary>Answer of <c>POST /api/devices</c>: the new watch's credentials.</summary>
public sealed record DeviceRegistration(string DeviceId, Guid SeniorId, string ConnectionString);

/// <summary>A watch as <c>GET /api/devices/{id}</c> shows it: the fields the simulator reads.</summary>
/// <param name="DeviceId">The watch id.</param>
/// <param name="SeniorId">The senior it is assigned to, if any.</param>
/// <param name="Enabled">False when the gateway refuses it at connect.</param>
/// <param name="LastMinuteAt">Start of the newest minute the server stores from it (UTC); null before any.</param>
public sealed record DeviceStatus(string DeviceId, Guid? SeniorId, bool Enabled, DateTime? LastMinuteAt);

/// <summary>A registered watch together with the senior who wears it.</summary>
/// <param name="Device">Its identity and credentials.</param>
/// <param name="Senior">Who wears it.</param>
/// <param name="LastMinuteAt">The newest minute the server already stores from it; null for a new watch.</param>
public sealed record RegisteredWatch(DeviceRegistration Device, SeniorInfo Senior, DateTime? LastMinuteAt);

/// <summary>Registration with the CareWatch server failed; the message says why and what to check.</summary>
public sealed class RegistrationException(string message, Exception? inner = null) : Exception(message, inner);
