using System.Collections.Concurrent;
using System.Threading.Channels;
using CareWatch.Gateway.Mqtt;
using CareWatch.Monitoring;
using CareWatch.Server.Apis;
using CareWatch.Storage.Board;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Hubs;

/// <summary>
/// Pushes SeniorStateChanged to a bureau's boards when one of its seniors' tiles changes. Callers only mark a senior
/// (or a watch) as possibly changed, which costs a dictionary write on the telemetry path; one loop then stores the
/// still periods that changed and reads every marked senior in one query per round, and pushes only the tiles that
/// differ from what it last pushed. Marks that arrive during a round are coalesced into the next, so a burst of
/// 2,000 batches is a handful of queries, not 2,000. "Still for N min" counts up in the page from the still period's
/// start: a still senior costs no push per minute. A board that missed a push reloads the list when it reconnects.
/// </summary>
public sealed class SeniorStateFeed(
    SeniorStateReader reader, SeniorStillStore stillStore, IDeviceConnections connections,
    IHubContext<AlertsHub, IAlertsClient> hub, IOptions<MonitorOptions> options, TimeProvider time,
    ILogger<SeniorStateFeed> logger) : BackgroundService
{
    // A still period that goes on is stored again this often, so the board can tell it is current (StillFreshFor).
    private static readonly TimeSpan StillRefreshEvery = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, Shown> _shown = new();
    private readonly ConcurrentDictionary<Guid, StillReport> _stillStored = new();
    private readonly ConcurrentDictionary<Guid, StillReport> _stillPending = new();
    private readonly ConcurrentDictionary<Guid, byte> _seniors = new();
    private readonly ConcurrentDictionary<string, byte> _devices = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private sealed record Shown(SeniorStateView View, bool Night);

    /// <summary>
    /// Her monitor has taken a batch: its still period, and the watch's battery, charging flag and latest worn flag
    /// (null: the batch had no minutes). Marks her only if something a tile shows may have changed.
    /// </summary>
    public void BatchObserved(Guid seniorId, MonitorSnapshot snapshot, int battery, bool charging, bool? worn)
    {
        var report = new StillReport(seniorId, snapshot.StillSince, snapshot.LastMinute);
        var changed = false;
        if (!_stillStored.TryGetValue(seniorId, out var stored) || stored.StillSince != report.StillSince
            || (report.StillSince is not null && report.LastMinute - stored.LastMinute >= StillRefreshEvery))
        {
            _stillPending[seniorId] = report;
            changed = true;
        }
        if (changed || !_shown.TryGetValue(seniorId, out var shown) || shown.View.Battery != battery
            || shown.View.Charging != charging || (worn is { } w && shown.View.Worn != w)
            || shown.View.State is SeniorState.Offline or SeniorState.NoData
            || shown.Night != SeniorStates.IsNight(shown.View.TimeZone, time.GetUtcNow().UtcDateTime, options.Value))
            SeniorChanged(seniorId);
    }

    /// <summary>Something about her changed (an alert was raised or changed): her tile is read again.</summary>
    public void SeniorChanged(Guid seniorId)
    {
        _seniors[seniorId] = 0;
        _wake.Writer.TryWrite(true);
    }

    /// <summary>A watch connected or its connection ended: its senior's tile is read again.</summary>
    public void DeviceChanged(string deviceId)
    {
        _devices[deviceId] = 0;
        _wake.Writer.TryWrite(true);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stoppingToken))
            {
                _wake.Reader.TryRead(out _);
                await RoundAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RoundAsync(CancellationToken ct)
    {
        var seniors = Drain(_seniors);
        var devices = Drain(_devices);
        var stills = Drain(_stillPending);
        try
        {
            await stillStore.SetForSystemAsync(stills, ct);
            foreach (var s in stills) _stillStored[s.SeniorId] = s;
            var records = await reader.FindForSystemAsync(seniors, devices, ct);
            foreach (var gone in seniors.Except(records.Select(r => r.SeniorId))) Forget(gone); // erased
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var r in records) await PushIfChangedAsync(r, now);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Marked again, so the next batch or change retries them; boards keep the tiles they have.
            logger.LogWarning("Could not update the seniors board ({Error}); retried with the next change", ex.Message);
            foreach (var s in stills) _stillPending.TryAdd(s.SeniorId, s);
            foreach (var s in seniors) _seniors.TryAdd(s, 0);
            foreach (var d in devices) _devices.TryAdd(d, 0);
        }
    }

    private async Task PushIfChangedAsync(SeniorStateRecord r, DateTime now)
    {
        var connected = r.DeviceId is { } device && connections.IsConnected(device);
        var view = SeniorStates.View(r, connected, now, options.Value);
        var night = SeniorStates.IsNight(r.TimeZone, now, options.Value);
        var same = _shown.TryGetValue(r.SeniorId, out var old) && view.SameTileAs(old.View);
        _shown[r.SeniorId] = new Shown(view, night);
        if (!same) await hub.Clients.Group(AlertsHub.BureauGroup(r.BureauId)).SeniorStateChanged(view);
    }

    private void Forget(Guid seniorId)
    {
        _shown.TryRemove(seniorId, out _);
        _stillStored.TryRemove(seniorId, out _);
    }

    private static List<TKey> Drain<TKey>(ConcurrentDictionary<TKey, byte> marks) where TKey : notnull
    {
        var keys = marks.Keys.ToList();
        foreach (var k in keys) marks.TryRemove(k, out _);
        return keys;
    }

    private static List<StillReport> Drain(ConcurrentDictionary<Guid, StillReport> pending)
    {
        var list = new List<StillReport>();
        foreach (var k in pending.Keys.ToList())
            if (pending.TryRemove(k, out var v)) list.Add(v);
        return list;
    }
}
