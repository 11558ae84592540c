using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Privacy;

/// <summary>One server (with <see cref="TestPrincipals"/>) and database for a class of privacy API tests.</summary>
public sealed class PrivacyServer : IAsyncLifetime
{
    /// <summary>The database.</summary>
    public TestDatabase Db { get; private set; } = null!;

    /// <summary>The server.</summary>
    public ServerHost Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(migrate: false);
        Server = await ServerHost.StartAsync(Db.ConnectionString);
        await Server.WaitUntilReadyAsync();
    }

    /// <summary>A new bureau with one senior.</summary>
    public Task<SeniorRecord> SeniorAsync(string name) => Arrange.SeniorInNewBureauAsync(Server, name);

    /// <summary>A supervisor of the bureau.</summary>
    public HttpClient Supervisor(Guid bureau) => Server.ClientAs("supervisor", bureau);

    /// <summary>Staff of the bureau.</summary>
    public HttpClient Staff(Guid bureau) => Server.ClientAs("staff", bureau);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Db.DisposeAsync();
    }
}
