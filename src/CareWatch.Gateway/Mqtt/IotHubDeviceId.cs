namespace CareWatch.Gateway.Mqtt;

/// <summary>IoT Hub's rule for device ids, which are the MQTT client ids of its devices.</summary>
internal static class IotHubDeviceId
{
    /// <summary>IoT Hub's limit on the length of a device id.</summary>
    public const int MaxLength = 128;

    private const string Symbols = "-.%_*?!(),:=@$'";

    /// <summary>
    /// True for 1-128 characters of ASCII letters, digits and <c>- . % _ * ? ! ( ) , : = @ $ '</c>, as IoT Hub
    /// allows. Anything else (empty, too long, spaces, control characters) is answered "identifier rejected".
    /// </summary>
    public static bool IsValid(string? clientId)
    {
        if (string.IsNullOrEmpty(clientId) || clientId.Length > MaxLength) return false;
        foreach (var c in clientId)
            if (!char.IsAsciiLetterOrDigit(c) && !Symbols.Contains(c)) return false;
        return true;
    }
}
