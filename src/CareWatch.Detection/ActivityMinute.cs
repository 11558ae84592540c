namespace CareWatch.Detection;

/// <summary>One minute of a senior's watch as the detector sees it.</summary>
/// <param name="Utc">Start of the minute in UTC: elapsed time and gaps are measured on this clock.</param>
/// <param name="Local">The same instant on the senior's wall clock: time-of-day features use this.</param>
/// <param name="Activity">Movement count on the device's own scale (≥ 0).</param>
/// <param name="Worn">Skin contact. A minute not worn is never stillness.</param>
public readonly record struct ActivityMinute(DateTime Utc, DateTime Local, int Activity, bool Worn);

/// <summary>A person's minutes in time order (gaps allowed: a gap is no data, not stillness).</summary>
/// <param name="PersonId">Any stable id.</param>
/// <param name="Minutes">Minutes in increasing <see cref="ActivityMinute.Utc"/> order.</param>
public sealed record PersonHistory(string PersonId, IReadOnlyList<ActivityMinute> Minutes);
