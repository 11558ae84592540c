using CareWatch.Storage.Privacy;

namespace CareWatch.Server.Apis;

/// <summary>A consent to record: who gave it, for what, when.</summary>
/// <param name="GivenBy"><c>senior</c> or <c>legal-representative</c>.</param>
/// <param name="Representative">The representative's name (required for them, absent for the senior).</param>
/// <param name="Purposes">monitoring, relative-notification, wellbeing-insights, model-training.</param>
/// <param name="ConsentedAt">When it was given (the signed form's date); default now.</param>
public sealed record RecordConsentRequest(string? GivenBy, string? Representative, List<string>? Purposes, DateTimeOffset? ConsentedAt);

/// <summary>A consent as the API shows it.</summary>
public sealed record ConsentView(long Id, Guid SeniorId, string GivenBy, string? Representative, IReadOnlyList<string> Purposes,
    DateTime ConsentedAt, string RecordedBy, DateTime RecordedAt, DateTime? WithdrawnAt, string? WithdrawnBy)
{
    /// <summary>The view of a stored consent.</summary>
    public static ConsentView From(ConsentRecord c) => new(c.Id, c.SeniorId, c.GivenBy, c.Representative, c.Purposes,
        c.ConsentedAt, c.RecordedBy, c.RecordedAt, c.WithdrawnAt, c.WithdrawnBy);
}

/// <summary>What an erasure did: the pseudonym the audit log now uses, the watches set free, rows deleted per table.</summary>
public sealed record ErasureView(string Pseudonym, IReadOnlyList<string> DevicesUnassigned, IReadOnlyDictionary<string, long> RowsDeleted);
