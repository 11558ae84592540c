// Calls to the server's API from a signed-in page: JSON both ways, the anti-forgery token on every change
// (Accounts/CookieApiAntiforgery.cs), and a 401 (sign-in ended) sends the person to sign in and back.

/** A request that did not succeed, with the server's status and problem details when it sent them. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: any, message: string) { super(message); }
}

const csrfToken = (): string => document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? "";

function signInAgain(): never {
  window.location.assign(`/Account/Login?returnUrl=${encodeURIComponent(location.pathname + location.search)}`);
  throw new ApiError(401, null, "signed out");
}

/** GET a JSON resource; throws ApiError on any other answer than 2xx. */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  if (response.status === 401) signInAgain();
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null),
    `GET ${path} answered ${response.status}`);
  return response.json() as Promise<T>;
}

/** POST/PUT/DELETE with a JSON body; resolves to the response (callers handle 409 and problems themselves). */
export async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(path, {
    method,
    headers: { "content-type": "application/json", accept: "application/json", "X-CSRF-TOKEN": csrfToken() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) signInAgain();
  return response;
}

/** The problem's field errors as one sentence ("Note is too long."), for a status line. */
export function problemText(problem: any): string {
  return problem?.errors ? Object.values(problem.errors).flat().join(" ") : problem?.detail ?? "";
}
