using System.Collections;
using CareWatch.Protocol;

namespace CareWatch.Storage;

/// <summary>
/// One watch's minutes of one UTC day in the shape of a <c>minute_days</c> row (migration 0024): slot i is the
/// minute starting at <see cref="Day"/> + i minutes; <see cref="Present"/> tells a stored minute from a missing one.
/// </summary>
public sealed class MinuteDay(string deviceId, Guid? seniorId, DateTime day)
{
    /// <summary>Minutes in a UTC day, the length of every array.</summary>
    public const int Slots = 1440;

    public string DeviceId { get; } = deviceId;
    public Guid? SeniorId { get; } = seniorId;

    /// <summary>Midnight UTC.</summary>
    public DateTime Day { get; } = day;

    public BitArray Present { get; } = new(Slots);
    public BitArray Worn { get; } = new(Slots);
    public int[] Movement { get; } = new int[Slots];
    public short[] Steps { get; } = new short[Slots];

    /// <summary>The highest present slot (0 while none is).</summary>
    public short LastMinute { get; private set; }

    /// <summary>How many slots are present.</summary>
    public int Count { get; private set; }

    /// <summary>Midnight UTC of the day <paramref name="minute"/> falls in.</summary>
    public static DateTime DayOf(DateTime minute) =>
        new(minute.Ticks - minute.Ticks % TimeSpan.TicksPerDay, DateTimeKind.Utc);

    /// <summary>
    /// Stores the minute unless its slot already holds one (first write wins, as in the table); false when it did.
    /// </summary>
    public bool TryAdd(MinuteSummary minute)
    {
        var slot = (int)((minute.Start.Ticks - Day.Ticks) / TimeSpan.TicksPerMinute);
        if (slot is < 0 or >= Slots) throw new ArgumentOutOfRangeException(nameof(minute), "minute is not of this day");
        if (Present[slot]) return false;
        Present[slot] = true;
        Worn[slot] = minute.Worn;
        Movement[slot] = minute.Movement;
        Steps[slot] = (short)minute.Steps;
        LastMinute = (short)Math.Max(LastMinute, slot);
        Count++;
        return true;
    }
}
