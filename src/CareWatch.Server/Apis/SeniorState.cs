using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareWatch.Server.Apis;

/// <summary>
/// The state a senior's tile shows: the one vocabulary of the seniors board, in order of precedence (the first that
/// holds is shown). In JSON it is its kebab-case word ("sleep-window"); the page maps each word to text.
/// </summary>
[JsonConverter(typeof(SeniorStateJsonConverter))]
public enum SeniorState
{
    /// <summary>Staff are called: an open or acknowledged SOS, fall or inactivity alert.</summary>
    Alert,
    /// <summary>Check-in pending: the watch is asking "Are you OK?" (an alert in state checking).</summary>
    CheckIn,
    /// <summary>Her watch is not connected (its connection ended) or was silent long enough for an alert.</summary>
    Offline,
    /// <summary>Her watch is off the wrist and not on its charger.</summary>
    NotWorn,
    /// <summary>Her watch is on its charger.</summary>
    OnCharger,
    /// <summary>Her watch's battery is below the bureau's level.</summary>
    BatteryLow,
    /// <summary>Still, in her local night (outside the monitors' day band): sleep, judged by the night limit.</summary>
    SleepWindow,
    /// <summary>Still by day: the tile counts the minutes.</summary>
    Still,
    /// <summary>Moving (her latest minute was not still).</summary>
    Active,
    /// <summary>Her watch has not sent anything yet.</summary>
    NoData,
    /// <summary>She has no enabled watch: nobody is watching over her.</summary>
    NoWatch,
}

/// <summary>Writes and reads <see cref="SeniorState"/> as its kebab-case word.</summary>
public sealed class SeniorStateJsonConverter() : JsonStringEnumConverter<SeniorState>(JsonNamingPolicy.KebabCaseLower);
