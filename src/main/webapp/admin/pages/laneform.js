// The form that changes one lane's budgets (PUT /api/admin/lanes/{lane}) or puts back the
// configured ones (DELETE); the server's complaints appear next to the field they name.
import { api } from "/assets/api.js";
import { el, field } from "/admin/dom.js";
import { showFieldErrors } from "/admin/problems.js";

const FIELDS = [
  ["maxInFlight", "Calls in flight, at most"],
  ["requestsPerMinute", "Requests per minute"],
  ["tokensPerMinute", "Tokens per minute"],
  ["maxQueued", "Waiting calls, at most"],
];

/** A lane's name in a URL: it may contain "/", which stays a path separator. */
export function lanePath(name) {
  return `/api/admin/lanes/${name.split("/").map(encodeURIComponent).join("/")}`;
}

/** What the lane applies: its configuration with the operator's override (null: configured) on top. */
export function effective(lane) {
  if (lane.effective) return lane.effective;
  const merged = { ...(lane.configured || {}) };
  for (const [name, value] of Object.entries(lane.override || {})) {
    if (value !== null && value !== undefined && name in merged) merged[name] = value;
  }
  return merged;
}

function overridden(lane) {
  return FIELDS.map(([name]) => name).filter((name) => lane.override && lane.override[name] !== null && lane.override[name] !== undefined);
}

function describeOrigin(lane) {
  const names = overridden(lane);
  if (!names.length) return "Budgets from the configuration.";
  const who = lane.override.updatedBy ? ` by ${lane.override.updatedBy}` : "";
  const when = lane.override.updatedAt ? ` at ${new Date(lane.override.updatedAt).toLocaleString()}` : "";
  return `Changed here${who}${when}: ${names.join(", ")}; the rest from the configuration.`;
}

export function laneForm(lane, refreshNow) {
  const inputs = Object.fromEntries(FIELDS.map(([name]) =>
    [name, el("input", { name, "data-field": name, type: "number", min: 0, step: 1, inputmode: "numeric" })]));
  const formProblem = el("p", { class: "error", role: "alert" });
  const origin = el("p", { class: "muted" });
  const status = el("p", { role: "status", class: "muted" });
  const reset = el("button", { type: "button", text: "Back to configured" });
  const form = el("form", { class: "lane-form", "data-lane": lane.name, "aria-label": `Budgets of lane ${lane.name}`, novalidate: true },
    el("div", { class: "fields" }, FIELDS.map(([name, label]) => field(label, inputs[name]))),
    formProblem,
    el("div", { class: "filter-actions" }, el("button", { class: "primary", type: "submit", text: "Save budgets" }), reset),
    status);
  const element = el("details", { class: "lane-edit" },
    el("summary", { text: `Edit budgets of ${lane.name}` }), origin, form);
  let current = lane;

  function fillFrom(l) {
    const s = effective(l);
    for (const [name] of FIELDS) inputs[name].value = s[name] ?? "";
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = changes(current);
    if (!Object.keys(body).length) {
      status.textContent = "Nothing changed.";
      return;
    }
    await send("PUT", body, "Saved; the lane uses these budgets now.");
  });

  /**
   * What the form changes: each field whose value differs from what the lane applies (sent as a
   * number, even one the server will refuse: it names what is wrong); an emptied field that was
   * overridden goes back to its configured value (null).
   */
  function changes(l) {
    const body = {};
    const now = effective(l);
    for (const [name] of FIELDS) {
      const text = inputs[name].value.trim();
      if (text === "") {
        if (l.override && l.override[name] !== null && l.override[name] !== undefined) body[name] = null;
      } else if (Number(text) !== now[name]) {
        body[name] = Number(text);
      }
    }
    return body;
  }
  reset.addEventListener("click", () => send("DELETE", undefined, "Back to the configured budgets."));

  async function send(method, body, done) {
    status.textContent = "";
    try {
      const updated = await api(lanePath(lane.name), { method, body });
      showFieldErrors(form, null, formProblem);
      status.textContent = done;
      if (updated && (updated.effective || updated.configured)) {
        current = updated;
        fillFrom(updated);
      } else if (method === "DELETE") {
        fillFrom({ configured: current.configured });
      }
    } catch (error) {
      showFieldErrors(form, error, formProblem);
    }
    refreshNow();
  }

  fillFrom(lane);
  return {
    element,
    /** Shows where the lane's budgets come from; the fields keep what the user is typing. */
    update(l) {
      current = l;
      origin.textContent = describeOrigin(l);
      element.dataset.overridden = String(overridden(l).length > 0);
    },
  };
}
