using CareWatch.FirmwareSim.Device;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Load;

/// <summary>
/// Runs many <see cref="LoadWatch"/>es from one process: connects them with bounded parallelism,
/// then lets each publish once per batch interval (start times spread evenly over one interval so the
/// load is smooth) for the steady duration, logging a <see cref="RateReport"/> periodically and at the end.
/// </summary>
public sealed class LoadRunner(IReadOnlyList<DeviceConnectionString> devices, LoadSettings settings, TimeProvider time, Action<string> log)
{
    /// <summary>
    /// Runs the ramp-up and the steady phase; returns the steady phase's report (also logged, with a RESULT line).
    /// Cancelling during the steady phase ends it early and still returns (and logs) the report.
    /// </summary>
    public async Task<RateReport> RunAsync(CancellationToken cancellationToken)
    {
        var stats = new LoadStats();
        var roots = !settings.NoTls && settings.CaFile is { } file ? TlsTrust.LoadCa(file) : null;
        var watches = devices.Select((d, i) => new LoadWatch(d, settings.SourceAddresses.For(i), settings, time, stats)).ToList();
        LoadSnapshot Snapshot() => stats.Take(time.GetTimestamp()) with { Connected = watches.Count(w => w.IsConnected) };
        long peak = 0;
        try
        {
            var rampStart = Snapshot();
            log($"connecting {watches.Count:N0} watch(es) to {settings.MqttHost}:{settings.MqttPort}, {settings.ConnectParallelism} at a time"
                + (settings.SourceAddresses.Addresses.Count > 0 ? $", from {string.Join(", ", settings.SourceAddresses.Addresses)}" : ""));
            await Parallel.ForEachAsync(watches, new ParallelOptions { MaxDegreeOfParallelism = settings.ConnectParallelism, CancellationToken = cancellationToken },
                async (w, ct) => await w.TryConnectAsync(roots, ct));
            var steadyStart = Snapshot();
            peak = steadyStart.Connected;
            log(RateReport.Between(rampStart, steadyStart, watches.Count, time).Format("ramp-up"));
            log($"STEADY connected={steadyStart.Connected}"); // ops/bench.sh samples the server here

            // The deadline runs on the injected clock, like every other wait of the run.
            using var deadline = new CancellationTokenSource(settings.Duration, time);
            using var steady = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            var loops = watches.Select((w, i) => PublishLoopAsync(w, i, watches.Count, roots, steady.Token)).ToList();
            var previous = steadyStart;
            using var timer = new PeriodicTimer(settings.ReportInterval, time);
            try
            {
                while (await timer.WaitForNextTickAsync(steady.Token))
                {
                    var now = Snapshot();
                    peak = Math.Max(peak, now.Connected);
                    log(RateReport.Between(previous, now, watches.Count, time).Format("last"));
                    previous = now;
                }
            }
            catch (OperationCanceledException) when (steady.IsCancellationRequested) { }
            await Task.WhenAll(loops);
            var end = Snapshot();
            var report = RateReport.Between(steadyStart, end, watches.Count, time) with { Connected = Math.Max(end.Connected, 0) };
            peak = Math.Max(peak, end.Connected);
            log(report.Format("steady total"));
            log(report.FormatResult(peak));
            return report;
        }
        finally
        {
            await Parallel.ForEachAsync(watches, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (w, _) => await w.DisposeAsync());
        }
    }

    private async Task PublishLoopAsync(LoadWatch watch, int index, int count, System.Security.Cryptography.X509Certificates.X509Certificate2Collection? roots,
        CancellationToken ct)
    {
        try
        {
            // Spread first publishes evenly over one interval: a fleet's batches do not all land in the same second.
            await Task.Delay(settings.BatchInterval * index / Math.Max(1, count), time, ct);
            using var timer = new PeriodicTimer(settings.BatchInterval, time);
            do
            {
                if (!watch.IsConnected && !await watch.TryConnectAsync(roots, ct)) continue;
                await watch.PublishAsync(ct);
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // The steady phase is over; MQTTnet may report the cancelled wait as a timeout.
        }
    }
}
