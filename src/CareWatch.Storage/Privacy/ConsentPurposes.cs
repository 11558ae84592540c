namespace CareWatch.Storage.Privacy;

/// <summary>What a senior (or their legal representative) can consent to, as stored in <c>senior_consents.purposes</c>.</summary>
public static class ConsentPurposes
{
    /// <summary>The watch's movement is monitored and staff are alarmed (the service itself).</summary>
    public const string Monitoring = "monitoring";

    /// <summary>Relatives are notified of alerts.</summary>
    public const string RelativeNotification = "relative-notification";

    /// <summary>Routine changes are looked for (wellbeing insights).</summary>
    public const string WellbeingInsights = "wellbeing-insights";

    /// <summary>Pseudonymised minutes help train the population model.</summary>
    public const string ModelTraining = "model-training";

    /// <summary>Every purpose.</summary>
    public static readonly IReadOnlySet<string> All =
        new HashSet<string>([Monitoring, RelativeNotification, WellbeingInsights, ModelTraining], StringComparer.Ordinal);
}

/// <summary>Who gave a consent, as stored in <c>senior_consents.given_by</c>.</summary>
public static class ConsentGivers
{
    /// <summary>The senior herself.</summary>
    public const string Senior = "senior";

    /// <summary>A legal representative (guardian, holder of a power of attorney), named in the record.</summary>
    public const string LegalRepresentative = "legal-representative";

    /// <summary>Both.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>([Senior, LegalRepresentative], StringComparer.Ordinal);
}
