using System.ComponentModel.DataAnnotations;

namespace CareWatch.Monitoring.Escalation;

/// <summary>The escalation sweep (configuration section <c>Escalation</c>).</summary>
public sealed class EscalationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Escalation";

    /// <summary>
    /// How often the sweep looks for due steps, reminders and severity rises (1 s to 5 min; default 2 s). A step is
    /// carried out at most this late. The query is one probe of a partial index, so a short poll is cheap even on
    /// several nodes, and the boards already hear of a new alert at once (the automatic push), so this only
    /// delays the calls to named people.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The most alerts one sweep transaction locks (1 to 1,000; default 50). Small batches keep row locks short, so
    /// a staff member's acknowledgement never waits long behind a sweep; the sweep runs again at once while full
    /// batches come back.
    /// </summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
}
