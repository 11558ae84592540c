using System.ComponentModel.DataAnnotations;

namespace CareWatch.Monitoring.Privacy;

/// <summary>How long raw data is kept. Bound from the "Privacy" configuration section; validated on start.</summary>
public sealed class PrivacyOptions
{
    /// <summary>The shortest retention allowed: the wellbeing review reads 35 days back, plus a day's margin.</summary>
    public const int MinimumRetentionDays = 36;

    /// <summary>
    /// How long raw minutes, button and fall events and the gateway's de-duplication rows are kept before the
    /// retention job rolls them up into hourly summaries (<c>activity_hourly</c>) and deletes them. Default 90 days,
    /// from 36 days to 10 years. The lower bound keeps what the readers of raw data need: the monitor personalises on
    /// <c>Monitoring:HistoryDays</c> (default 30, up to 90; checked against this on start), training reads
    /// <c>Training:HistoryDays</c>, the wellbeing review 35 days; de-duplication needs a message's row only while a
    /// resend could still be accepted (minutes older than 7 days are refused, docs/telemetry.md).
    /// </summary>
    [Range(typeof(TimeSpan), "36.00:00:00", "3650.00:00:00")]
    public TimeSpan RawRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Whether the nightly jobs apply retention (default true); off only for a test that fills old data.</summary>
    public bool RetentionEnabled { get; set; } = true;
}
