using CareWatch.Evaluation.Data;

namespace CareWatch.Evaluation.Tests.Data;

public class CsvRecordingReaderTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private static (CareWatch.Detection.ActivityMinute[] Minutes, bool HasWorn, List<BadRow> Bad) Read(params string[] lines)
    {
        var path = Path.Combine(Synthetic.TempFolder(), "person.csv");
        File.WriteAllLines(path, lines);
        var bad = new List<BadRow>();
        var (minutes, hasWorn) = CsvRecordingReader.Read(path, Oslo, bad);
        return (minutes, hasWorn, bad);
    }

    [Fact]
    public void Read_SpringForward_UtcStaysContinuous()
    {
        var (m, _, bad) = Read("timestamp,date,activity", "2003-03-30 01:58:00,2003-03-30,5", "2003-03-30 01:59:00,2003-03-30,6",
            "2003-03-30 03:00:00,2003-03-30,7", "2003-03-30 03:01:00,2003-03-30,8");
        Assert.Empty(bad);
        Assert.Equal(new DateTime(2003, 3, 30, 0, 58, 0), m[0].Utc);
        Assert.Equal([0, 1, 2, 3], m.Select(x => (int)(x.Utc - m[0].Utc).TotalMinutes));
        Assert.Equal(new DateTime(2003, 3, 30, 3, 0, 0), m[2].Local);
    }

    [Fact]
    public void Read_FallBack_RepeatedHourAdvancesOneMinute()
    {
        // 01:59 CEST, a gap of an hour, then the clock falls back from 02:59 CEST to 02:00 CET.
        var (m, _, bad) = Read("timestamp,activity", "2003-10-26 01:59:00,1", "2003-10-26 02:59:00,2", "2003-10-26 02:00:00,3", "2003-10-26 02:01:00,4");
        Assert.Empty(bad);
        Assert.Equal(new DateTime(2003, 10, 25, 23, 59, 0), m[0].Utc);
        Assert.Equal([0, 60, 61, 62], m.Select(x => (int)(x.Utc - m[0].Utc).TotalMinutes));
    }

    [Fact]
    public void Read_MissingRows_AreGapsInUtc()
    {
        var (m, _, _) = Read("timestamp,activity", "2024-01-01 10:00:00,1", "2024-01-01 10:07:00,2");
        Assert.Equal(2, m.Length);
        Assert.Equal(TimeSpan.FromMinutes(7), m[1].Utc - m[0].Utc);
    }

    [Fact]
    public void Read_ExtraColumnsAndWornColumn_UsesOnlyNamedColumns()
    {
        var (m, hasWorn, bad) = Read("note,activity,extra,timestamp,worn", "x,12,y,2024-01-01 10:00:00,1", "x,0,y,2024-01-01 10:01:00,0");
        Assert.Empty(bad);
        Assert.True(hasWorn);
        Assert.Equal([12, 0], m.Select(x => x.Activity));
        Assert.Equal([true, false], m.Select(x => x.Worn));
    }

    [Fact]
    public void Read_BadRows_AreSkippedAndReportedWithLine()
    {
        var (m, _, bad) = Read("timestamp,activity", "2024-01-01 10:00:00,1", "not a time,2", "2024-01-01 10:02:00,-4",
            "2024-01-01 10:03:00", "2024-01-01 10:00:00,5", "2024-01-01 10:04:00,6");
        Assert.Equal(2, m.Length);
        Assert.Equal([3, 4, 5, 6], bad.Select(b => b.Line));
        Assert.All(bad, b => Assert.EndsWith("person.csv", b.File));
    }

    [Fact]
    public void Read_HeaderWithoutActivity_ThrowsNamingTheFile()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Read("timestamp,steps", "2024-01-01 10:00:00,1"));
        Assert.Contains("person.csv:1", ex.Message);
    }
}
