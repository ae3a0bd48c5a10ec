// The filter forms of the list pages: fields read from and written to the route's query, and dates
// and times turned into the ISO-8601 instants the API takes.
import { el, field } from "/admin/dom.js";

/** A select of {@code options} ([value, label]) with "any" first. */
export function choice(name, options) {
  return el("select", { name, "data-field": name },
    el("option", { value: "", text: "any" }),
    options.map(([value, label]) => el("option", { value, text: label ?? value })));
}

export function text(name, placeholder) {
  return el("input", { name, "data-field": name, placeholder, autocomplete: "off" });
}

export function date(name) {
  return el("input", { name, "data-field": name, type: "date" });
}

export function dateTime(name) {
  return el("input", { name, "data-field": name, type: "datetime-local" });
}

/** A filter form: labelled controls, Apply and Clear; {@code onApply(query)} on submit. */
export function filterForm(label, controls, onApply) {
  const form = el("form", { class: "filters", "aria-label": label },
    controls.map(([text, control]) => field(text, control)),
    el("div", { class: "filter-actions" },
      el("button", { class: "primary", type: "submit", text: "Apply" }),
      el("button", { type: "reset", text: "Clear" })));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onApply(queryOf(form));
  });
  form.addEventListener("reset", () => setTimeout(() => onApply(queryOf(form))));
  return form;
}

/** The form's non-empty values as a query (names as the route keeps them). */
export function queryOf(form) {
  const query = new URLSearchParams();
  for (const control of form.querySelectorAll("[name]")) {
    if (control.value) query.set(control.name, control.value);
  }
  return query;
}

/** Puts a route's query back into the form's controls. */
export function fill(form, query) {
  for (const control of form.querySelectorAll("[name]")) {
    if (query.has(control.name)) control.value = query.get(control.name);
  }
}

/**
 * The API's query from the route's: dates (YYYY-MM-DD) and local times become instants in the
 * browser's time zone; a "to" date means up to the end of that day.
 */
export function apiQuery(query, { dates = [], times = [] } = {}) {
  const out = new URLSearchParams();
  for (const [name, value] of query) {
    if (dates.includes(name)) {
      const [y, m, d] = value.split("-").map(Number);
      const day = new Date(y, m - 1, name === "to" ? d + 1 : d);
      out.set(name, day.toISOString());
    } else if (times.includes(name)) {
      out.set(name, new Date(value).toISOString());
    } else {
      out.set(name, value);
    }
  }
  return out;
}
