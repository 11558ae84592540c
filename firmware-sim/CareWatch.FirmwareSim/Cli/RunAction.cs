using CareWatch.FirmwareSim.Device;
using CareWatch.FirmwareSim.Fleet;
using CareWatch.FirmwareSim.Registration;
using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Cli;

/// <summary>What <c>carewatch-sim run</c> does once its options are valid.</summary>
public static class RunAction
{
    /// <summary>Exit code for a run that could not start (server unreachable, no watch could connect, bad CA).</summary>
    public const int StartFailed = 2;

    /// <summary>Registers or parses the watches, builds their routines and runs the fleet until cancelled.</summary>
    public static async Task<int> ExecuteAsync(RunSettings settings, TimeProvider time, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var log = Logger(TextWriter.Synchronized(output), time);
        try
        {
            var connections = await ConnectionsAsync(settings, log, cancellationToken);
            var start = time.GetUtcNow().UtcDateTime;
            var stillFrom = start.AddMinutes(-settings.StillOnsetMinutesAgo);
            if (settings.Scenarios.FirstOrDefault(s => s.WatchIndex >= connections.Count) is { } beyond)
                throw new InvalidDataException($"--scenario for watch {beyond.WatchIndex}, but only {connections.Count} watch(es) run");
            var members = connections.Select((c, i) => new FleetMember(
                c.Connection,
                new DailyRoutine(unchecked(settings.Seed * 7919 + i), c.TimeZone ?? time.LocalTimeZone),
                ScriptFor(i, settings, start, stillFrom))).ToList();
            for (var i = 0; i < members.Count; i++)
            {
                if (i < settings.StillWatches) log($"{members[i].Connection.DeviceId}: goes still from {stillFrom:u}");
                if (settings.ClockSkewSeconds > 0) log($"{members[i].Connection.DeviceId}: clock {ClockErrorOf(i, settings).TotalSeconds:+0;-0;0} s off");
                foreach (var spec in settings.Scenarios.Where(s => s.WatchIndex == i))
                    log($"{members[i].Connection.DeviceId}: {spec.Describe(start)}");
            }

            var options = new FleetOptions
            {
                BatchInterval = TimeSpan.FromSeconds(settings.BatchSeconds),
                Backfill = TimeSpan.FromHours(settings.BackfillHours),
                SummaryInterval = TimeSpan.FromSeconds(settings.SummarySeconds),
                Watch = new SimulatedWatchOptions
                {
                    MqttHost = settings.MqttHost,
                    MqttPort = settings.MqttPort,
                    UseTls = !settings.NoTls,
                    CaFile = settings.CaFile,
                    TokenTtl = TimeSpan.FromMinutes(settings.TokenTtlMinutes),
                    TimeProvider = time,
                    Log = log,
                },
            };
            log($"starting {members.Count} watch(es) → {settings.MqttHost ?? connections[0].Connection.HostName}:{settings.MqttPort}");
            await new FleetRunner(members, options).RunAsync(cancellationToken);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log("stopped before the watches started");
            return 0;
        }
        catch (Exception ex) when (ex is RegistrationException or FleetStartException or InvalidDataException or FileNotFoundException)
        {
            await error.WriteLineAsync($"carewatch-sim: {ex.Message}");
            return StartFailed;
        }
    }

    private static async Task<IReadOnlyList<(DeviceConnectionString Connection, TimeZoneInfo? TimeZone)>> ConnectionsAsync(RunSettings settings, Action<string> log,
        CancellationToken cancellationToken)
    {
        if (settings.Server is null)
            return settings.ConnectionStrings.Take(settings.Watches ?? int.MaxValue).Select(text => (DeviceConnectionString.Parse(text), (TimeZoneInfo?)null)).ToList();

        using var http = new HttpClient { BaseAddress = settings.Server, Timeout = TimeSpan.FromSeconds(30) };
        var registrations = await new ServerRegistration(http).RegisterWatchesAsync(settings.Watches, log, cancellationToken);
        if (settings.StillWatches > registrations.Count)
            throw new RegistrationException($"--still-watches {settings.StillWatches} but only {registrations.Count} watch(es) registered");
        return registrations.Select(r => (DeviceConnectionString.Parse(r.Device.ConnectionString), FindTimeZone(r.Senior.TimeZone))).ToList();
    }

    private static Scenario ScriptFor(int index, RunSettings settings, DateTime startUtc, DateTime stillFrom)
    {
        var scenario = index < settings.StillWatches ? Scenario.StillFrom(stillFrom) : Scenario.Normal;
        if (settings.ClockSkewSeconds > 0) scenario = scenario.WithClockError(DateTime.MinValue, ClockErrorOf(index, settings));
        foreach (var spec in settings.Scenarios.Where(s => s.WatchIndex == index)) scenario = spec.ApplyTo(scenario, startUtc);
        return scenario;
    }

    // Uniform in ±ClockSkewSeconds, whole seconds, the same for a watch index and seed on every run.
    private static TimeSpan ClockErrorOf(int index, RunSettings settings) =>
        TimeSpan.FromSeconds(new Random(unchecked(settings.Seed * 104729 + index)).Next(-settings.ClockSkewSeconds, settings.ClockSkewSeconds + 1));

    // The routine follows the senior's own clock; an unknown zone falls back to the machine's.
    private static TimeZoneInfo? FindTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException) { return null; }
    }

    private static Action<string> Logger(TextWriter output, TimeProvider time) =>
        line => output.WriteLine($"{time.GetLocalNow():HH:mm:ss} {line}");
}
