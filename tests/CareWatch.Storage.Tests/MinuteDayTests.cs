using System.Collections;
using CareWatch.Protocol;
using CareWatch.Storage;

namespace CareWatch.Storage.Tests;

public sealed class MinuteDayTests
{
    private static readonly DateTime Day = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Fill_TakesOnlyTheSlotsThisDayLacks_AndCountsThem()
    {
        var stored = new MinuteDay("w1", null, Day);
        stored.TryAdd(new MinuteSummary(Day.AddMinutes(5), 1, 2, true));
        var incoming = new MinuteDay("w1", null, Day);
        incoming.TryAdd(new MinuteSummary(Day.AddMinutes(5), 9, 9, false));
        incoming.TryAdd(new MinuteSummary(Day.AddMinutes(700), 7, 3, true));

        var taken = stored.Fill(incoming);

        Assert.Equal(1, taken);
        Assert.Equal(2, stored.Count);
        Assert.Equal(700, stored.LastMinute);
        Assert.Equal((1, (short)2, true), (stored.Movement[5], stored.Steps[5], stored.Worn[5]));
        Assert.Equal((7, (short)3, true), (stored.Movement[700], stored.Steps[700], stored.Worn[700]));
    }

    [Fact]
    public void FromStored_CountsPresentSlotsAndFindsTheLastOne()
    {
        var present = new BitArray(MinuteDay.Slots) { [3] = true, [1439] = true };

        var day = MinuteDay.FromStored("w1", null, Day, present, new BitArray(MinuteDay.Slots),
            new int[MinuteDay.Slots], new short[MinuteDay.Slots]);

        Assert.Equal(2, day.Count);
        Assert.Equal(1439, day.LastMinute);
    }

    [Fact]
    public void FromStored_ArraysOfAnotherLength_Refused()
    {
        Assert.Throws<ArgumentException>(() => MinuteDay.FromStored("w1", null, Day, new BitArray(MinuteDay.Slots),
            new BitArray(MinuteDay.Slots), new int[10], new short[MinuteDay.Slots]));
    }
}
