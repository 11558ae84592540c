using System.Diagnostics;
using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.EndToEnd;

/// <summary>
/// The real server as its own process (the solution's build of CareWatch.Server.dll), so a test can kill it with
/// SIGKILL mid-work: no shutdown code runs, as when a node dies. It serves HTTP only (no watches: MQTT and HTTPS off).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _dataDirectory;
    private readonly List<string> _output = [];

    private ServerProcess(Process process, DirectoryInfo dataDirectory, int httpPort)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        HttpPort = httpPort;
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (_output) _output.Add(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (_output) _output.Add(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Its plain HTTP port.</summary>
    public int HttpPort { get; }

    /// <summary>Starts the server on <paramref name="connectionString"/> with extra settings and waits until it is ready.</summary>
    public static async Task<ServerProcess> StartAsync(string connectionString, IEnumerable<string> settings)
    {
        var dll = Path.Combine(RepoRoot.Path, "src", "CareWatch.Server", "bin", "Debug", "net10.0", "CareWatch.Server.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the solution first (ops/test.sh does).", dll);
        var dataDirectory = Directory.CreateTempSubdirectory("carewatch-process-");
        var httpPort = FreePort.Next();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            dll, $"--ConnectionStrings:CareWatch={connectionString}", "--environment=Test", $"--Http:Port={httpPort}",
            "--Http:HttpsPort=0", "--Gateway:MqttPort=0", $"--Gateway:DataDirectory={dataDirectory.FullName}",
            $"--Orleans:SiloPort={FreePort.Next()}", $"--Orleans:GatewayPort={FreePort.Next()}",
            $"--Orleans:ClusterId=process-{Guid.NewGuid():N}", "--Logging:LogLevel:Default=Warning",
            .. settings.Select(s => "--" + s),
        ];
        foreach (var a in args) psi.ArgumentList.Add(a);
        var server = new ServerProcess(Process.Start(psi)!, dataDirectory, httpPort);
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>SIGKILL: the process dies at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/"), Timeout = TimeSpan.FromSeconds(5) };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!cts.IsCancellationRequested)
        {
            if (_process.HasExited) break;
            try
            {
                using var response = await http.GetAsync("health/ready", cts.Token);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!cts.IsCancellationRequested) { }
            await Task.Delay(200, CancellationToken.None);
        }
        string output;
        lock (_output) output = string.Join('\n', _output.TakeLast(40));
        throw new InvalidOperationException($"The server process did not become ready. Its output:\n{output}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        try { _dataDirectory.Delete(recursive: true); } catch (IOException) { }
    }
}
