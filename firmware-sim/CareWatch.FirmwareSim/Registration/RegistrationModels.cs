namespace CareWatch.FirmwareSim.Registration;

/// <summary>A senior as listed by <c>GET /api/seniors</c>.</summary>
public sealed record SeniorInfo(Guid Id, string DisplayName, Guid BureauId);

/// <summary>Body of <c>POST /api/devices</c>.</summary>
public sealed record RegisterDeviceRequest(Guid SeniorId);

/// <summary>Answer of <c>POST /api/devices</c>: the new watch's credentials.</summary>
public sealed record DeviceRegistration(string DeviceId, Guid SeniorId, string ConnectionString);

/// <summary>Registration with the CareWatch server failed; the message says why and what to check.</summary>
public sealed class RegistrationException(string message, Exception? inner = null) : Exception(message, inner);
