using CareWatch.Detection;
using CareWatch.Storage;

namespace CareWatch.Monitoring;

/// <summary>Every senior's stored minutes as detector input: UTC plus their own wall-clock time.</summary>
public sealed class SeniorHistories(ActivityHistory history)
{
    /// <summary>One history per senior with data since <paramref name="since"/>; the person id is the senior id.</summary>
    public async Task<IReadOnlyList<PersonHistory>> SinceAsync(DateTime since, CancellationToken ct)
    {
        var result = new List<PersonHistory>();
        foreach (var (seniorId, timeZone, minutes) in await history.AllSinceAsync(since, ct))
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var z) ? z : TimeZoneInfo.Utc;
            result.Add(new PersonHistory(seniorId.ToString(), minutes.Select(m => ToActivity(m, zone)).ToList()));
        }
        return result;
    }

    /// <summary>A stored minute (start in UTC) on the senior's clock: the one conversion to detector input.</summary>
    public static ActivityMinute ToActivity(StoredMinute m, TimeZoneInfo zone)
    {
        var utc = DateTime.SpecifyKind(m.Start, DateTimeKind.Utc);
        return new ActivityMinute(utc, TimeZoneInfo.ConvertTimeFromUtc(utc, zone), m.Movement, m.Worn);
    }
}
