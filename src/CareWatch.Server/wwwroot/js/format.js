// Durations and times as staff read them, on the senior's own clock ("still since 03:10" must match what the
// family says), with the date when it is not today there: "21:43", "21:43 yesterday", "28 Nov 21:43".

const formats = new Map(); // time zone -> formatters (building one costs more than using it)

function formatsFor(timeZone) {
  if (!formats.has(timeZone)) {
    let zone = timeZone;
    try { new Intl.DateTimeFormat("en-GB", { timeZone: zone }); } catch { zone = undefined; } // unknown: local
    formats.set(timeZone, {
      time: new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
      day: new Intl.DateTimeFormat("en-GB", { timeZone: zone, day: "numeric", month: "short" }),
      year: new Intl.DateTimeFormat("en-GB", { timeZone: zone, day: "numeric", month: "short", year: "numeric" }),
      calendar: new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "numeric", day: "numeric" }),
    });
  }
  return formats.get(timeZone);
}

/** "5 h 08 min", "12 min". */
export function formatDuration(ms) {
  const minutes = Math.max(0, Math.floor(ms / 60000));
  const h = Math.floor(minutes / 60), m = minutes % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, "0")} min` : `${m} min`;
}

// Days since 1970 of the date on the zone's calendar, so "yesterday" is the senior's yesterday.
function calendarDay(date, calendar) {
  const p = Object.fromEntries(calendar.formatToParts(date).map(part => [part.type, part.value]));
  return { number: Date.UTC(+p.year, +p.month - 1, +p.day) / 86400000, year: +p.year };
}

/** An instant (ISO string) on the senior's clock, dated when it is not today in their time zone. */
export function formatWhen(iso, timeZone, now) {
  const f = formatsFor(timeZone), date = new Date(iso);
  const time = f.time.format(date);
  const then = calendarDay(date, f.calendar), today = calendarDay(new Date(now), f.calendar);
  if (then.number === today.number) return time;
  if (then.number === today.number - 1) return `${time} yesterday`;
  return `${(then.year === today.year ? f.day : f.year).format(date)} ${time}`;
}
