// A wellbeing insight in the reader's language, worded from its stored facts (Detection's DriftChange kinds);
// an insight from before facts were stored shows its English sentence.
import { formatCulture, formatNumber, text } from "../shared/text";

interface InsightFact { kind: string; recent: number; usual: number; days: number }

const percent = (share: number) => formatNumber(share, { style: "percent", maximumFractionDigits: 0 });

// An hour of day (7.5) as a clock time ("07:30") in the reader's notation.
function clock(hour: number): string {
  const minutes = Math.round(hour * 60);
  const at = new Date(Date.UTC(2000, 0, 1, Math.floor(minutes / 60) % 24, minutes % 60));
  return new Intl.DateTimeFormat(formatCulture(), { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" })
    .format(at);
}

function change(f: InsightFact): string {
  switch (f.kind) {
    case "less-activity": return text("Much less activity than usual ({0} over the last {1} days).", percent(f.recent), f.days);
    case "more-activity": return text("Much more activity than usual (+{0}).", percent(f.recent));
    case "later-rising": return text("Gets going later: around {0} instead of {1}.", clock(f.recent), clock(f.usual));
    case "broken-nights":
      return text("Broken nights: restless {0} of the night instead of {1}.", percent(f.recent), percent(f.usual));
    default: return text("The daily pattern differs from usual days.");
  }
}

/** What the insight says, and the language it is in (for the lang attribute). */
export function insightWords(insight: { summary: string; facts?: InsightFact[] | null }): { words: string; english: boolean } {
  if (!insight.facts?.length) return { words: insight.summary, english: true };
  return { words: `${text("Routine changed:")} ${insight.facts.map(change).join(" ")}`, english: false };
}
