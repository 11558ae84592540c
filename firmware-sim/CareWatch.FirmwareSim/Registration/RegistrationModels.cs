namespace CareWatch.FirmwareSim.Registration;

/// <summary>A senior as listed by <c>GET /api/seniors</c>; <paramref name="TimeZone"/> is an IANA id, when the server sends one.</summary>
public sealed record SeniorInfo(Guid Id, string DisplayName, Guid BureauId, string? TimeZone = null);

/// <summary>Body of <c>POST /api/devices</c>.</summary>
public sealed record RegisterDeviceRequest(Guid SeniorId);

/// <summary>Answer of <c>POST /api/devices</c>: the new watch's credentials.</summary>
public sealed record DeviceRegistration(string DeviceId, Guid SeniorId, string ConnectionString);

/// <summary>A registered watch together with the senior who wears it.</summary>
public sealed record RegisteredWatch(DeviceRegistration Device, SeniorInfo Senior);

/// <summary>Registration with the CareWatch server failed; the message says why and what to check.</summary>
public sealed class RegistrationException(string message, Exception? inner = null) : Exception(message, inner);
