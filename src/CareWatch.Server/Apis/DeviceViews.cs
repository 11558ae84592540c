using CareWatch.Storage;

namespace CareWatch.Server.Apis;

/// <summary>Body of POST /api/devices.</summary>
/// <param name="SeniorId">The senior who will wear the watch.</param>
/// <param name="DeviceId">Optional id; one is generated when absent.</param>
public sealed record CreateDeviceRequest(Guid? SeniorId, string? DeviceId);

/// <summary>A new watch identity and the connection string to flash into it.</summary>
public sealed record CreatedDevice(string DeviceId, Guid? SeniorId, string ConnectionString);

/// <summary>Body of PUT /api/devices/{id}/senior.</summary>
/// <param name="SeniorId">The senior who wears the watch from now on; null unassigns it.</param>
public sealed record AssignDeviceRequest(Guid? SeniorId);

/// <summary>A watch's two keys and the connection strings built from them.</summary>
public sealed record DeviceKeysView(string DeviceId, string PrimaryKey, string SecondaryKey,
    string PrimaryConnectionString, string SecondaryConnectionString);

/// <summary>A watch and its status as the registry shows it.</summary>
/// <param name="DeviceId">The watch id.</param>
/// <param name="SeniorId">The senior wearing it.</param>
/// <param name="Enabled">False when it is refused at connect.</param>
/// <param name="Connected">True while it holds a connection to this gateway.</param>
/// <param name="CreatedAt">Registration time (UTC).</param>
/// <param name="LastSeenAt">Arrival of its newest stored message (UTC).</param>
/// <param name="LastConnectedAt">Start of its latest connection (UTC).</param>
/// <param name="LastDisconnectedAt">End of its latest finished connection (UTC).</param>
/// <param name="Battery">Battery percent from its newest message.</param>
/// <param name="Charging">On the charger, from its newest message.</param>
/// <param name="Worn">Skin contact in its newest stored minute.</param>
/// <param name="LastMinuteAt">Start of that minute (UTC), null before any: the watch's stored history goes up to
/// here, so a client replaying a buffer needs to send only later minutes.</param>
/// <param name="FirmwareVersion">Reported by the watch in its twin (<c>firmwareVersion</c>).</param>
/// <param name="ClockErrorSeconds">How far the watch's clock was off (+ ahead) when it last said when it sent a
/// message; the gateway moves timestamps onto its own clock from one minute off (docs/telemetry.md).</param>
public sealed record DeviceView(string DeviceId, Guid? SeniorId, bool Enabled, bool Connected, DateTime CreatedAt,
    DateTime? LastSeenAt, DateTime? LastConnectedAt, DateTime? LastDisconnectedAt, int? Battery, bool? Charging,
    bool? Worn, DateTime? LastMinuteAt, string? FirmwareVersion, int? ClockErrorSeconds)
{
    /// <summary>Combines the stored status with the gateway's live connection state.</summary>
    public static DeviceView From(DeviceStatusRecord r, bool connected) => new(
        r.DeviceId, r.SeniorId, r.Enabled, connected, Utc(r.CreatedAt), Utc(r.LastSeenAt), Utc(r.LastConnectedAt),
        Utc(r.LastDisconnectedAt), r.Battery, r.Charging, r.Worn, Utc(r.LastMinuteAt), r.FirmwareVersion, r.ClockErrorSeconds);

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? t) => t is null ? null : Utc(t.Value);
}

/// <summary>Body of POST /api/devices/{id}/methods/{name}.</summary>
/// <param name="Payload">Any JSON value handed to the watch.</param>
/// <param name="TimeoutSeconds">How long to wait for the answer (1–300; default Gateway:DefaultMethodTimeout).</param>
public sealed record InvokeMethodRequest(System.Text.Json.JsonElement? Payload, int? TimeoutSeconds);

/// <summary>A watch's answer to a direct method.</summary>
public sealed record MethodResultView(int Status, System.Text.Json.JsonElement? Payload);

/// <summary>Body of POST /api/devices/{id}/messages.</summary>
/// <param name="Body">Any JSON value; sent as the message's UTF-8 payload.</param>
/// <param name="Properties">Application properties, put in the topic's property bag.</param>
public sealed record CloudMessageRequest(System.Text.Json.JsonElement? Body, Dictionary<string, string>? Properties);

/// <summary>A queued cloud-to-device message.</summary>
public sealed record CloudMessageView(string MessageId);

/// <summary>The version a desired-property patch produced.</summary>
public sealed record TwinVersionView(long Version);
