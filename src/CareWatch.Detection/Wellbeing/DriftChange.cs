using System.Globalization;

namespace CareWatch.Detection.Wellbeing;

/// <summary>
/// One notable change between recent and usual days, as facts rather than a sentence, so that each reader's page
/// words it in their language. <see cref="English"/> is the wording stored with the insight for the API.
/// </summary>
/// <param name="Kind">What changed: <see cref="LessActivity"/>, <see cref="MoreActivity"/>, <see cref="LaterRising"/>,
/// <see cref="BrokenNights"/> or <see cref="Different"/>.</param>
/// <param name="Recent">Activity: the relative change (−0.45 is 45 % less); rising: the recent hour of day (7.5 is
/// 07:30); nights: the restless share of recent nights (0 to 1).</param>
/// <param name="Usual">The same measure on usual days (0 for activity, whose change is already relative).</param>
/// <param name="Days">How many recent days were compared.</param>
public sealed record DriftChange(string Kind, double Recent, double Usual, int Days)
{
    /// <summary>Much less activity than usual.</summary>
    public const string LessActivity = "less-activity";

    /// <summary>Much more activity than usual.</summary>
    public const string MoreActivity = "more-activity";

    /// <summary>Gets going later in the morning.</summary>
    public const string LaterRising = "later-rising";

    /// <summary>More restless nights.</summary>
    public const string BrokenNights = "broken-nights";

    /// <summary>The pattern differs, none of the above in particular.</summary>
    public const string Different = "different";

    /// <summary>The change in English.</summary>
    public string English => Kind switch
    {
        LessActivity => string.Create(CultureInfo.InvariantCulture,
            $"Much less activity than usual ({Recent:P0} over the last {Days} days)."),
        MoreActivity => string.Create(CultureInfo.InvariantCulture, $"Much more activity than usual (+{Recent:P0})."),
        LaterRising => $"Gets going later: around {Clock(Recent)} instead of {Clock(Usual)}.",
        BrokenNights => string.Create(CultureInfo.InvariantCulture,
            $"Broken nights: restless {Recent:P0} of the night instead of {Usual:P0}."),
        _ => "The daily pattern differs from usual days.",
    };

    /// <summary>An hour of day (7.5) as a clock time ("07:30").</summary>
    public static string Clock(double hour) => TimeSpan.FromHours(hour).ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
