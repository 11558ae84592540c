// Assign and comment from a card (staff boards). Like acknowledge and resolve, each sends the version the card
// shows and puts the answer (or the alert someone else changed) into the board's book, so every board of the
// bureau, this one included, shows the same picture; the other boards learn of it from the push.
import { text } from "../shared/text";
import { command } from "./alert-actions";

/** What the tools need of the board: the alert a card shows, and where an answer goes. */
export interface CardToolsHost {
  alert(id: number): any;
  receive(alert: any): void;
}

/** Listens for "Assign" clicks and comment submissions inside the list of cards. */
export function listenForCardTools(list: HTMLElement, host: CardToolsHost): void {
  // A list the person has changed keeps their choice, even through pushes, until it is sent.
  list.addEventListener("change", event => {
    const select = (event.target as Element).closest<HTMLSelectElement>("select.assignee");
    if (select) select.dataset.dirty = "true";
  });
  list.addEventListener("click", async event => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button.assign");
    const card = button?.closest<HTMLElement>("li[data-alert-id]");
    const select = card?.querySelector<HTMLSelectElement>("select.assignee");
    if (!button || !card || !select || button.disabled) return;
    const assignee = select.value || null;
    const name = select.selectedOptions[0]?.textContent ?? "";
    const done = await run(card, host, button, "assign", { assignee }, false,
      assignee ? text("Assigned to {0}", name) : text("Unassigned"));
    if (done) delete select.dataset.dirty;
  });
  list.addEventListener("submit", async event => {
    const form = (event.target as Element).closest<HTMLFormElement>("form.comment-form");
    const card = form?.closest<HTMLElement>("li[data-alert-id]");
    if (!form || !card) return;
    event.preventDefault();
    const input = form.querySelector<HTMLInputElement>("input[name='text']")!;
    const comment = input.value.trim();
    if (!comment) return;
    const button = form.querySelector<HTMLButtonElement>("button[type='submit']")!;
    // A comment adds to the history whatever changed meanwhile: on a stale version it is sent again once.
    if (await run(card, host, button, "comments", { text: comment }, true, text("Comment added"))) input.value = "";
  });
}

async function run(card: HTMLElement, host: CardToolsHost, button: HTMLButtonElement, action: string, body: object,
  retryStale: boolean, success: string): Promise<boolean> {
  const alert = host.alert(Number(card.dataset.alertId));
  if (!alert) return false;
  const status = card.querySelector<HTMLElement>(".action-status")!;
  status.textContent = "";
  button.disabled = true;
  try {
    let result: any = await command(alert, action, body);
    if (result.conflict && retryStale && result.alert) {
      host.receive(result.alert);
      result = await command(result.alert, action, body);
    }
    if (result.alert) host.receive(result.alert);
    const applied = !result.message;
    status.textContent = applied ? success : result.message;
    return applied;
  } catch {
    status.textContent = text("Could not reach the server — try again");
    return false;
  } finally {
    button.disabled = false;
  }
}
