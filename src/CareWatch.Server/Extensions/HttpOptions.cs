using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CareWatch.Server.Extensions;

/// <summary>Where the dashboard and API listen, and how they meet browsers. Bound from the "Http" section.</summary>
public sealed class HttpOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Http";

    /// <summary>Plain HTTP port of the dashboard and API (1-65535; default 5080).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 5080;

    /// <summary>
    /// HTTPS port (0 turns HTTPS off; default 5443). It presents the device gateway's private-CA certificate
    /// and also carries MQTT over WebSockets, which IoT Hub device SDKs speak only as <c>wss://</c>.
    /// </summary>
    [Range(0, 65535)]
    public int HttpsPort { get; set; } = 5443;

    /// <summary>
    /// Address both listeners bind (default 127.0.0.1). Anything but a loopback address exposes the server to a
    /// network, so plain HTTP then redirects or is refused (<see cref="PlainHttp"/>) and HTTPS must be on.
    /// </summary>
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// What plain HTTP does when <see cref="BindAddress"/> is not loopback: <c>Redirect</c> (default; 307 to the
    /// HTTPS port) or <c>Refuse</c> (403, for deployments where nothing may ever travel in clear, not even a
    /// first request carrying a cookie). On a loopback bind plain HTTP is served as is.
    /// </summary>
    public PlainHttpMode PlainHttp { get; set; } = PlainHttpMode.Redirect;

    /// <summary>
    /// Origins (<c>https://host[:port]</c>) of other web applications allowed to call the API from a browser,
    /// through CORS and past the cross-origin guard. Empty by default: only the server's own pages may.
    /// </summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>
    /// The address people reach the server at (<c>https://care.example.org/</c>), for links in e-mails and webhook
    /// messages. Empty: on a loopback bind, this machine's plain HTTP address (development and the demo); on any
    /// other bind no links are made, since a guessed address would send relatives somewhere wrong.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>The public address with a trailing slash, or null when none is known (see <see cref="PublicBaseUrl"/>).</summary>
    public Uri? PublicBaseUri()
    {
        if (Uri.TryCreate(PublicBaseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var configured)
            && configured.Scheme is "https" or "http") return configured;
        return string.IsNullOrWhiteSpace(PublicBaseUrl) && IsLoopback ? new Uri($"http://127.0.0.1:{Port}/") : null;
    }

    /// <summary>Whether <see cref="BindAddress"/> is a loopback address (false when it does not parse).</summary>
    public bool IsLoopback => IPAddress.TryParse(BindAddress, out var address) && IPAddress.IsLoopback(address);
}

/// <summary>What plain HTTP does on a non-loopback bind.</summary>
public enum PlainHttpMode
{
    /// <summary>Answers 307 Temporary Redirect to the same URL on the HTTPS port.</summary>
    Redirect,

    /// <summary>Answers 403 with a problem saying HTTPS is required.</summary>
    Refuse,
}
