// Browser notifications of new emergencies, where the person has allowed them: the board may be behind another
// window at 3 a.m. Permission is asked only when the person clicks the button (never on load: browsers refuse
// or punish that, and it startles). One notification per alert, replaced rather than stacked (tag).

export class DesktopNotices {
  #shown = new Set<number>();
  #button: HTMLButtonElement | null;

  constructor(button: HTMLButtonElement | null) {
    this.#button = button;
    button?.addEventListener("click", async () => {
      if (!("Notification" in window)) return;
      await Notification.requestPermission();
      this.#show();
    });
    this.#show();
  }

  /** Notifies each alert the first time it is seen needing a person (title, body from the caller). */
  notify(alerts: { id: number; title: string; body: string }[]): void {
    for (const a of alerts) {
      if (this.#shown.has(a.id)) continue;
      this.#shown.add(a.id);
      if (!("Notification" in window) || Notification.permission !== "granted") continue;
      try {
        const notice = new Notification(a.title, { body: a.body, tag: `alert-${a.id}`, requireInteraction: true });
        notice.onclick = () => { window.focus(); notice.close(); };
      } catch { /* some browsers allow notifications from a service worker only */ }
    }
  }

  #show(): void {
    if (this.#button) this.#button.hidden = !("Notification" in window) || Notification.permission !== "default";
  }
}
