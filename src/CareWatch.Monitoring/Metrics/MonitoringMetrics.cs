using System.Diagnostics.Metrics;
using CareWatch.Storage.Notifications;

namespace CareWatch.Monitoring.Metrics;

/// <summary>
/// Instruments of the monitors, the alert lifecycle and the notification outbox (meter <c>CareWatch.Monitoring</c>),
/// exported on /metrics. Tags carry vocabulary only (kinds, states, channels): never a senior, an address or an id.
/// </summary>
public sealed class MonitoringMetrics
{
    /// <summary>The meter name to subscribe to.</summary>
    public const string MeterName = "CareWatch.Monitoring";

    // Scoring a minute takes tens of nanoseconds; a slow model would show in microseconds.
    private static readonly double[] ScoringBuckets = [1e-7, 2.5e-7, 5e-7, 1e-6, 2.5e-6, 5e-6, 1e-5, 1e-4, 1e-3];

    // From "someone took it at once" to "over an hour": the escalation chain's scale.
    private static readonly double[] AcknowledgeBuckets = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

    private readonly UpDownCounter<long> _grains;
    private readonly Histogram<double> _scoring;
    private readonly Counter<long> _scoredMinutes;
    private readonly Histogram<double> _toAcknowledge;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failed;
    private readonly ActiveAlertCounts _active = new();

    /// <summary>Creates the meter through the host's meter factory (which owns and disposes it).</summary>
    public MonitoringMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _grains = meter.CreateUpDownCounter<long>("carewatch.monitor.grains.active",
            description: "Senior monitor grains active on this node");
        _scoring = meter.CreateHistogram("carewatch.monitor.scoring.duration", unit: "s",
            description: "The detector judging one minute (the learned model's score, or the fixed rule), "
                         + "averaged over each batch of minutes it judges",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ScoringBuckets });
        _scoredMinutes = meter.CreateCounter<long>("carewatch.monitor.scoring.minutes",
            description: "Minutes the detectors judged, live and replayed");
        _toAcknowledge = meter.CreateHistogram("carewatch.alerts.acknowledge.duration", unit: "s",
            description: "From staff being called (the end of the check-in) to a person acknowledging the alert",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = AcknowledgeBuckets });
        _delivered = meter.CreateCounter<long>("carewatch.notifications.delivered",
            description: "Notification attempts handed over or confirmed, by channel");
        _failed = meter.CreateCounter<long>("carewatch.notifications.failed",
            description: "Notification attempts that failed, by channel; dead = no retry left (a dead letter)");
        meter.CreateObservableGauge("carewatch.alerts.active", _active.Observe,
            description: "Alerts still someone's business (checking, open, acknowledged), by kind and state, " +
                         "as last sampled from PostgreSQL");
    }

    /// <summary>A monitor grain activated (+1) or deactivated (-1).</summary>
    public void OnGrain(int change) => _grains.Add(change);

    /// <summary>A batch of <paramref name="minutes"/> was judged, <paramref name="secondsPerMinute"/> a minute.</summary>
    public void OnScored(double secondsPerMinute, int minutes)
    {
        _scoring.Record(secondsPerMinute);
        _scoredMinutes.Add(minutes);
    }

    /// <summary>A person acknowledged an alert of <paramref name="kind"/> <paramref name="after"/> staff were called.</summary>
    public void OnAcknowledged(string kind, TimeSpan after) =>
        _toAcknowledge.Record(Math.Max(0, after.TotalSeconds), new KeyValuePair<string, object?>("kind", kind));

    /// <summary>The outcome of one delivery attempt on <paramref name="channel"/>.</summary>
    public void OnDelivery(string channel, DeliveryOutcome outcome, bool dead)
    {
        var tag = new KeyValuePair<string, object?>("channel", channel);
        if (outcome.Status == DeliveryStatus.Failed)
            _failed.Add(1, tag, new KeyValuePair<string, object?>("dead", dead ? "true" : "false"));
        else _delivered.Add(1, tag);
    }

    /// <summary>The latest sample of active alerts.</summary>
    public void OnActiveAlerts(IEnumerable<(string Kind, string State, long Count)> counts) => _active.Set(counts);
}
