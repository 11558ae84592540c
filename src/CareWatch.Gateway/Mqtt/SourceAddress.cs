using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace CareWatch.Gateway.Mqtt;

/// <summary>Where a connection comes from, as the per-address limits count it.</summary>
internal static class SourceAddress
{
    /// <summary>
    /// The remote end of a Kestrel connection, or of MQTT over WebSockets (whose connection context may carry it
    /// only in its HTTP connection feature, as MQTTnet also reads it).
    /// </summary>
    public static EndPoint? RemoteOf(ConnectionContext connection)
    {
        if (connection.RemoteEndPoint is { } remote) return remote;
        var http = connection.Features.Get<IHttpConnectionFeature>();
        return http?.RemoteIpAddress is { } ip ? new IPEndPoint(ip, http.RemotePort) : null;
    }

    /// <summary>
    /// The key an address is counted under: the IPv4 address, or the /64 prefix of an IPv6 one (a single
    /// subscriber is routinely given a whole /64, so counting single IPv6 addresses would limit nothing).
    /// Null when the remote end is not an IP end point.
    /// </summary>
    public static string? KeyOf(EndPoint? remote)
    {
        if (remote is not IPEndPoint { Address: var address }) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
