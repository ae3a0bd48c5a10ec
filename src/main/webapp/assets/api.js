// Calls Sluice's REST API from its pages: JSON in and out, the session cookie for sign-in, and the
// X-Sluice-Client header that marks the call as coming from Sluice's own page (cross-site guard).

/** A refused call, from its RFC 9457 problem document. */
export class ApiError extends Error {
  constructor(status, problem) {
    const fields = (problem.errors || []).map((e) => `${e.field}: ${e.message}`).join("; ");
    super(fields || problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, { method = "GET", body } = {}) {
  const headers = { Accept: "application/json", "X-Sluice-Client": "page" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  if (response.status === 401) {
    signIn();
    throw new ApiError(401, { title: "Signed out" });
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json || {});
  return json;
}

/** Sends the browser to the sign-in page, to come back here afterwards. */
export function signIn() {
  const here = location.pathname + location.search + location.hash;
  location.assign(`/signin.html?next=${encodeURIComponent(here)}`);
}
