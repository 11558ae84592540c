using System.Net;

namespace CareWatch.FirmwareSim.Load;

/// <summary>
/// Loopback source addresses the load watches bind to before connecting. One source address gives
/// about 28,000 ephemeral ports towards one gateway port; spreading connections over 127.0.0.2,
/// 127.0.0.3, … multiplies that. Only 127.0.0.0/8 is allowed: a load run never leaves the machine.
/// </summary>
public sealed class SourceAddresses
{
    private readonly IPAddress[] _addresses;

    private SourceAddresses(IPAddress[] addresses) => _addresses = addresses;

    /// <summary>No binding: the operating system picks the source address.</summary>
    public static SourceAddresses None { get; } = new([]);

    /// <summary>The addresses in use, in round-robin order.</summary>
    public IReadOnlyList<IPAddress> Addresses => _addresses;

    /// <summary><paramref name="count"/> consecutive loopback addresses starting at 127.0.0.2.</summary>
    public static SourceAddresses Loopback(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 250);
        return new(Enumerable.Range(2, count).Select(i => new IPAddress([127, 0, 0, (byte)i])).ToArray());
    }

    /// <summary>Parses a comma-separated list of loopback addresses; throws <see cref="FormatException"/> otherwise.</summary>
    public static SourceAddresses Parse(string text)
    {
        var addresses = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            if (!IPAddress.TryParse(part, out var ip)) throw new FormatException($"'{part}' is not an IP address");
            if (!IPAddress.IsLoopback(ip) || ip.GetAddressBytes().Length != 4)
                throw new FormatException($"'{part}' is not an IPv4 loopback address (127.0.0.0/8)");
            return ip;
        }).ToArray();
        return new(addresses);
    }

    /// <summary>The source address of watch <paramref name="index"/>, or null when none are configured.</summary>
    public IPEndPoint? For(int index) =>
        _addresses.Length == 0 ? null : new IPEndPoint(_addresses[index % _addresses.Length], 0);
}
