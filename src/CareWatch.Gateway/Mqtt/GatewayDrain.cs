namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// Raised when the host begins to stop, before Kestrel closes its listeners. From then on the gateway refuses new
/// CONNECTs as "server unavailable" and acknowledges no further PUBLISH (it closes the connection instead), so a
/// watch takes what it has not had acknowledged to another node, or to this one after its restart, rather than
/// handing it to a process that is going away.
/// </summary>
internal sealed class GatewayDrain
{
    private volatile bool _draining;

    /// <summary>True once the host is stopping.</summary>
    public bool IsDraining => _draining;

    /// <summary>Starts draining; there is no way back (a stopped host is not restarted).</summary>
    public void Begin() => _draining = true;
}
