using System.Globalization;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Scenarios;

/// <summary>What a <see cref="ScenarioSpec"/> scripts.</summary>
public enum ScenarioKind
{
    /// <summary>Collapse: still and worn from T (argument: minutes until it ends; default never).</summary>
    Still,
    /// <summary>A fall event at T, then stillness (argument: minutes until the stillness ends; default never).</summary>
    Fall,
    /// <summary>Gradual decline starting at T (argument: days until activity reaches its floor; default 14).</summary>
    Decline,
    /// <summary>Watch taken off at T (argument: minutes until it is put back on; default never).</summary>
    OffWrist,
    /// <summary>The battery runs flat at T and the watch falls silent.</summary>
    Dies,
    /// <summary>SOS button pressed at T.</summary>
    Sos,
    /// <summary>"I am OK" button pressed at T.</summary>
    Ok,
    /// <summary>From T the watch's clock is wrong (argument, required: seconds ahead, negative behind).</summary>
    Clock,
}

/// <summary>
/// One scripted happening for one watch, written on the command line as
/// <c>watch-index:kind:minutes-from-now[:argument]</c> — e.g. <c>0:fall:10</c> (watch 0 falls in ten
/// minutes and lies still), <c>3:decline:-4320:7</c> (watch 3 began declining three days ago, reaching
/// its floor over a week), <c>2:sos:5</c>, <c>1:clock:0:-90</c> (watch 1's clock runs 90 s behind).
/// Negative minutes lie in the past (useful with backfill).
/// </summary>
/// <param name="WatchIndex">0-based position of the watch in the fleet.</param>
/// <param name="Kind">What happens.</param>
/// <param name="MinutesFromStart">When, relative to the start of the run.</param>
/// <param name="Argument">The kind's optional argument (see <see cref="ScenarioKind"/>).</param>
public sealed record ScenarioSpec(int WatchIndex, ScenarioKind Kind, double MinutesFromStart, double? Argument)
{
    /// <summary>Parses <c>index:kind:minutes[:argument]</c>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static ScenarioSpec Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 3 or > 4) throw new FormatException($"'{text}' is not watch-index:kind:minutes-from-now[:argument]");
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            throw new FormatException($"'{parts[0]}' is not a watch index (0, 1, …)");
        var kindText = parts[1].Replace("-", "", StringComparison.Ordinal);
        if (!Enum.TryParse<ScenarioKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _))
            throw new FormatException($"'{parts[1]}' is not a scenario; use still, fall, decline, off-wrist, dies, sos, ok or clock");
        if (!double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) || !double.IsFinite(minutes))
            throw new FormatException($"'{parts[2]}' is not a number of minutes");
        double? argument = null;
        if (kind == ScenarioKind.Clock) return new ScenarioSpec(index, kind, minutes, ParseClockError(parts));
        if (parts.Length == 4)
        {
            if (kind is ScenarioKind.Dies or ScenarioKind.Sos or ScenarioKind.Ok)
                throw new FormatException($"{parts[1]} takes no argument");
            if (!double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var a) || !(a > 0) || !double.IsFinite(a))
                throw new FormatException($"'{parts[3]}' must be a positive number");
            argument = a;
        }
        return new ScenarioSpec(index, kind, minutes, argument);
    }

    // A clock error has a sign and is always given; a week or more would only make every message too old or too new.
    private static double ParseClockError(string[] parts)
    {
        if (parts.Length != 4) throw new FormatException("clock needs the error in seconds, e.g. 0:clock:0:-90");
        if (!double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds)
            || Math.Abs(seconds) >= TelemetryLimits.MaxAge.TotalSeconds)
            throw new FormatException($"'{parts[3]}' is not a clock error in seconds below {TelemetryLimits.MaxAge.TotalSeconds:0} either way");
        return seconds;
    }

    /// <summary>Adds this happening to <paramref name="scenario"/>, timed from <paramref name="startUtc"/>.</summary>
    public Scenario ApplyTo(Scenario scenario, DateTime startUtc)
    {
        var at = startUtc.AddMinutes(MinutesFromStart);
        DateTime? until = Argument is { } minutes ? at.AddMinutes(minutes) : null;
        return Kind switch
        {
            ScenarioKind.Still => scenario.WithStill(at, until),
            ScenarioKind.Fall => scenario.WithFall(at, until),
            ScenarioKind.Decline => scenario.WithDecline(at, TimeSpan.FromDays(Argument ?? 14)),
            ScenarioKind.OffWrist => scenario.WithOffWrist(at, until),
            ScenarioKind.Dies => scenario.WithDeath(at),
            ScenarioKind.Sos => scenario.WithEvent(at, DeviceEventKind.Sos),
            ScenarioKind.Ok => scenario.WithEvent(at, DeviceEventKind.Ok),
            ScenarioKind.Clock => scenario.WithClockError(at, TimeSpan.FromSeconds(Argument!.Value)),
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
        };
    }

    /// <summary>One line for the run log.</summary>
    public string Describe(DateTime startUtc) =>
        $"{Kind.ToString().ToLowerInvariant()} at {startUtc.AddMinutes(MinutesFromStart):u}" + (Argument is { } a ? $" ({a:0.##})" : "");
}
