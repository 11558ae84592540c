namespace CareWatch.Detection.Tests;

/// <summary>
/// Small made-up people for tests: by day, still bouts of 5–30 min between active bouts; at night
/// (23:00–07:00), still bouts of 30–90 min broken by turn-overs. Counts are multiplied by <c>scale</c>
/// to mimic another device model.
/// </summary>
internal static class SyntheticPeople
{
    public static readonly DateTime Start = new(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc); // a Monday

    public static PersonHistory Person(string id, int days, int seed, double scale = 1)
    {
        var random = new Random(seed);
        var minutes = new List<ActivityMinute>(days * 1440);
        var t = Start;
        var end = Start.AddDays(days);
        while (t < end)
        {
            var night = t.Hour >= 23 || t.Hour < 7;
            var stillLength = night ? random.Next(30, 91) : random.Next(5, 31);
            for (var i = 0; i < stillLength && t < end; i++, t = t.AddMinutes(1))
                minutes.Add(Minute(t, random.NextDouble() < 0.8 ? 0 : random.Next(1, 6), scale));
            var activeLength = night ? random.Next(1, 3) : random.Next(10, 40);
            for (var i = 0; i < activeLength && t < end; i++, t = t.AddMinutes(1))
                minutes.Add(Minute(t, random.Next(120, 600), scale));
        }
        return new PersonHistory(id, minutes);
    }

    /// <summary>A copy where, from <paramref name="onset"/> on, the person lies still (rest-like small counts).</summary>
    public static List<ActivityMinute> WithEmergency(PersonHistory person, DateTime onset, int seed, double scale = 1)
    {
        var random = new Random(seed);
        return person.Minutes.Select(m => m.Utc < onset ? m : Minute(m.Utc, random.NextDouble() < 0.8 ? 0 : random.Next(1, 6), scale)).ToList();
    }

    private static ActivityMinute Minute(DateTime utc, int count, double scale) =>
        new(utc, utc, (int)Math.Round(count * scale), Worn: true);
}
