using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Support;

/// <summary>
/// A test class with its own migrated database and a real server on it, started before the first test and
/// stopped after the last (xunit creates one instance per test, so each test gets a fresh pair).
/// </summary>
public abstract class ServerTest : IAsyncLifetime
{
    /// <summary>The test's database.</summary>
    protected TestDatabase Db { get; private set; } = null!;

    /// <summary>The server under test.</summary>
    protected ServerHost Server { get; private set; } = null!;

    /// <summary>Extra configuration (key=value) for the server.</summary>
    protected virtual string[] Settings => [];

    /// <summary>Services the test adds or replaces in the server (through the composition root's test hook).</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        Server = await ServerHost.StartAsync(Db.ConnectionString, ConfigureServices, Settings);
        await Server.WaitUntilReadyAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Db.DisposeAsync();
    }
}
