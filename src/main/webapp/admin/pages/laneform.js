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
    const s = l.override || l.configured || {};
    for (const [name] of FIELDS) inputs[name].value = s[name] ?? "";
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = {};
    for (const [name] of FIELDS) {
      const text = inputs[name].value.trim();
      if (text !== "") body[name] = Number(text);
    }
    await send("PUT", body, "Saved; the lane uses these budgets now.");
  });
  reset.addEventListener("click", () => send("DELETE", undefined, "Back to the configured budgets."));

  async function send(method, body, done) {
    status.textContent = "";
    try {
      const updated = await api(lanePath(lane.name), { method, body });
      showFieldErrors(form, null, formProblem);
      status.textContent = done;
      if (updated && updated.configured) fillFrom(updated);
      else if (method === "DELETE") fillFrom({ configured: current.configured });
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
      origin.textContent = l.override ? "Budgets changed here (overriding the configuration)." : "Budgets from the configuration.";
      element.dataset.overridden = String(Boolean(l.override));
    },
  };
}
