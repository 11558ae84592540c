using System.Collections;
using Npgsql;

namespace CareWatch.Storage;

/// <summary>
/// Decodes <c>minute_days</c> rows (migration 0024) into one stream of minutes per senior: the rows must come ordered
/// by senior and day, with columns senior_id, day, present, worn, movement. The rows of the same senior and day (two
/// watches, or one watch moved to her mid-day) are combined slot by slot with <see cref="StoredMinute.Combine"/>.
/// Decoding here instead of unnesting in SQL sends 30 rows for a 30-day read instead of 43,200.
/// </summary>
internal static class MinuteDayStream
{
    /// <summary>The columns a query must select, in this order, from minute_days aliased <c>d</c>.</summary>
    public const string Columns = "d.senior_id, d.day, d.present, d.worn, d.movement";

    /// <summary>Calls <paramref name="emit"/> with each senior's minutes from <paramref name="since"/> on, in order.</summary>
    public static async Task ReadAsync(NpgsqlDataReader r, DateTime since, Action<Guid, StoredMinute> emit,
        CancellationToken ct, Action<NpgsqlDataReader>? eachRow = null)
    {
        var slots = new StoredMinute?[MinuteDay.Slots];
        Guid senior = default;
        DateTime day = default;
        var any = false;
        while (await r.ReadAsync(ct))
        {
            eachRow?.Invoke(r);
            var rowSenior = r.GetGuid(0);
            var rowDay = DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc);
            if (any && (rowSenior != senior || rowDay != day)) Flush(senior, slots, since, emit);
            (senior, day, any) = (rowSenior, rowDay, true);
            var present = r.GetFieldValue<BitArray>(2);
            var worn = r.GetFieldValue<BitArray>(3);
            var movement = r.GetFieldValue<int[]>(4);
            for (var i = 0; i < MinuteDay.Slots; i++)
            {
                if (!present[i]) continue;
                var minute = new StoredMinute(day.AddMinutes(i), movement[i], worn[i]);
                slots[i] = slots[i] is { } earlier ? StoredMinute.Combine(earlier, minute) : minute;
            }
        }
        if (any) Flush(senior, slots, since, emit);
    }

    private static void Flush(Guid senior, StoredMinute?[] slots, DateTime since, Action<Guid, StoredMinute> emit)
    {
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] is { } m && m.Start >= since) emit(senior, m);
            slots[i] = null;
        }
    }
}
