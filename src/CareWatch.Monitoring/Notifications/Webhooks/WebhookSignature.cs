using System.Security.Cryptography;
using System.Text;

namespace CareWatch.Monitoring.Notifications.Webhooks;

/// <summary>
/// The webhook signature: <c>v1=</c> and the lower-case hex HMAC-SHA256, keyed with the webhook's secret, of the
/// timestamp (Unix seconds, as sent in <c>X-CareWatch-Timestamp</c>), a dot and the exact body bytes. Signing the
/// timestamp lets a receiver refuse replays older than a few minutes (docs/webhooks.md).
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header with the timestamp (Unix seconds).</summary>
    public const string TimestampHeader = "X-CareWatch-Timestamp";

    /// <summary>The header with the signature.</summary>
    public const string SignatureHeader = "X-CareWatch-Signature";

    /// <summary>The header with the notification's idempotency key (the same on every attempt).</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The signature header's value for a timestamp and body.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Whether a received signature is right (constant time), as a receiver checks it.</summary>
    public static bool Verify(string secret, string timestamp, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
