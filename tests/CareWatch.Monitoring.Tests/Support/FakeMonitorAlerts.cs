namespace CareWatch.Monitoring.Tests.Support;

/// <summary>An in-memory alert store for the monitor, which can be told to fail its writes.</summary>
public sealed class FakeMonitorAlerts : IMonitorAlerts
{
    /// <summary>Every alert ever raised, in order, with whether it is still open.</summary>
    public List<(AlertRequest Request, DateTime RaisedAt, DateTime? ClearedAt, DateTime? EndedAt)> Rows { get; } = [];

    /// <summary>While true, every write throws as a lost database connection would.</summary>
    public bool Failing { get; set; }

    /// <summary>The clock that stamps raises.</summary>
    public required TimeProvider Time { get; init; }

    public IEnumerable<AlertRequest> Open => Rows.Where(r => r.ClearedAt is null).Select(r => r.Request);

    public Task<IReadOnlyDictionary<string, OpenAlert>> LoadOpenAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, OpenAlert>>(
            Rows.Where(r => r.ClearedAt is null && r.Request.Kind is not (AlertKinds.Sos or AlertKinds.Fall))
                .ToDictionary(r => r.Request.Kind, r => new OpenAlert(r.RaisedAt, r.Request.Facts)));

    public Task UpdateFactsAsync(string kind, AlertFacts facts, CancellationToken ct)
    {
        if (Failing) throw new TimeoutException("database unreachable (fake)");
        var i = Rows.FindIndex(r => r.ClearedAt is null && r.Request.Kind == kind);
        if (i >= 0) Rows[i] = Rows[i] with { Request = Rows[i].Request with { Facts = facts } };
        return Task.CompletedTask;
    }

    public Task<bool> RaisedForStillPeriodAsync(DateTime stillSince, CancellationToken ct) =>
        Task.FromResult(Rows.Any(r => r.Request.StillSince == stillSince));

    /// <summary>Events stored by the gateway whose alert a dead node never stored.</summary>
    public List<(DateTime At, string Kind)> Unalerted { get; } = [];

    public Task<IReadOnlyList<(DateTime At, string Kind)>> UnalertedEventsAsync(DateTime since, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(DateTime, string)>>(Unalerted.Where(e => e.At >= since).ToList());

    public Task RaiseAsync(AlertRequest alert, CancellationToken ct)
    {
        if (Failing) throw new TimeoutException("database unreachable (fake)");
        if (!Open.Any(o => o.Kind == alert.Kind) || alert.Kind is AlertKinds.Sos or AlertKinds.Fall)
            Rows.Add((alert, Time.GetUtcNow().UtcDateTime, null, null));
        return Task.CompletedTask;
    }

    public Task ClearAsync(string kind, DateTime endedAt, string reason, CancellationToken ct)
    {
        if (Failing) throw new TimeoutException("database unreachable (fake)");
        var i = Rows.FindIndex(r => r.ClearedAt is null && r.Request.Kind == kind);
        if (i >= 0) Rows[i] = Rows[i] with { ClearedAt = Time.GetUtcNow().UtcDateTime, EndedAt = endedAt };
        return Task.CompletedTask;
    }
}
