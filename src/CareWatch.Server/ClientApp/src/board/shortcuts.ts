// Keyboard shortcuts of the alert queue, for a person working without a mouse: "a" acknowledges, "r" opens the
// resolve dialog, each for the card that holds the focus or else the first card that offers the action (the
// queue is in order of urgency, so that is the most urgent one), and "?" shows the list. A key typed into a
// field, with a modifier, or while a dialog is open is left alone.

/** What the shortcuts act on. */
export interface ShortcutTargets {
  /** The cards, in the order shown. */
  cards(): HTMLElement[];
  /** Shows the list of shortcuts. */
  help(): void;
}

const actions: Record<string, string> = { a: "acknowledge", r: "resolve" };

/** Listens for the shortcuts on the document. */
export function listenForShortcuts(doc: Document, targets: ShortcutTargets): void {
  doc.addEventListener("keydown", event => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const focus = doc.activeElement as HTMLElement | null;
    if (focus?.closest("input, textarea, select, [contenteditable], dialog[open]")) return;
    if (doc.querySelector("dialog[open]")) return;
    if (event.key === "?") {
      event.preventDefault();
      targets.help();
      return;
    }
    const action = actions[event.key.toLowerCase()];
    if (!action) return;
    const button = buttonFor(focus?.closest<HTMLElement>("li[data-alert-id]") ?? null, targets.cards(), action);
    if (!button) return;
    event.preventDefault();
    // The card keeps the focus (an acknowledged card hides its button) and gets it back when the dialog closes.
    button.closest<HTMLElement>("li[data-alert-id]")?.focus();
    button.click();
  });
}

function buttonFor(focused: HTMLElement | null, cards: HTMLElement[], action: string): HTMLButtonElement | null {
  const usable = (card: HTMLElement) => {
    const button = card.querySelector<HTMLButtonElement>(`button[data-action='${action}']`);
    return button && !button.hidden && !button.disabled && !card.hidden ? button : null;
  };
  if (focused) return usable(focused);
  for (const card of cards) {
    const button = usable(card);
    if (button) return button;
  }
  return null;
}
