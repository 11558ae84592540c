// The order of the alert queue: what needs a person most comes first. Active alerts by severity (critical, high,
// low, info), then those nobody has taken (open, or the watch still asking) before the acknowledged ones, then
// the longest waiting; after them the recently closed, newest first.

/** What the order reads of an alert. */
export interface Queued {
  id: number;
  status: string;
  severity?: string;
  startedAt: string;
  closedAt?: string | null;
}

const severityRank: Record<string, number> = { critical: 0, high: 1, low: 2, info: 3 };
const rank = (a: Queued) => severityRank[a.severity ?? ""] ?? 4; // a word this page does not know: last, not hidden
const unhandled = (a: Queued) => (a.status === "open" || a.status === "checking" ? 0 : 1);
const time = (iso: string | null | undefined) => (iso ? new Date(iso).getTime() : 0);

/** Whether the alert is still someone's business (checking, open or acknowledged), not closed. */
export const isActive = (a: { status: string }): boolean =>
  a.status === "checking" || a.status === "open" || a.status === "acknowledged";

/** The alerts in queue order (a new array). */
export function queueOrder<T extends Queued>(alerts: Iterable<T>): T[] {
  const all = [...alerts];
  const active = all.filter(isActive).sort((a, b) =>
    rank(a) - rank(b) || unhandled(a) - unhandled(b) || time(a.startedAt) - time(b.startedAt) || a.id - b.id);
  const closed = all.filter(a => !isActive(a)).sort((a, b) => time(b.closedAt) - time(a.closedAt) || b.id - a.id);
  return [...active, ...closed];
}
