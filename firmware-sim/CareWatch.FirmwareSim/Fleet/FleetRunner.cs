using CareWatch.FirmwareSim.CheckIn;
using CareWatch.FirmwareSim.Device;

namespace CareWatch.FirmwareSim.Fleet;

/// <summary>
/// Runs N watches side by side and logs a periodic summary. Start-up connects every watch once so
/// that a wrong host, port, CA or key shows at once; a watch that fails keeps retrying with backoff,
/// but when none can connect the run stops with the first error.
/// </summary>
public sealed class FleetRunner(IReadOnlyList<FleetMember> members, FleetOptions options)
{
    private readonly Action<string> _log = options.Watch.Log ?? (_ => { });

    /// <summary>Runs until cancelled; throws <see cref="FleetStartException"/> when no watch could connect.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var responders = members.Select(Responder).ToList();
        var watches = members.Select((m, i) => new SimulatedWatch(m.Connection, OptionsFor(m, responders[i]))).ToList();
        try
        {
            await ConnectAllAsync(watches, cancellationToken);
            var runners = members.Select((m, i) => new WatchRunner(m, watches[i], options, responders[i]).RunAsync(cancellationToken));
            var summary = SummarizeAsync(watches, cancellationToken);
            await Task.WhenAll(runners.Append(summary));
            _log(Summary(watches, "stopped"));
        }
        finally
        {
            await Task.WhenAll(watches.Select(w => w.DisposeAsync().AsTask()));
            foreach (var responder in responders) responder?.Dispose();
        }
    }

    // The senior presses OK by the watch's clock, as she reads it.
    private PromptResponder? Responder(FleetMember member) => member.CheckIn is { } answers
        ? new PromptResponder(answers, member.ClockOver(options.Watch.TimeProvider), member.Connection.DeviceId, options.Watch.Log)
        : null;

    // Each watch signs its tokens by its own clock, which a script may have set wrong.
    private SimulatedWatchOptions OptionsFor(FleetMember member, PromptResponder? responder) =>
        options.Watch with
        {
            TimeProvider = member.ClockOver(options.Watch.TimeProvider),
            MethodHandler = responder is null ? options.Watch.MethodHandler : responder.Handle,
        };

    private async Task ConnectAllAsync(List<SimulatedWatch> watches, CancellationToken cancellationToken)
    {
        Exception? first = null;
        var connected = 0;
        await Parallel.ForEachAsync(watches, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (watch, ct) =>
            {
                try
                {
                    await watch.ConnectAsync(ct);
                    Interlocked.Increment(ref connected);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Interlocked.CompareExchange(ref first, ex, null);
                    _log($"{watch.DeviceId}: first connect failed: {ex.Message}");
                }
            });
        if (connected == 0 && first is not null)
            throw new FleetStartException($"no watch could connect: {first.Message}{(first.InnerException is { } inner ? $" ({inner.Message})" : "")}", first);
    }

    private async Task SummarizeAsync(List<SimulatedWatch> watches, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.SummaryInterval, options.Watch.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken)) _log(Summary(watches, "summary"));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
    }

    private static string Summary(List<SimulatedWatch> watches, string label) =>
        $"{label}: {watches.Count(w => w.IsConnected)}/{watches.Count} connected, " +
        $"{watches.Sum(w => w.Published)} sent, {watches.Sum(w => w.Acknowledged)} acked, " +
        $"{watches.Sum(w => w.Buffer.Count)} buffered";
}
