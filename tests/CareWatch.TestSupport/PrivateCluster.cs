using System.Diagnostics;
using Npgsql;

namespace CareWatch.TestSupport;

/// <summary>
/// A PostgreSQL cluster of a test's own, started and stopped through <c>ops/pg-cluster.sh</c>,
/// for tests that must take the database away (readiness, outage handling) or make it hang.
/// </summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private readonly string _dataDir;
    private ClusterFreeze? _freeze;

    private PrivateCluster(string dataDir, int port)
    {
        _dataDir = dataDir;
        Port = port;
    }

    /// <summary>The loopback port the cluster listens on.</summary>
    public int Port { get; }

    /// <summary>Connection string to its <c>postgres</c> database.</summary>
    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=3;Command Timeout=5";

    /// <summary>Initialises and starts a new cluster on a free port.</summary>
    public static async Task<PrivateCluster> StartAsync()
    {
        var parent = Directory.CreateTempSubdirectory("carewatch-cluster-");
        // The server may run as the 'postgres' user, which must be able to reach the folder.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(parent.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var cluster = new PrivateCluster(Path.Combine(parent.FullName, "pg"), FreePort.Next());
        await cluster.StartAgainAsync();
        return cluster;
    }

    /// <summary>Starts the (stopped) cluster again on the same port.</summary>
    public Task StartAgainAsync() => RunScriptAsync("start", _dataDir, Port.ToString());

    /// <summary>Stops the cluster (fast shutdown: open connections are cut).</summary>
    public Task StopAsync() => RunScriptAsync("stop", _dataDir);

    /// <summary>
    /// Freezes every process of the cluster (SIGSTOP), as when the database host hangs: connections stay
    /// open, new ones are still accepted by the kernel, and nothing answers. Dispose the result to resume
    /// (SIGCONT); disposing the cluster resumes it too.
    /// </summary>
    public async Task<IAsyncDisposable> FreezeAsync()
    {
        if (_freeze is not null) throw new InvalidOperationException("The cluster is already frozen.");
        _freeze = await ClusterFreeze.StartAsync(Path.Combine(_dataDir, "postmaster.pid"), () => _freeze = null);
        return _freeze;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // A frozen cluster would never answer pg_ctl's stop.
        if (_freeze is not null) await _freeze.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await StopAsync();
        try { Directory.Delete(Path.GetDirectoryName(_dataDir)!, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
        catch (UnauthorizedAccessException) { }
    }

    private static async Task RunScriptAsync(params string[] args)
    {
        var script = Path.Combine(RepoRoot.Path, "ops", "pg-cluster.sh");
        var psi = new ProcessStartInfo(script) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"pg-cluster.sh {string.Join(' ', args)} failed: {await stderr}");
    }
}
