using CareWatch.Gateway.Ingestion;
using CareWatch.Server;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests;

/// <summary>
/// The real server, started in the test process exactly as Program.cs starts it: real Kestrel on free
/// loopback ports (HTTP and MQTT/TLS), a real Orleans silo and a real PostgreSQL database.
/// </summary>
public sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _dataDirectory;

    private ServerHost(WebApplication app, DirectoryInfo dataDirectory, int httpPort, int httpsPort, int mqttPort, MonitorProgress monitors)
    {
        HttpsPort = httpsPort;
        _app = app;
        Monitors = monitors;
        _dataDirectory = dataDirectory;
        HttpPort = httpPort;
        MqttPort = mqttPort;
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>The dashboard/API port.</summary>
    public int HttpPort { get; }

    /// <summary>The HTTPS port (pages, API, MQTT over WebSockets), with the private CA's certificate.</summary>
    public int HttpsPort { get; }

    /// <summary>https://127.0.0.1:{port}/ (the certificate names the loopback addresses).</summary>
    public Uri HttpsAddress => new($"https://127.0.0.1:{HttpsPort}/");

    /// <summary>
    /// A handler that trusts exactly the server's private CA (as a watch or a bureau browser that installed it
    /// would), does not follow redirects and keeps no cookies of its own.
    /// </summary>
    public HttpClientHandler CreateHttpsHandler()
    {
        var ca = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(CaCertificatePath);
        return new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null) return false;
                using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();
                chain.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        };
    }

    /// <summary>The MQTT/TLS port for watches.</summary>
    public int MqttPort { get; }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");

    /// <summary>A client on the API.</summary>
    public HttpClient Http { get; }

    /// <summary>The private CA's certificate, which watches must trust.</summary>
    public string CaCertificatePath => Path.Combine(_dataDirectory.FullName, "pki", "ca.crt");

    /// <summary>Which messages the monitors have handled.</summary>
    public MonitorProgress Monitors { get; }

    /// <summary>The server's services, for arranging data.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a server on the given database with extra configuration (key=value). If one of its own ports
    /// was taken between choosing and binding (another test process), it tries again with fresh ports.
    /// </summary>
    public static Task<ServerHost> StartAsync(string connectionString, params string[] settings) =>
        StartAsync(connectionString, null, settings);

    /// <summary>As the other overload, with test services added after the production ones (a log capture, a scheme).</summary>
    public static async Task<ServerHost> StartAsync(string connectionString, Action<IServiceCollection>? testServices,
        params string[] settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await TryStartAsync(connectionString, settings, testServices); }
            catch (IOException ex) when (attempt < 3 && ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException) { }
        }
    }

    private static async Task<ServerHost> TryStartAsync(string connectionString, string[] settings,
        Action<IServiceCollection>? testServices)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("carewatch-server-");
        var httpPort = FreePort.Next();
        var mqttPort = FreePort.Next();
        var httpsPort = FreePort.Next();
        string[] args =
        [
            $"--ConnectionStrings:CareWatch={connectionString}",
            $"--Http:Port={httpPort}",
            $"--Http:HttpsPort={httpsPort}",
            $"--Gateway:MqttPort={mqttPort}",
            $"--Gateway:DataDirectory={dataDirectory.FullName}",
            $"--Orleans:SiloPort={FreePort.Next()}",
            $"--Orleans:GatewayPort={FreePort.Next()}",
            $"--Orleans:ClusterId=test-{Guid.NewGuid():N}",
            "--Logging:LogLevel:Default=Warning",
            .. settings.Select(s => "--" + s),
        ];
        var monitors = new MonitorProgress();
        var app = CareWatchApplication.Create(args, services =>
        {
            services.AddSingleton<ITelemetryObserver>(monitors);
            testServices?.Invoke(services);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new ServerHost(app, dataDirectory, httpPort, httpsPort, mqttPort, monitors);
    }

    /// <summary>Polls GET /health/ready until it answers 200 (migrations run in the background at start).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await Http.GetAsync("health/ready", cts.Token);
            if (response.IsSuccessStatusCode) return;
            await Task.Delay(200, cts.Token);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { _dataDirectory.Delete(recursive: true); } catch (IOException) { }
    }
}
