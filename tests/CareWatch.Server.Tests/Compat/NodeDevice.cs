using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.Compat;

/// <summary>Runs tests/compat/device.js (the Azure IoT Node.js device SDK) as a child process and reads its step reports.</summary>
public sealed class NodeDevice : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonElement> _steps = Channel.CreateUnbounded<JsonElement>();
    private readonly List<string> _stderr = [];

    private NodeDevice(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) { _steps.Writer.TryComplete(); return; }
            try { _steps.Writer.TryWrite(JsonDocument.Parse(e.Data).RootElement.Clone()); }
            catch (JsonException) { lock (_stderr) _stderr.Add("stdout: " + e.Data); }
        };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static NodeDevice Start(string connectionString, string transport, int port, string telemetryJson, string caPath)
    {
        var folder = Path.Combine(RepoRoot.Path, "tests", "compat");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "azure-iot-device-mqtt")))
            throw new InvalidOperationException("tests/compat/node_modules is missing: run ./ops/test.sh, which installs it with npm ci.");
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "device.js", connectionString, transport, port.ToString(), telemetryJson }) psi.ArgumentList.Add(a);
        psi.Environment["NODE_EXTRA_CA_CERTS"] = caPath;
        return new NodeDevice(Process.Start(psi)!);
    }

    /// <summary>Reads reports until the named step; fails with the device's output when it reports an error or exits.</summary>
    public async Task<JsonElement> WaitForStepAsync(string step)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await foreach (var report in _steps.Reader.ReadAllAsync(cts.Token))
            {
                if (report.TryGetProperty("error", out var error))
                    Assert.Fail($"Node device failed at {report.GetProperty("step")}: {error} {Diagnostics()}");
                if (report.GetProperty("step").GetString() == step) return report;
            }
        }
        catch (OperationCanceledException) { }
        Assert.Fail($"Node device never reached '{step}'. {Diagnostics()}");
        return default;
    }

    /// <summary>Closing stdin tells the device to disconnect and exit.</summary>
    public async Task<int> StopAsync()
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    private string Diagnostics()
    {
        lock (_stderr) return "stderr: " + string.Join('\n', _stderr.TakeLast(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
