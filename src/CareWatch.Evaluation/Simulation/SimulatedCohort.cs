using CareWatch.Detection;
using CareWatch.Evaluation.Data;
using CareWatch.FirmwareSim.Routine;

namespace CareWatch.Evaluation.Simulation;

/// <summary>
/// A cohort of simulated seniors from the firmware simulator's routine model. Their watches have a skin
/// sensor, so wear comes from the simulator (charging = not worn), not from the non-wear rule.
/// The recordings start on a fixed date that includes the spring DST change in Europe/Oslo.
/// </summary>
public static class SimulatedCohort
{
    /// <summary>First local day of every simulated recording.</summary>
    public static readonly DateTime StartLocal = new(2024, 3, 11, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Generates <paramref name="people"/> seniors × <paramref name="days"/> days; person i has routine seed <c>seed·1000 + i</c>.</summary>
    public static IReadOnlyList<Recording> Generate(int people, int days, int seed, TimeZoneInfo zone)
    {
        var recordings = new Recording[people];
        Parallel.For(0, people, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var routine = new DailyRoutine(unchecked(seed * 1000 + i), zone);
            var start = TimeZoneInfo.ConvertTimeToUtc(StartLocal, zone);
            var minutes = new ActivityMinute[days * 24 * 60];
            for (var k = 0; k < minutes.Length; k++)
            {
                var utc = DateTime.SpecifyKind(start.AddMinutes(k), DateTimeKind.Utc);
                var reading = routine.Minute(utc);
                var local = DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(utc, zone), DateTimeKind.Unspecified);
                minutes[k] = new ActivityMinute(utc, local, reading.Movement, reading.Worn);
            }
            recordings[i] = new Recording($"sim/{i + 1:00}", minutes, WearSource.Sensor);
        });
        return recordings;
    }
}
