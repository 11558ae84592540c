using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using CareWatch.Gateway;
using CareWatch.Gateway.Ingestion;
using CareWatch.Gateway.Pki;
using CareWatch.Server;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareWatch.Server.Tests;

/// <summary>
/// The real server, started in the test process exactly as Program.cs starts it: real Kestrel on free
/// loopback ports (HTTP and MQTT/TLS), a real Orleans silo and a real PostgreSQL database. Its clients carry
/// credentials made through the real stores: <see cref="Http"/> is the integration of the database's test bureau.
/// </summary>
public sealed class ServerHost : IAsyncDisposable
{
    /// <summary>The name of the bureau <see cref="Http"/> and <see cref="Arrange.SeniorAsync"/> use.</summary>
    public const string TestBureauName = "Test bureau";

    private readonly WebApplication _app;
    private readonly DirectoryInfo _dataDirectory;
    private readonly ConcurrentDictionary<Guid, Lazy<Task<string>>> _keys = new();
    private readonly List<HttpClient> _clients = [];
    private readonly Lazy<Task<Guid>> _testBureau;

    private ServerHost(WebApplication app, DirectoryInfo dataDirectory, int httpPort, int httpsPort, int mqttPort, MonitorProgress monitors)
    {
        HttpsPort = httpsPort;
        _app = app;
        Monitors = monitors;
        _dataDirectory = dataDirectory;
        HttpPort = httpPort;
        MqttPort = mqttPort;
        Anonymous = new HttpClient { BaseAddress = BaseAddress };
        Http = new HttpClient(new TestBureauKey(this)) { BaseAddress = BaseAddress };
        Admin = new HttpClient { BaseAddress = BaseAddress };
        Admin.DefaultRequestHeaders.Add(TestPrincipals.RoleHeader, "admin");
        _testBureau = new(FindOrAddTestBureauAsync);
        Https = CreateHttpsClient();
    }

    /// <summary>A client on the API over HTTPS that trusts the server's private CA (no credentials).</summary>
    public HttpClient Https { get; }

