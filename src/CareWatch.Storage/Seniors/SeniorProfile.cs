namespace CareWatch.Storage.Seniors;

/// <summary>A senior as the administration pages show them: the record, their language and their watches.</summary>
/// <param name="Watches">The ids of the watches assigned to the senior, by id.</param>
public sealed record SeniorProfile(Guid Id, Guid BureauId, string DisplayName, string TimeZone, string Language,
    IReadOnlyList<string> Watches);
