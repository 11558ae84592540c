using System.Collections;
using CareWatch.Protocol;

namespace CareWatch.Storage;

/// <summary>
/// One watch's minutes of one UTC day in the shape of a <c>minute_days</c> row (migration 0024): slot i is the
/// minute starting at <see cref="Day"/> + i minutes; <see cref="Present"/> tells a stored minute from a missing one.
/// </summary>
public sealed class MinuteDay
{
    /// <summary>Minutes in a UTC day, the length of every array.</summary>
    public const int Slots = 1440;

    /// <summary>An empty day.</summary>
    public MinuteDay(string deviceId, Guid? seniorId, DateTime day)
        : this(deviceId, seniorId, day, new BitArray(Slots), new BitArray(Slots), new int[Slots], new short[Slots])
    {
    }

    private MinuteDay(string deviceId, Guid? seniorId, DateTime day, BitArray present, BitArray worn, int[] movement,
        short[] steps)
    {
        if (present.Length != Slots || worn.Length != Slots || movement.Length != Slots || steps.Length != Slots)
            throw new ArgumentException($"a day row has {Slots} slots in every column");
        DeviceId = deviceId;
        SeniorId = seniorId;
        Day = day;
        Present = present;
        Worn = worn;
        Movement = movement;
        Steps = steps;
        for (var slot = 0; slot < Slots; slot++)
        {
            if (!present[slot]) continue;
            if (Count++ == 0) FirstMinute = (short)slot;
            LastMinute = (short)slot;
        }
    }

    /// <summary>A day as stored in a <c>minute_days</c> row.</summary>
    public static MinuteDay FromStored(string deviceId, Guid? seniorId, DateTime day, BitArray present, BitArray worn,
        int[] movement, short[] steps) => new(deviceId, seniorId, day, present, worn, movement, steps);

    public string DeviceId { get; }
    public Guid? SeniorId { get; }

    /// <summary>Midnight UTC.</summary>
    public DateTime Day { get; }

    public BitArray Present { get; }
    public BitArray Worn { get; }
    public int[] Movement { get; }
    public short[] Steps { get; }

    /// <summary>The lowest present slot (0 while none is).</summary>
    public short FirstMinute { get; private set; }

    /// <summary>The highest present slot (0 while none is).</summary>
    public short LastMinute { get; private set; }

    /// <summary>How many slots are present.</summary>
    public int Count { get; private set; }

    /// <summary>True when the present slots are one unbroken run, <see cref="FirstMinute"/> to <see cref="LastMinute"/>.</summary>
    public bool IsOneRun => Count > 0 && Count == LastMinute - FirstMinute + 1;

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
        return TrySet(slot, minute.Worn, minute.Movement, (short)minute.Steps);
    }

    /// <summary>
    /// Takes from <paramref name="other"/> (the same watch's same day) every minute whose slot is empty here, and
    /// returns how many it took: the merge of a stored row with new minutes, first write winning.
    /// </summary>
    public int Fill(MinuteDay other)
    {
        var taken = 0;
        for (var slot = 0; slot < Slots; slot++)
            if (other.Present[slot] && TrySet(slot, other.Worn[slot], other.Movement[slot], other.Steps[slot])) taken++;
        return taken;
    }

    private bool TrySet(int slot, bool worn, int movement, short steps)
    {
        if (Present[slot]) return false;
        Present[slot] = true;
        Worn[slot] = worn;
        Movement[slot] = movement;
        Steps[slot] = steps;
        FirstMinute = Count == 0 ? (short)slot : Math.Min(FirstMinute, (short)slot);
        LastMinute = Math.Max(LastMinute, (short)slot);
        Count++;
        return true;
    }
}
