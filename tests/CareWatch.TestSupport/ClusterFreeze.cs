using System.Diagnostics;

namespace CareWatch.TestSupport;

/// <summary>
/// A PostgreSQL cluster held in SIGSTOP: the postmaster first (so it forks no new backend), then each of its
/// children (backends, checkpointer, WAL writer…). Disposing sends SIGCONT to all of them.
/// </summary>
internal sealed class ClusterFreeze : IAsyncDisposable
{
    private readonly IReadOnlyList<int> _pids;
    private readonly Action _onThawed;
    private int _thawed;

    private ClusterFreeze(IReadOnlyList<int> pids, Action onThawed)
    {
        _pids = pids;
        _onThawed = onThawed;
    }

    public static async Task<ClusterFreeze> StartAsync(string postmasterPidFile, Action onThawed)
    {
        // The first line of postmaster.pid is the postmaster's process id.
        var postmaster = int.Parse((await File.ReadAllLinesAsync(postmasterPidFile))[0].Trim());
        await SignalAsync("STOP", [postmaster]);
        var pids = new List<int> { postmaster };
        pids.AddRange(ChildrenOf(postmaster));
        await SignalAsync("STOP", pids.Skip(1).ToList());
        return new ClusterFreeze(pids, onThawed);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _thawed, 1) == 1) return;
        await SignalAsync("CONT", _pids);
        _onThawed();
    }

    // /proc/<pid>/stat is "pid (comm) state ppid …"; comm may contain spaces, so parse after the last ')'.
    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; } // gone meanwhile
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (int.TryParse(fields[1], out var ppid) && ppid == parent) yield return pid;
        }
    }

    private static async Task SignalAsync(string signal, IReadOnlyList<int> pids)
    {
        if (pids.Count == 0) return;
        var psi = new ProcessStartInfo("kill") { RedirectStandardError = true };
        psi.ArgumentList.Add("-" + signal);
        foreach (var pid in pids) psi.ArgumentList.Add(pid.ToString());
        using var process = Process.Start(psi)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        // A backend that was already exiting when the cluster was frozen is gone by the thaw: nothing to continue.
        var onlyGone = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).All(l => l.Contains("No such process"));
        if (process.ExitCode != 0 && !(signal == "CONT" && onlyGone))
            throw new InvalidOperationException($"kill -{signal} failed: {stderr}");
    }
}
