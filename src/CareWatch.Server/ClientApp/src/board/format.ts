// Durations and times as staff read them, in their language and on the senior's own clock ("still since 03:10"
// must match what the family says), with the date when it is not today there: "21:43", "21:43 yesterday",
// "28 Nov 21:43" (German "28. Nov. 21:43", Chinese "11月28日 21:43").
import { formatCulture, text } from "../shared/text";

interface Formats { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat; year: Intl.DateTimeFormat; calendar: Intl.DateTimeFormat }
const formats = new Map<string, Formats>(); // time zone -> formatters (building one costs more than using it)

function formatsFor(timeZone: string): Formats {
  if (!formats.has(timeZone)) {
    let zone: string | undefined = timeZone;
    try { new Intl.DateTimeFormat("en-GB", { timeZone: zone }); } catch { zone = undefined; } // unknown: local
    const lang = formatCulture(); // "1 Dec 23:01", as staff in Europe and Asia read it
    formats.set(timeZone, {
      time: new Intl.DateTimeFormat(lang, { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
      day: new Intl.DateTimeFormat(lang, { timeZone: zone, day: "numeric", month: "short" }),
      year: new Intl.DateTimeFormat(lang, { timeZone: zone, day: "numeric", month: "short", year: "numeric" }),
      calendar: new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "numeric", day: "numeric" }),
    });
  }
  return formats.get(timeZone)!;
}

/** "5 h 08 min", "12 min" ("5 Std. 08 Min.", "5 小时 08 分钟"). */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60000));
  const h = Math.floor(minutes / 60), m = minutes % 60;
  return h > 0 ? text("{0} h {1} min", h, String(m).padStart(2, "0")) : text("{0} min", m);
}

/** "12 min 05 s", "1 h 02 min 05 s": the count-up of an alert nobody has taken yet, ticking every second. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? text("{0} h {1} min {2} s", h, String(m).padStart(2, "0"), s) : text("{0} min {1} s", m, s);
}

// Days since 1970 of the date on the zone's calendar, so "yesterday" is the senior's yesterday.
function calendarDay(date: Date, calendar: Intl.DateTimeFormat): { number: number; year: number } {
  const p = Object.fromEntries(calendar.formatToParts(date).map(part => [part.type, part.value]));
  return { number: Date.UTC(+p.year, +p.month - 1, +p.day) / 86400000, year: +p.year };
}

/** An instant (ISO string) on the senior's clock, dated when it is not today in their time zone. */
export function formatWhen(iso: string, timeZone: string, now: number): string {
  const f = formatsFor(timeZone), date = new Date(iso);
  const time = f.time.format(date);
  const then = calendarDay(date, f.calendar), today = calendarDay(new Date(now), f.calendar);
  if (then.number === today.number) return time;
  if (then.number === today.number - 1) return text("{0} yesterday", time);
  return `${(then.year === today.year ? f.day : f.year).format(date)} ${time}`;
}
