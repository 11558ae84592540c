using CareWatch.Monitoring.CheckIn;
using CareWatch.Storage.Alerts;
using CareWatch.Storage;

namespace CareWatch.Monitoring.Tests.Support;

/// <summary>An in-memory alert store for the monitor, which can be told to fail its writes.</summary>
public sealed class FakeMonitorAlerts : IMonitorAlerts, IWatchPrompt
{
    /// <summary>Every alert ever raised, in order: its state, when its condition ended, when it was closed.</summary>
    public List<(AlertRequest Request, DateTime RaisedAt, DateTime? ClearedAt, DateTime? EndedAt, string State)> Rows { get; } = [];

    /// <summary>While true, every write throws as a lost database connection would.</summary>
    public bool Failing { get; set; }

    /// <summary>What the watch does with a prompt (default: not connected).</summary>
    public PromptOutcome PromptOutcome { get; set; } = PromptOutcome.Unreachable;

    /// <summary>Prompts sent.</summary>
    public int Prompts { get; private set; }

    /// <summary>The clock that stamps raises.</summary>
    public required TimeProvider Time { get; init; }

    private bool IsActive(int i) => AlertStates.IsActive(Rows[i].State);

    public IEnumerable<AlertRequest> Open => Rows.Where((r, i) => IsActive(i) && r.EndedAt is null).Select(r => r.Request);

    public Task<IReadOnlyList<ActiveAlert>> LoadActiveAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ActiveAlert>>(Rows.Select((r, i) => (r, i))
            .Where(x => IsActive(x.i) && AlertKinds.MonitorManaged.Contains(x.r.Request.Kind))
            .Select(x => new ActiveAlert(x.i, x.r.Request.Kind, x.r.State, x.r.RaisedAt, x.r.EndedAt, x.r.Request.Facts,
                x.r.Request.StartedAt)).ToList());

    public Task UpdateFactsAsync(string kind, AlertFacts facts, CancellationToken ct)
    {
        Fail();
        var i = Active(kind);
        if (i >= 0) Rows[i] = Rows[i] with { Request = Rows[i].Request with { Facts = facts } };
        return Task.CompletedTask;
    }

    public Task<bool> RaisedForStillPeriodAsync(DateTime stillSince, CancellationToken ct) =>
        Task.FromResult(Rows.Any(r => r.Request.StillSince == stillSince));

    /// <summary>Events stored by the gateway whose alert a dead node never stored.</summary>
    public List<UnalertedEvent> Unalerted { get; } = [];

    /// <summary>OK presses the gateway stored (a test adds them before the monitor hears of them).</summary>
    public List<DateTime> OkPresses { get; } = [];

    public Task<IReadOnlyList<DateTime>> OkPressesAsync(DateTime since, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DateTime>>(OkPresses.Where(at => at >= since).Order().ToList());

    public Task<IReadOnlyList<UnalertedEvent>> UnalertedEventsAsync(DateTime since, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<UnalertedEvent>>(Unalerted.Where(e => e.At >= since).ToList());

    public Task<(ActiveAlert Alert, bool Inserted)> RaiseAsync(AlertRequest alert, bool checkIn, CancellationToken ct)
    {
        Fail();
        var i = Active(alert.Kind);
        var inserted = i < 0 || alert.Kind is AlertKinds.Sos or AlertKinds.Fall;
        if (inserted)
        {
            Rows.Add((alert, Time.GetUtcNow().UtcDateTime, null, null, checkIn ? AlertStates.Checking : AlertStates.Open));
            i = Rows.Count - 1;
        }
        else Rows[i] = Rows[i] with { EndedAt = null }; // a repeat
        var r = Rows[i];
        return Task.FromResult((new ActiveAlert(i, r.Request.Kind, r.State, r.RaisedAt, r.EndedAt, r.Request.Facts, r.Request.StartedAt), inserted));
    }

    public Task<TimeSpan> CheckInWindowAsync(CancellationToken ct) => Task.FromResult(TimeSpan.FromMinutes(2));

    /// <summary>The bureau's low-battery level (default 15 %, as CheckInSettings.Default).</summary>
    public int LowBatteryPercent { get; set; } = 15;

    /// <summary>How often the monitor read the level.</summary>
    public int LowBatteryReads { get; private set; }

    public Task<int> LowBatteryPercentAsync(CancellationToken ct)
    {
        Fail();
        LowBatteryReads++;
        return Task.FromResult(LowBatteryPercent);
    }

    public Task<bool> PromptedAsync(long alertId, int number, TimeSpan window, CancellationToken ct)
    {
        Fail();
        return Task.FromResult(Rows[(int)alertId].State == AlertStates.Checking);
    }

    public Task WatchUnreachableAsync(long alertId, CancellationToken ct)
    {
        Fail();
        var i = (int)alertId;
        if (Rows[i].State == AlertStates.Checking) Rows[i] = Rows[i] with { State = AlertStates.Open };
        return Task.CompletedTask;
    }

    public Task SeniorOkAsync(DateTime at, CancellationToken ct)
    {
        Fail();
        var i = Active(AlertKinds.Inactivity);
        if (i >= 0 && Rows[i].State == AlertStates.Checking)
            Rows[i] = Rows[i] with { State = AlertStates.Cancelled, ClearedAt = Time.GetUtcNow().UtcDateTime };
        else if (i >= 0) AnsweredLate++;
        return Task.CompletedTask;
    }

    /// <summary>OK presses recorded after staff were called.</summary>
    public int AnsweredLate { get; private set; }

    public Task<bool> EndConditionAsync(string kind, DateTime endedAt, string reason, CancellationToken ct)
    {
        Fail();
        var i = Active(kind);
        if (i < 0) return Task.FromResult(false);
        Rows[i] = AlertSeverities.AutoResolves(kind)
            ? Rows[i] with { State = AlertStates.Resolved, ClearedAt = Time.GetUtcNow().UtcDateTime, EndedAt = endedAt }
            : Rows[i] with { EndedAt = endedAt };
        return Task.FromResult(true);
    }

    public Task<PromptOutcome> AskAsync(Guid seniorId, long alertId, int promptNumber, TimeSpan window, TimeSpan timeout,
        CancellationToken ct)
    {
        Prompts++;
        return Task.FromResult(PromptOutcome);
    }

    private int Active(string kind) => Rows.FindIndex(r => AlertStates.IsActive(r.State) && r.Request.Kind == kind);

    private void Fail()
    {
        if (Failing) throw new TimeoutException("database unreachable (fake)");
    }
}
