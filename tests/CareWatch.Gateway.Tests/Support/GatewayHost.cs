using CareWatch.Gateway.Pki;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareWatch.Gateway.Tests.Support;

/// <summary>A real ASP.NET Core host with only the device gateway, on a free port and its own database.</summary>
public class GatewayHost : IAsyncLifetime
{
    private WebApplication? _app;

    public TestDatabase Database { get; private set; } = null!;
    public int Port { get; } = FreePort.Next();
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("carewatch-gw-").FullName;
    public const string HostName = "hub.carewatch.test";

    public IServiceProvider Services => _app!.Services;
    public GatewayMetrics Metrics => Services.GetRequiredService<GatewayMetrics>();
    public DeviceRegistry Registry => Services.GetRequiredService<DeviceRegistry>();
    /// <summary>The bureau the fixture's watches belong to (every watch has one).</summary>
    public TenantScope Bureau { get; private set; } = null!;
    public string CaPath => Services.GetRequiredService<DeviceCertificateAuthority>().CaCertificatePath;

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Gateway:MqttPort"] = Port.ToString();
        builder.Configuration["Gateway:DataDirectory"] = DataDirectory;
        builder.Configuration["Gateway:HostName"] = HostName;
        builder.Configuration["Gateway:BatchMaxDelay"] = "00:00:00.005";
        // Short, so the malformed-packet tests do not wait long for the gateway to give up on a silent socket.
        builder.Configuration["Gateway:ConnectTimeout"] = "00:00:03";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        ConfigureLogging(builder.Logging);
        Configure(builder.Configuration);
        builder.Services.AddSingleton(NpgsqlDataSource.Create(Database.ConnectionString));
        builder.Services.AddSingleton(TimeProvider.System);
        ConfigureServices(builder.Services);
        builder.AddDeviceGateway();
        _app = builder.Build();
        _app.MapDeviceGateway();
        await _app.StartAsync();
        var bureau = await new SeniorDirectory(Services.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System)
            .AddBureauAsync("Gateway test bureau", "Europe/Berlin");
        Bureau = TenantScope.Bureau(bureau.Id);
    }

    /// <summary>Creates the fixture's database (on the shared test cluster unless a derived fixture says so).</summary>
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync();

    /// <summary>Lets a derived fixture add log providers (to assert on what is logged).</summary>
    protected virtual void ConfigureLogging(ILoggingBuilder logging)
    {
    }

    /// <summary>Lets a derived fixture change settings (limits) before the gateway reads them.</summary>
    protected virtual void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
    }

    /// <summary>Lets a derived fixture add services (observers) before the gateway.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Registers a watch of the fixture's bureau with a random id (the senior, if any, of that bureau).</summary>
    public async Task<DeviceCredentials> CreateDeviceAsync(Guid? seniorId = null) =>
        await Registry.CreateAsync(Bureau, "w-" + Guid.NewGuid().ToString("N")[..10], seniorId)
        ?? throw new InvalidOperationException("The senior is not of the fixture's bureau.");

    public Task<long> CountAsync(string table, string deviceId) =>
        Database.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE device_id = @d", ("d", deviceId));

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await Database.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
