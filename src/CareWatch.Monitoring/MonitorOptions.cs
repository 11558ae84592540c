using System.ComponentModel.DataAnnotations;

namespace CareWatch.Monitoring;

/// <summary>How the senior monitors decide. Bound from the "Monitoring" configuration section.</summary>
public sealed class MonitorOptions
{
    /// <summary>
    /// Learned model sensitivity with the check-in on: ask "Are you OK?" when fewer than this share of the senior's
    /// still periods starting around now last as long, by the model's estimate (a score threshold: far in the tail
    /// it is not a measured share). Shipped 0.01 by day: with <see cref="NightAlpha"/> and <see cref="AnsweredAlpha"/> the
    /// sensitivity docs/detection.md recommends with the check-in (the report shows which targets it meets and misses).
    /// </summary>
    [Range(0.0, 0.5)]
    public double Alpha { get; set; } = 0.01;

    /// <summary>
    /// The prompting sensitivity for still periods that begin at night, or whose prompt would come at night (waking a
    /// sleeping senior has a cost of its own); null: <see cref="Alpha"/>. Shipped 1e-4.
    /// </summary>
    [Range(0.0, 0.5)]
    public double? NightAlpha { get; set; } = 1e-4;

    /// <summary>
    /// The sensitivity for a still period that begins right after the senior answered OK: she has just said she is
    /// fine, so she is asked again only when the rest becomes far longer than usual (fewer prompts and staff false
    /// alarms in docs/detection.md). Null: the usual sensitivity.
    /// </summary>
    [Range(0.0, 0.5)]
    public double? AnsweredAlpha { get; set; } = 1e-5;

    /// <summary>
    /// The sensitivity when <see cref="CheckIn"/> is off, so every alert goes to staff: 3e-5, the single-stage
    /// point of docs/detection.md (fewer false alarms than a 3 h timer with faster median alerts).
    /// </summary>
    [Range(0.0, 0.5)]
    public double AlphaWithoutCheckIn { get; set; } = 3e-5;

    /// <summary>
    /// Whether an alert at the safety floor calls staff without asking. Off (shipped): it asks like any other, which
    /// halves the staff false alarms of naps reaching the floor for 7 more minutes in an emergency (docs/detection.md).
    /// </summary>
    public bool FloorCallsStaff { get; set; }

    /// <summary>The learned detector's settings these options describe.</summary>
    public Detection.Model.LearnedDetectorOptions LearnedOptions()
    {
        var band = new Detection.DayBand(DayStartHour, DayEndHour);
        return CheckIn
            ? new(Alpha, SafetyFloorDay, SafetyFloorNight, band, NightAlpha, AnsweredAlpha)
            : new(AlphaWithoutCheckIn, SafetyFloorDay, SafetyFloorNight, band);
    }

    /// <summary>Safety floor by day: an inactivity alert at this stillness whatever the model says.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SafetyFloorDay { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Safety floor by night.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SafetyFloorNight { get; set; } = TimeSpan.FromHours(10);

    /// <summary>First hour of the day band (local time of the senior).</summary>
    [Range(0, 23)]
    public int DayStartHour { get; set; } = 8;

    /// <summary>Hour the day band ends (exclusive).</summary>
    [Range(1, 24)]
    public int DayEndHour { get; set; } = 22;

    /// <summary>Days of a senior's own history the model personalises on.</summary>
    [Range(1, 90)]
    public int HistoryDays { get; set; } = 30;

    /// <summary>
    /// Before any model is trained (a new installation), a fixed rule applies: an inactivity alert when a still
    /// period that began in the day band has lasted this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan StillAlertAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// The fixed rule's limit for a still period that began at night (outside the day band). Sleep is a long
    /// still period; the day limit would alarm about every quiet sleeper, so the default is the learned model's
    /// night safety floor (<see cref="SafetyFloorNight"/>, 10 h): the two detectors allow a night the same length.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan StillAlertAfterNight { get; set; } = TimeSpan.FromHours(10);

    /// <summary>The fixed rule's still ceiling: a worn minute at or below this count is still.</summary>
    [Range(0, 100_000)]
    public int StillMovementThreshold { get; set; } = 30;

    /// <summary>Device-health alert when the watch is off the wrist (not charging) this long during the day.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan NotWornAlertAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Device-health alert when the watch stays on its charger this long during the day.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan ChargingAlertAfter { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Device-health alert when an assigned watch has sent nothing for this long.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan OfflineAlertAfter { get; set; } = TimeSpan.FromMinutes(45);

    /// <summary>
    /// How often a monitor tries again to store an alert whose write failed (after its quick retries): the decision
    /// is kept meanwhile, so an emergency raised during a database outage appears soon after the database is back.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AlertRetryEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether an inactivity alert first asks the senior on the watch ("Are you OK?") for the bureau's window before
    /// staff are called (issue 11). Off: inactivity goes to staff at once. SOS and falls never ask. Default on.
    /// </summary>
    public bool CheckIn { get; set; } = true;

    /// <summary>
    /// How long the monitor waits for the watch to confirm it shows the prompt (the direct method's timeout). Short:
    /// a watch that cannot confirm within seconds is treated as unreachable and staff are called at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan PromptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the check-in sweep looks for prompts whose window passed without an OK. The delay it adds to the
    /// bureau's window is at most this; 5 s keeps it small against the 2 min default window.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan CheckInSweepEvery { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// An inactivity alert unacknowledged this long after staff were called becomes critical (severity_rises_at).
    /// Null: it never rises. Default 10 min: beyond the 3 min response target, someone is failing to answer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan? InactivityCriticalAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often the active-alert gauge on /metrics is sampled from PostgreSQL (one grouped count over the partial
    /// index of active alerts). 15 s matches Prometheus' usual scrape interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MetricsSampleEvery { get; set; } = TimeSpan.FromSeconds(15);
}
