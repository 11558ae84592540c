import type { DayMinutes } from "./types";

/** Active and worn minutes per hour of the senior's local day: the chart's table for screen readers. */
export interface HourRow { hour: number; active: number; worn: number }

/**
 * Sums a day's minutes per local hour of the senior's zone. The hour comes from Intl (not an offset), so a
 * day with a daylight-saving change is counted right.
 */
export function byHour(day: DayMinutes): HourRow[] {
  const hourOf = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: day.timeZone });
  const rows: HourRow[] = Array.from({ length: 24 }, (_, hour) => ({ hour, active: 0, worn: 0 }));
  for (const m of day.minutes) {
    if (!m.worn) continue;
    const row = rows[Number(hourOf.format(new Date(m.at)))];
    row.worn++;
    if (m.movement > day.stillCeiling) row.active++;
  }
  return rows;
}

/**
 * The day as uPlot columns, one point per minute from the day's start to now (or its end): movement where worn,
 * null where the watch was off or sent nothing, so the line breaks instead of claiming stillness.
 */
export function minuteColumns(day: DayMinutes, now: number): [number[], (number | null)[], (number | null)[]] {
  const from = Date.parse(day.from) / 1000;
  const to = Math.min(Date.parse(day.to) / 1000, Math.floor(now / 60000) * 60 + 60);
  const xs: number[] = [];
  const moving: (number | null)[] = [];
  const off: (number | null)[] = [];
  const byTime = new Map(day.minutes.map((m) => [Date.parse(m.at) / 1000, m]));
  for (let t = from; t < to; t += 60) {
    const m = byTime.get(t);
    xs.push(t);
    moving.push(m?.worn ? m.movement : null);
    off.push(m && !m.worn ? 0 : null);
  }
  return [xs, moving, off];
}
