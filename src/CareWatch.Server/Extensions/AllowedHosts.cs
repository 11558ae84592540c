namespace CareWatch.Server.Extensions;

/// <summary>The Host header values the server answers (ASP.NET Core host filtering).</summary>
internal static class AllowedHosts
{
    /// <summary>The loopback names, which the demo, the tests and local tools use.</summary>
    public static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// "AllowedHosts" (semicolon-separated; "*" allows any) or, when unset, the loopback names; plus the
    /// gateway's host name in both cases, because watches on MQTT over WebSockets send it and must not be
    /// locked out by an operator who listed only the dashboard's name.
    /// </summary>
    public static List<string> From(IConfiguration config)
    {
        var configured = (config["AllowedHosts"] ?? "").Split(';',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var hosts = new List<string>(configured.Length > 0 ? configured : Loopback);
        var gateway = config["Gateway:HostName"] ?? "localhost";
        if (!hosts.Contains(gateway, StringComparer.OrdinalIgnoreCase)) hosts.Add(gateway);
        return hosts;
    }
}
