// Who is handling an alert, on its card, for the whole bureau: who took it, to whom it is assigned, what the
// watch is still asking, whom each escalation step notified and what the chain does next, and the latest
// comments (the server's AlertHandlingView; a relative's board has none). Updated in place like the rest of
// the card: the comment being typed and the colleague being picked are never touched by a push.
import { text } from "../shared/text";
import { formatWhen } from "./format";

const recipientNames: Record<string, string> = {
  "on-duty-staff": "Staff on duty", supervisors: "Supervisors", relative: "A relative",
  "all-relatives": "All relatives", webhook: "SMS/WeChat gateway", reminder: "Reminder to the staff on duty",
};
const recipientLabel = (r: string): string => (recipientNames[r] ? text(recipientNames[r]) : r);

/** A colleague who can be assigned (GET /api/bureau/staff). */
export interface Colleague { id: string; name: string; role: string; onDuty: boolean }

/** Fills the card's handling section from the alert's handling (hidden when there is none). */
export function fillHandling(card: HTMLElement, alert: any, now: number): void {
  const section = card.querySelector<HTMLElement>(".handling");
  if (!section) return;
  const h = alert.handling;
  section.hidden = !h;
  if (!h) return;
  const at = (iso: string) => formatWhen(iso, alert.seniorTimeZone, now);
  line(card, ".acknowledged-by", h.acknowledgedBy && h.acknowledgedAt
    ? text("Taken by {0} at {1}", h.acknowledgedBy, at(h.acknowledgedAt)) : "");
  line(card, ".assigned", h.assignedToName ? text("Assigned to {0}", h.assignedToName) : "");
  line(card, ".check-in", alert.status === "checking" && h.promptDeadline
    ? text("The watch asks “Are you OK?” until {0}; then staff are called.", at(h.promptDeadline)) : "");
  const steps = card.querySelector<HTMLElement>(".steps")!;
  const stepTexts = h.steps.map((s: any) => s.notified.length
    ? text("{0} — {1}: {2}", at(s.at), recipientLabel(s.recipient), s.notified.join(", "))
    : text("{0} — {1}: nobody could be reached", at(s.at), recipientLabel(s.recipient)));
  items(steps, stepTexts);
  steps.hidden = stepTexts.length === 0;
  line(card, ".next-step", h.nextStep
    ? text("Next: {0} at {1}", recipientLabel(h.nextStep.recipient), at(h.nextStep.at)) : "");
  line(card, ".reminders", h.remindersSent > 0 ? text("Reminders sent: {0}", h.remindersSent) : "");
  fillComments(card, h, at);
}

function fillComments(card: HTMLElement, h: any, at: (iso: string) => string): void {
  const list = card.querySelector<HTMLElement>(".comments");
  if (!list) return;
  const shown = list.children.length === h.comments.length
    && h.comments.every((c: any, i: number) => (list.children[i] as HTMLElement).dataset.commentId === String(c.id));
  if (!shown) {
    list.replaceChildren(...h.comments.map((c: any) => {
      const item = document.createElement("li");
      item.dataset.commentId = String(c.id);
      const who = document.createElement("span");
      who.className = "comment-by";
      who.textContent = text("{0}, {1}:", c.author ?? text("Former colleague"), at(c.at));
      item.append(who, document.createTextNode(` ${c.text}`));
      return item;
    }));
  }
  list.hidden = h.comments.length === 0;
  const earlier = h.commentCount - h.comments.length;
  line(card, ".more-comments", earlier > 0 ? text("{0} earlier comments are in the alert's history.", earlier) : "");
}

/**
 * Offers the colleagues in each card's "Assign to" list and shows the current assignee, except on a list the
 * person is using (focused, or changed and not yet sent).
 */
export function fillAssignee(card: HTMLElement, alert: any, colleagues: Colleague[]): void {
  const select = card.querySelector<HTMLSelectElement>("select.assignee");
  if (!select) return;
  const box = select.closest<HTMLElement>(".assign-box")!;
  box.hidden = !alert.handling || !["checking", "open", "acknowledged"].includes(alert.status);
  const wanted = ["", ...colleagues.map(c => c.id)];
  const known = [...select.options].map(o => o.value);
  if (known.join() !== wanted.join()) {
    const keep = select.value;
    select.replaceChildren(new Option(text("Nobody"), ""), ...colleagues.map(c =>
      new Option(c.onDuty ? text("{0} (on duty)", c.name) : c.name, c.id)));
    select.value = keep;
  }
  if (document.activeElement === select || select.dataset.dirty === "true") return;
  select.value = alert.handling?.assignedTo ?? "";
}

function line(card: HTMLElement, selector: string, value: string): void {
  const element = card.querySelector<HTMLElement>(selector);
  if (!element) return;
  if (element.textContent !== value) element.textContent = value;
  element.hidden = value === "";
}

function items(list: HTMLElement, texts: string[]): void {
  if ([...list.children].map(c => c.textContent).join("\n") === texts.join("\n")) return;
  list.replaceChildren(...texts.map(t => Object.assign(document.createElement("li"), { textContent: t })));
}
