namespace CareWatch.Storage.Alerts;

/// <summary>What staff found, recorded when they resolve an alert (alerts.outcome).</summary>
public static class AlertOutcomes
{
    /// <summary>The senior was fine (chosen by staff, or set when she cancelled a check-in with OK).</summary>
    public const string SeniorOk = "senior-ok";
    /// <summary>Staff helped at home.</summary>
    public const string AssistedAtHome = "assisted-at-home";
    /// <summary>An ambulance was called.</summary>
    public const string AmbulanceCalled = "ambulance-called";
    /// <summary>Nothing had happened (the detector was wrong).</summary>
    public const string FalseAlarm = "false-alarm";
    /// <summary>The watch was the problem (worn wrongly, broken, flat).</summary>
    public const string WatchProblem = "watch-problem";
    /// <summary>Anything else; the note says what.</summary>
    public const string Other = "other";
    /// <summary>Not chosen by a person: a device-health alert whose state ended (the watch is worn again).</summary>
    public const string AutoResolved = "auto-resolved";

    /// <summary>The outcomes a person may choose.</summary>
    public static readonly IReadOnlyList<string> ForStaff =
        [SeniorOk, AssistedAtHome, AmbulanceCalled, FalseAlarm, WatchProblem, Other];
}
