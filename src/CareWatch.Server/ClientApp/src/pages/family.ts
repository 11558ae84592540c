// A relative's page, live: the state and open alerts are rendered by the server in the reader's language; when an
// alert of their senior changes (a push) or the connection comes back, the section is fetched again and swapped
// only when its content differs, so a button the relative is about to press is not replaced needlessly.
import { Live, showLiveState } from "../shared/live";

const section = document.getElementById("family-live")!;
const badge = document.getElementById("connection")!;

async function reload(): Promise<void> {
  const response = await fetch(location.pathname, { headers: { accept: "text/html" } });
  if (response.status === 401 || response.redirected) { location.reload(); return; }
  if (!response.ok) throw new Error(`GET ${location.pathname} answered ${response.status}`);
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById("family-live");
  if (fresh && fresh.innerHTML !== section.innerHTML) section.innerHTML = fresh.innerHTML;
}

const live = new Live({
  hub: "/hubs/alerts",
  on: { AlertChanged: () => void live.reload() },
  reload,
  changed: state => showLiveState(badge, state),
});
void live.start();
