using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareWatch.Gateway.Tests.Support;

/// <summary>
/// A gateway on a fake clock (starting at the real time, so its TLS certificate is valid for the client). Derive to
/// change its settings as well.
/// </summary>
public class FakeClockGatewayHost : GatewayHost
{
    /// <summary>The gateway's clock.</summary>
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
