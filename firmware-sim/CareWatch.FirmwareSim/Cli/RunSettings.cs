namespace CareWatch.FirmwareSim.Cli;

/// <summary>The validated options of <c>carewatch-sim run</c>.</summary>
public sealed record RunSettings
{
    /// <summary>CareWatch HTTP base URL to register watches with; null when connection strings are given.</summary>
    public Uri? Server { get; init; }

    /// <summary>The bureau API key sent to <see cref="Server"/> (<see cref="ApiKeyOption"/>); null sends none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Device connection strings given on the command line.</summary>
    public IReadOnlyList<string> ConnectionStrings { get; init; } = [];

    /// <summary>Number of watches; null means one per senior (or per connection string).</summary>
    public int? Watches { get; init; }

    /// <summary>MQTT host override.</summary>
    public string? MqttHost { get; init; }

    /// <summary>MQTT port.</summary>
    public int MqttPort { get; init; } = 8883;

    /// <summary>PEM file of the gateway's CA.</summary>
    public string? CaFile { get; init; }

    /// <summary>Plain TCP instead of TLS.</summary>
    public bool NoTls { get; init; }

    /// <summary>Seconds between live batches.</summary>
    public int BatchSeconds { get; init; } = 300;

    /// <summary>Hours of history uploaded at start.</summary>
    public double BackfillHours { get; init; }

    /// <summary>The first K watches go still.</summary>
    public int StillWatches { get; init; }

    /// <summary>The next N watches (after the still ones) doze: still long enough for an alert, then they press OK.</summary>
    public int DozingWatches { get; init; }

    /// <summary>A healthy senior's chance of pressing OK when her watch asks "Are you OK?", 0–1.</summary>
    public double OkProbability { get; init; } = CheckIn.CheckInAnswers.DefaultOkProbability;

    /// <summary>Seconds from the prompt to a healthy or dozing senior's OK press.</summary>
    public int OkDelaySeconds { get; init; } = (int)CheckIn.CheckInAnswers.DefaultOkDelay.TotalSeconds;

    /// <summary>Minutes before start when their stillness began; null: <see cref="Scenarios.StillOnset"/>.</summary>
    public int? StillOnsetMinutesAgo { get; init; }

    /// <summary>File keeping the registered watches and still onsets for reruns (needs <see cref="Server"/>).</summary>
    public string? IdentitiesFile { get; init; }

    /// <summary>SAS token lifetime in minutes.</summary>
    public int TokenTtlMinutes { get; init; } = 60;

    /// <summary>Seconds between summary lines.</summary>
    public int SummarySeconds { get; init; } = 60;

    /// <summary>Scripted happenings per watch (<c>--scenario</c>).</summary>
    public IReadOnlyList<Scenarios.ScenarioSpec> Scenarios { get; init; } = [];

    /// <summary>Largest clock error of a watch, either way (each watch draws its own from the seed).</summary>
    public int ClockSkewSeconds { get; init; }

    /// <summary>Seed of the routines.</summary>
    public int Seed { get; init; } = 42;
}
