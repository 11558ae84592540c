using CareWatch.FirmwareSim.CheckIn;
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
            var stored = settings.IdentitiesFile is { } file
                ? await IdentityStore.LoadAsync(file, cancellationToken) : StoredFleet.Empty;
            var watches = await WatchesAsync(settings, stored, log, cancellationToken);
            var start = time.GetUtcNow().UtcDateTime;
            if (settings.Scenarios.FirstOrDefault(s => s.WatchIndex >= watches.Count) is { } beyond)
                throw new InvalidDataException(
                    $"--scenario for watch {beyond.WatchIndex}, but only {watches.Count} watch(es) run");
            var routines = watches.Select((w, i) =>
                new DailyRoutine(unchecked(settings.Seed * 7919 + i), w.TimeZone ?? time.LocalTimeZone)).ToList();
            var onsets = watches.Take(settings.StillWatches).Select((w, i) => StillOnset.Decide(
                w.Registered is { } r && stored.StillSince.TryGetValue(r.Senior.Id, out var kept) ? kept : null,
                settings.StillOnsetMinutesAgo, routines[i], start)).ToList();
            // A dozing senior's stillness is not kept: once she has answered, a rerun has her doze afresh.
            var dozing = watches.Skip(settings.StillWatches).Take(settings.DozingWatches).Select((w, j) => StillOnset.Decide(
                null, settings.StillOnsetMinutesAgo, routines[settings.StillWatches + j], start)).ToList();
            // Saved before the watches start: a run stopped at once still leaves the next one the same story.
            if (settings.IdentitiesFile is { } path)
                await IdentityStore.SaveAsync(path, Remembered(stored, watches, onsets), cancellationToken);
            var members = watches.Select((w, i) => new FleetMember(w.Connection, routines[i],
                ScriptFor(i, settings, start, StillFrom(i, onsets, dozing)?.OnsetUtc))
            {
                LastStoredMinute = w.Registered?.LastMinuteAt,
                CheckIn = new CheckInAnswers(settings.Seed, i,
                    CheckInAnswers.RoleOf(i, settings.StillWatches, settings.DozingWatches),
                    settings.OkProbability, TimeSpan.FromSeconds(settings.OkDelaySeconds)) { TimeZone = routines[i].TimeZone },
            }).ToList();
            for (var i = 0; i < members.Count; i++)
            {
                var id = members[i].Connection.DeviceId;
                if (StillFrom(i, onsets, dozing) is var (onset, how))
                    log($"{id}: {(i < onsets.Count ? "still" : "dozing")} since {onset:u} ({routines[i].ToLocal(onset):HH:mm} on her clock; {how})"
                        + (i < onsets.Count ? "; she will not answer \"Are you OK?\"" : $"; she presses OK {settings.OkDelaySeconds} s after the prompt"));
                if (members[i].LastStoredMinute is { } last)
                    log($"{id}: the server stores its minutes up to {last:u}; uploading only later ones");
                if (settings.ClockSkewSeconds > 0)
                    log($"{id}: clock {ClockErrorOf(i, settings).TotalSeconds:+0;-0;0} s off");
                foreach (var spec in settings.Scenarios.Where(s => s.WatchIndex == i))
                    log($"{id}: {spec.Describe(start)}");
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
            var host = settings.MqttHost ?? watches[0].Connection.HostName;
            log($"starting {members.Count} watch(es) → {host}:{settings.MqttPort}");
            await new FleetRunner(members, options).RunAsync(cancellationToken);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log("stopped before the watches started");
            return 0;
        }
        // IOException covers a missing file and an --identities file that cannot be written.
        catch (Exception ex) when (ex is RegistrationException or FleetStartException or InvalidDataException
                                       or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"carewatch-sim: {ex.Message}");
            return StartFailed;
        }
    }

    // A watch of this run: from the command line, or registered (or reused) on the server.
    private sealed record RunWatch(DeviceConnectionString Connection, TimeZoneInfo? TimeZone,
        RegisteredWatch? Registered);

    private static async Task<IReadOnlyList<RunWatch>> WatchesAsync(RunSettings settings, StoredFleet stored,
        Action<string> log, CancellationToken cancellationToken)
    {
        if (settings.Server is null)
            return settings.ConnectionStrings.Take(settings.Watches ?? int.MaxValue)
                .Select(text => new RunWatch(DeviceConnectionString.Parse(text), null, null)).ToList();

        using var http = ApiKeyOption.Client(settings.Server, settings.ApiKey, TimeSpan.FromSeconds(30));
        var registrations = await new ServerRegistration(http)
            .RegisterWatchesAsync(settings.Watches, stored.Watches, log, cancellationToken);
        if (settings.StillWatches + settings.DozingWatches > registrations.Count)
            throw new RegistrationException($"--still-watches {settings.StillWatches} and --dozing-watches "
                + $"{settings.DozingWatches} but only {registrations.Count} watch(es) registered");
        return registrations.Select(r => new RunWatch(
            DeviceConnectionString.Parse(r.Device.ConnectionString), FindTimeZone(r.Senior.TimeZone), r)).ToList();
    }

    // The file's next content (only with --server, so every watch is a registered one); a senior's first
    // still watch tells her onset.
    private static StoredFleet Remembered(StoredFleet stored, IReadOnlyList<RunWatch> watches,
        IReadOnlyList<(DateTime OnsetUtc, string How)> onsets)
    {
        var still = new Dictionary<Guid, DateTime>();
        for (var i = 0; i < onsets.Count; i++) still.TryAdd(watches[i].Registered!.Senior.Id, onsets[i].OnsetUtc);
        return stored.After(watches.Select(w => w.Registered!).ToList(), still);
    }

    // The collapsed come first, then the dozing; null for a watch that never goes still by itself.
    private static (DateTime OnsetUtc, string How)? StillFrom(int index, IReadOnlyList<(DateTime OnsetUtc, string How)> still,
        IReadOnlyList<(DateTime OnsetUtc, string How)> dozing) =>
        index < still.Count ? still[index]
        : index - still.Count < dozing.Count ? dozing[index - still.Count]
        : null;

    private static Scenario ScriptFor(int index, RunSettings settings, DateTime startUtc, DateTime? stillFrom)
    {
        var scenario = stillFrom is { } onset ? Scenario.StillFrom(onset) : Scenario.Normal;
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
