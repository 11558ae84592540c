using System.Net.Http.Json;
using CareWatch.FirmwareSim.Cli;
using CareWatch.FirmwareSim.Device;
using CareWatch.FirmwareSim.Load;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Bench;

/// <summary>
/// The alert latency benchmark (issue 11, point 8): every watch of the file presses SOS once, at an even pace of
/// <see cref="AlertBenchSettings.AlertsPerMinute"/>, while <see cref="AlertBenchSettings.Boards"/> boards listen on the
/// alerts hub. The latency of an alert at a board is from just before the watch publishes the SOS (the deciding event:
/// its telemetry arriving) to that board's first push about that senior, on one clock; the percentiles are over every
/// (alert, board) pair, so with many boards they include the fan-out. It covers MQTT/TLS, the commit before PUBACK,
/// the monitor,
/// the alert's statement with its outbox row, the dispatcher and SignalR.
/// </summary>
public sealed class AlertBenchRunner(AlertBenchSettings settings, TimeProvider time, Action<string> log)
{
    /// <summary>Runs the benchmark and returns its result (also logged, with a RESULT line).</summary>
    public async Task<AlertBenchResult> RunAsync(CancellationToken ct)
    {
        var devices = (await File.ReadAllLinesAsync(settings.ConnectionsFile, ct))
            .Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => DeviceConnectionString.Parse(l.Trim())).ToList();
        var seniorOf = await SeniorsOfAsync(ct);
        if (devices.Any(d => !seniorOf.ContainsKey(d.DeviceId)) || devices.Select(d => seniorOf[d.DeviceId]).Distinct().Count() != devices.Count)
            throw new InvalidOperationException("every watch must be registered and worn by a senior of its own");

        var load = new LoadSettings { ConnectionsFile = settings.ConnectionsFile, MqttHost = settings.MqttHost, MqttPort = settings.MqttPort,
            CaFile = settings.CaFile };
        var stats = new LoadStats();
        var roots = settings.CaFile is { } ca ? TlsTrust.LoadCa(ca) : null;
        var watches = devices.Select(d => new LoadWatch(d, null, load, time, stats)).ToList();
        var boards = Enumerable.Range(0, settings.Boards)
            .Select(_ => new BoardListener(settings.Server, settings.ApiKey, "sos", time)).ToList();
        try
        {
            await Parallel.ForEachAsync(watches, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct },
                async (w, token) => await w.TryConnectAsync(roots, token));
            log($"connected {watches.Count(w => w.IsConnected)}/{watches.Count} watch(es)");
            // Each senior's monitor is activated by one ordinary batch first: the benchmark measures alerts on a
            // running system, not the first activation of a grain after a restart.
            await Parallel.ForEachAsync(watches, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct },
                async (w, token) => await w.PublishLatestMinuteAsync(token));
            await Task.Delay(TimeSpan.FromSeconds(10), time, ct);
            var starting = new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct };
            await Parallel.ForEachAsync(boards, starting, async (b, token) => await b.StartAsync(token));
            log($"{boards.Count} board(s) listening");

            var sentAt = new long?[watches.Count];
            var gap = TimeSpan.FromMinutes(1) / settings.AlertsPerMinute;
            var start = time.GetTimestamp();
            var sends = new List<Task>();
            for (var i = 0; i < watches.Count; i++)
            {
                var due = gap * i - time.GetElapsedTime(start);
                if (due > TimeSpan.Zero) await Task.Delay(due, time, ct);
                var index = i;
                sentAt[index] = time.GetTimestamp();
                sends.Add(watches[index].PublishEventAsync(DeviceEventKind.Sos, ct));
            }
            await Task.WhenAll(sends);
            var seniors = devices.Select(d => seniorOf[d.DeviceId]).ToList();
            using var patience = new CancellationTokenSource(settings.Patience, time);
            while (boards.Any(b => b.FirstSeen.Count < seniors.Count) && !patience.IsCancellationRequested)
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, CancellationToken.None);
            var latencies = boards.SelectMany(b => seniors.Select((s, i) =>
                    b.FirstSeen.TryGetValue(s, out var seen) && sentAt[i] is { } sent
                        ? time.GetElapsedTime(sent, seen).TotalMilliseconds : (double?)null))
                .Where(l => l is not null).Select(l => l!.Value).Order().ToList();
            var result = AlertBenchResult.From(watches.Count, boards.Count, latencies, time.GetElapsedTime(start),
                boards.Sum(b => b.Pushes));
            log(result.Format());
            return result;
        }
        finally
        {
            foreach (var w in watches) await w.DisposeAsync();
            foreach (var b in boards) await b.DisposeAsync();
        }
    }

    private async Task<Dictionary<string, Guid>> SeniorsOfAsync(CancellationToken ct)
    {
        using var http = ApiKeyOption.Client(settings.Server, settings.ApiKey, TimeSpan.FromSeconds(60));
        var list = await http.GetFromJsonAsync<List<DeviceRow>>("api/devices", ct) ?? [];
        return list.Where(d => d.SeniorId is not null).ToDictionary(d => d.DeviceId, d => d.SeniorId!.Value);
    }

    private sealed record DeviceRow(string DeviceId, Guid? SeniorId);
}
