using CareWatch.FirmwareSim.Load;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Cli;

/// <summary>What <c>carewatch-sim load</c> does once its options are valid.</summary>
public static class LoadAction
{
    /// <summary>Reads this process's slice of the connections file and runs the load; exit code 2 when it cannot start.</summary>
    public static async Task<int> ExecuteAsync(LoadSettings settings, TimeProvider time, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var synchronized = TextWriter.Synchronized(output);
        void Log(string line) => synchronized.WriteLine($"{time.GetLocalNow():HH:mm:ss} {line}");
        IReadOnlyList<DeviceConnectionString> devices;
        try
        {
            devices = Slice(await File.ReadAllLinesAsync(settings.ConnectionsFile, cancellationToken), settings.FirstWatch, settings.Watches);
        }
        catch (Exception ex) when (ex is FormatException or IOException)
        {
            await error.WriteLineAsync($"carewatch-sim: {ex.Message}");
            return RunAction.StartFailed;
        }
        try
        {
            var report = await new LoadRunner(devices, settings, time, Log).RunAsync(cancellationToken);
            return report.Connected > 0 ? 0 : RunAction.StartFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log("stopped");
            return 0;
        }
    }

    /// <summary>The non-empty lines from <paramref name="first"/> on, at most <paramref name="count"/>; throws when the file has too few.</summary>
    public static IReadOnlyList<DeviceConnectionString> Slice(IReadOnlyList<string> lines, int first, int? count)
    {
        var usable = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var wanted = count ?? usable.Count - first;
        if (wanted < 1 || first + wanted > usable.Count)
            throw new FormatException($"the connections file has {usable.Count} line(s); lines {first}–{first + wanted - 1} were asked for");
        return usable.Skip(first).Take(wanted).Select(l => DeviceConnectionString.Parse(l.Trim())).ToList();
    }
}