    /// <summary>A new HTTPS client that trusts the private CA (and only it), without credentials.</summary>
    public HttpClient CreateHttpsClient(bool allowAutoRedirect = true)
    {
        var handler = CreateHttpsHandler();
        handler.AllowAutoRedirect = allowAutoRedirect;
        return new HttpClient(handler) { BaseAddress = HttpsAddress };
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
        var ca = X509CertificateLoader.LoadCertificateFromFile(CaCertificatePath);
        return new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null) return false;
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        };
    }

    /// <summary>The MQTT/TLS port for watches.</summary>
    public int MqttPort { get; }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");

    /// <summary>
    /// A client on the API as the integration (API key) of the test bureau, which <see cref="Arrange.SeniorAsync"/>
    /// puts its seniors in; health requests go without credentials.
    /// </summary>
    public HttpClient Http { get; }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>A client as a platform admin (a test principal: see <see cref="TestPrincipals"/>).</summary>
    public HttpClient Admin { get; }

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
        StartAsync(connectionString, _ => { }, settings);

    /// <summary>As <see cref="StartAsync(string, string[])"/>, with services added or replaced through the test hook.</summary>
    public static async Task<ServerHost> StartAsync(string connectionString, Action<IServiceCollection>? configureServices,
        params string[] settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await TryStartAsync(connectionString, settings, configureServices); }
            catch (IOException ex) when (attempt < 3 && ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException) { }
        }
    }

    private static async Task<ServerHost> TryStartAsync(string connectionString, string[] settings,
        Action<IServiceCollection>? configureServices)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("carewatch-server-");
        CopySharedPki(dataDirectory);
        var httpPort = FreePort.Next();
        // A test may choose the HTTPS port itself (later arguments win); the host reports the one in force.
        var httpsPort = settings.Where(s => s.StartsWith("Http:HttpsPort=", StringComparison.Ordinal))
            .Select(s => int.Parse(s["Http:HttpsPort=".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(FreePort.Next()).Last();
        var mqttPort = FreePort.Next();
        string[] args =
        [
            $"--ConnectionStrings:CareWatch={connectionString}",
            // Not Production: tests may use demo settings, which the production guard refuses there.
            "--environment=Test",
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
            configureServices?.Invoke(services);
            TestPrincipals.Register(services);
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

    // Every server of the test process starts from the same private CA and server certificate, copied into its data
    // folder: making two RSA keys at each start was a quarter of the test process's CPU (perf, 2026-12-03). A
    // server that cannot use them (another host name, a clock before the CA's start) makes its own, as in production.
    private static readonly Lazy<string> SharedPki = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("carewatch-shared-pki-").FullName;
        // The constructor writes the CA and the server certificate; the folder they are in is the gateway's to name.
        var authority = new DeviceCertificateAuthority(Options.Create(new GatewayOptions { DataDirectory = folder }),
            TimeProvider.System, NullLogger<DeviceCertificateAuthority>.Instance);
        return Path.GetDirectoryName(authority.CaCertificatePath)!;
    });

    private static void CopySharedPki(DirectoryInfo dataDirectory)
    {
        var pki = Directory.CreateDirectory(Path.Combine(dataDirectory.FullName, "pki")).FullName;
        foreach (var file in Directory.GetFiles(SharedPki.Value))
            File.Copy(file, Path.Combine(pki, Path.GetFileName(file))); // keeps the keys' owner-only mode
    }

    /// <summary>Polls GET /health/ready until it answers 200 (migrations run in the background at start).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await (HttpsPort != 0 ? Https : Anonymous).GetAsync("health/ready", cts.Token);
            if (response.IsSuccessStatusCode) return;
            await Task.Delay(200, cts.Token);
        }
    }

    /// <summary>
    /// The database's test bureau, made once the schema exists (and shared by every server on the database, so a
    /// restarted server's board sees the first one's seniors).
    /// </summary>
    public Task<Guid> TestBureauAsync() => _testBureau.Value;

    /// <summary>An API key of the bureau, created once per server through the real store.</summary>
    public Task<string> ApiKeyAsync(Guid bureauId) => _keys.GetOrAdd(bureauId, id => new(async () =>
        (await Services.GetRequiredService<ApiKeyStore>().CreateAsync(TenantScope.Bureau(id), "tests")).Key)).Value;

    /// <summary>A client on the API as the bureau's integration (disposed with the server).</summary>
    public async Task<HttpClient> ClientForBureauAsync(Guid bureauId)
    {
        // Redirects are not followed: a page's redirect to HTTPS is itself the answer a test should see.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", await ApiKeyAsync(bureauId));
        lock (_clients) _clients.Add(client);
        return client;
    }

    /// <summary>A client as a person of a role (a test principal), with a bureau or a senior.</summary>
    public HttpClient ClientAs(string role, Guid? bureauId = null, Guid? seniorId = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add(TestPrincipals.RoleHeader, role);
        if (bureauId is { } b) client.DefaultRequestHeaders.Add(TestPrincipals.BureauHeader, b.ToString());
        if (seniorId is { } s) client.DefaultRequestHeaders.Add(TestPrincipals.SeniorHeader, s.ToString());
        lock (_clients) _clients.Add(client);
        return client;
    }

    private async Task<Guid> FindOrAddTestBureauAsync()
    {
        await WaitUntilReadyAsync();
        await using (var cmd = Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT id FROM bureaus WHERE name = @name ORDER BY created_at, id LIMIT 1"))
        {
            cmd.Parameters.AddWithValue("name", TestBureauName);
            if (await cmd.ExecuteScalarAsync() is Guid id) return id;
        }
        return (await Services.GetRequiredService<SeniorDirectory>().AddBureauAsync(TestBureauName, "Europe/Berlin")).Id;
    }

    // Puts the test bureau's key on every request but the health probes (which need no credentials, and run
    // before the schema the key lives in exists).
    // Redirects are not followed: an API answers, and a page's redirect to HTTPS is what the test should see.
    private sealed class TestBureauKey(ServerHost host) : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.RequestUri?.AbsolutePath.StartsWith("/health", StringComparison.Ordinal) != true
                && !request.Headers.Contains("X-Api-Key"))
                request.Headers.Add("X-Api-Key", await host.ApiKeyAsync(await host.TestBureauAsync()));
            return await base.SendAsync(request, ct);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Anonymous.Dispose();
        Admin.Dispose();
        Https.Dispose();
        lock (_clients) _clients.ForEach(c => c.Dispose());
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { _dataDirectory.Delete(recursive: true); } catch (IOException) { }
    }
}
