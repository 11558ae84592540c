using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CareWatch.Protocol;

/// <summary>
/// Azure IoT Hub shared access signatures:
/// <c>SharedAccessSignature sr={url-encoded resource}&amp;sig={base64 HMAC-SHA256}&amp;se={unix expiry}</c>,
/// where the HMAC key is the base64-decoded device key and the signed text is
/// <c>{url-encoded resource}\n{expiry}</c>.
/// </summary>
public static class SasToken
{
    private const string Prefix = "SharedAccessSignature ";

    /// <summary>The resource URI of a device on a hub: <c>{host}/devices/{deviceId}</c>.</summary>
    public static string DeviceResource(string hostName, string deviceId) => $"{hostName}/devices/{deviceId}";

    /// <summary>Creates a token for <paramref name="resource"/> valid until <paramref name="expiresAt"/>.</summary>
    public static string Create(string resource, string base64Key, DateTimeOffset expiresAt)
    {
        var encoded = Uri.EscapeDataString(resource);
        var expiry = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Sign(base64Key, encoded, expiry);
        return $"{Prefix}sr={encoded}&sig={Uri.EscapeDataString(signature)}&se={expiry}";
    }

    /// <summary>Splits a token into its fields; false when it is not a SAS token.</summary>
    public static bool TryParse(string? token, out ParsedSasToken parsed)
    {
        parsed = default;
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        string? sr = null, sig = null, se = null;
        foreach (var part in token[Prefix.Length..].Split('&'))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) return false;
            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "sr": sr = value; break;
                case "sig": sig = value; break;
                case "se": se = value; break;
                case "skn": break; // policy name: device tokens have none; ignored
                default: return false;
            }
        }
        if (sr is null || sig is null || !long.TryParse(se, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
            return false;
        parsed = new ParsedSasToken(sr, Uri.UnescapeDataString(sig), expiry);
        return true;
    }

    /// <summary>
    /// Checks a token for the given device against its key(s). The resource must name this device,
    /// the signature must match one of the keys and the expiry must not have passed (less the skew allowed).
    /// </summary>
    public static SasCheck Validate(string? token, string hostName, string deviceId, IEnumerable<string> base64Keys,
        DateTimeOffset now, TimeSpan clockSkew)
    {
        if (!TryParse(token, out var parsed)) return SasCheck.Malformed;
        var resource = Uri.UnescapeDataString(parsed.EncodedResource);
        if (!ResourceNamesDevice(resource, hostName, deviceId)) return SasCheck.WrongResource;
        if (DateTimeOffset.FromUnixTimeSeconds(Math.Min(parsed.Expiry, 253402300799)) + clockSkew < now) return SasCheck.Expired;
        var expiry = parsed.Expiry.ToString(CultureInfo.InvariantCulture);
        byte[] given;
        try { given = Convert.FromBase64String(parsed.Signature); }
        catch (FormatException) { return SasCheck.Malformed; }
        foreach (var key in base64Keys)
        {
            var expected = Convert.FromBase64String(Sign(key, parsed.EncodedResource, expiry));
            if (CryptographicOperations.FixedTimeEquals(expected, given)) return SasCheck.Valid;
        }
        return SasCheck.BadSignature;
    }

    // IoT Hub accepts the resource with or without a scheme and compares case-insensitively.
    private static bool ResourceNamesDevice(string resource, string hostName, string deviceId)
    {
        var r = resource.TrimEnd('/');
        var schemeEnd = r.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0) r = r[(schemeEnd + 3)..];
        return string.Equals(r, DeviceResource(hostName, deviceId), StringComparison.OrdinalIgnoreCase);
    }

    private static string Sign(string base64Key, string encodedResource, string expiry)
    {
        var key = Convert.FromBase64String(base64Key);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{encodedResource}\n{expiry}"));
        return Convert.ToBase64String(mac);
    }
}

/// <summary>The fields of a SAS token.</summary>
public readonly record struct ParsedSasToken(string EncodedResource, string Signature, long Expiry);

/// <summary>The outcome of checking a SAS token.</summary>
public enum SasCheck
{
    /// <summary>Good for this device now.</summary>
    Valid,
    /// <summary>Not a SAS token.</summary>
    Malformed,
    /// <summary>Signed for another device or hub.</summary>
    WrongResource,
    /// <summary>Past its expiry.</summary>
    Expired,
    /// <summary>Signature does not match the device's keys.</summary>
    BadSignature,
}
