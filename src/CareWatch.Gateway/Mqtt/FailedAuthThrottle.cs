using System.Net;
using Microsoft.Extensions.Options;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// Failed authentications per source address: a token bucket of <see cref="GatewayOptions.FailedAuthBurst"/>,
/// refilled at <see cref="GatewayOptions.FailedAuthPerMinute"/>. Each failure takes a token; an address without
/// tokens is blocked: its CONNECTs are refused before their token is looked at. Good connections take nothing.
/// </summary>
internal sealed class FailedAuthThrottle(IOptions<GatewayOptions> options, TimeProvider time)
{
    private readonly AddressBuckets _buckets =
        new(time, () => (options.Value.FailedAuthBurst, options.Value.FailedAuthPerMinute));

    /// <summary>True when the address has used up its failed authentications.</summary>
    public bool IsBlocked(EndPoint? remote) => SourceAddress.KeyOf(remote) is { } key && _buckets.IsEmpty(key);

    /// <summary>Takes a token for a failed authentication from the address.</summary>
    public void OnFailure(EndPoint? remote)
    {
        if (SourceAddress.KeyOf(remote) is { } key) _buckets.TryTake(key);
    }
}
