// Building the console's DOM from server data with textContent only (never innerHTML), and the
// formats its numbers, money, durations and times are shown in.

/**
 * An element: {@code props} sets attributes ("class", "data-*", "aria-*", ...), "text" sets its
 * textContent, "on<event>" adds a listener; children are nodes or strings (as text).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = String(value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name in node && !name.includes("-") && name !== "list") node[name] = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

const integers = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export const format = {
  int: (n) => (n === null || n === undefined ? "–" : integers.format(n)),
  dec: (n) => (n === null || n === undefined ? "–" : decimals.format(n)),
  usd: (n) => (n === null || n === undefined ? "–" : `$${Number(n).toFixed(n !== 0 && Math.abs(n) < 0.01 ? 6 : 2)}`),
  ms: (n) => (n === null || n === undefined ? "–" : n >= 10_000 ? `${decimals.format(n / 1000)} s` : `${integers.format(n)} ms`),
  percent: (n) => (n === null || n === undefined ? "–" : `${decimals.format(n)} %`),
  time: (iso) => (iso ? new Date(iso).toLocaleString() : "–"),
  clock: (iso) => (iso ? new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : ""),
};

/** A native progress bar (announced by screen readers) with its percentage as text beside it. */
export function progress(percent, label) {
  const bar = el("progress", { max: 100, "aria-label": label });
  const text = el("span", { class: "progress-text" });
  const wrap = el("span", { class: "progress" }, bar, text);
  setProgress(wrap, percent);
  return wrap;
}

export function setProgress(wrap, percent) {
  const value = Math.max(0, Math.min(100, Number(percent) || 0));
  const bar = wrap.querySelector("progress");
  bar.value = value;
  bar.setAttribute("value", String(value));
  wrap.querySelector(".progress-text").textContent = format.percent(value);
}

/** A table whose body is filled by {@link syncRows}. */
export function table(caption, headings) {
  return el(
    "table",
    { class: "data" },
    el("caption", { class: caption.hidden ? "visually-hidden" : "", text: caption.text ?? caption }),
    el("thead", {}, el("tr", {}, headings.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody"),
  );
}

/**
 * Brings a table body up to date in place, row by key: new items get a row from {@code create},
 * every item's row is passed to {@code update}, rows of items no longer there are removed. Keeping
 * rows (rather than rebuilding them) keeps focus and does not re-announce unchanged text.
 */
export function syncRows(tbody, items, key, create, update, { keepMissing = false } = {}) {
  const existing = new Map([...tbody.rows].map((row) => [row.dataset.key, row]));
  let previous = null;
  for (const item of items) {
    const k = String(key(item));
    let row = existing.get(k);
    if (!row) {
      row = create(item);
      row.dataset.key = k;
    }
    existing.delete(k);
    update(row, item);
    if (previous ? previous.nextSibling !== row : tbody.firstChild !== row) {
      tbody.insertBefore(row, previous ? previous.nextSibling : tbody.firstChild);
    }
    previous = row;
  }
  if (!keepMissing) existing.forEach((row) => row.remove());
}

/** A row of {@code n} empty cells, for {@link syncRows}' create. */
export function emptyRow(n) {
  return el("tr", {}, Array.from({ length: n }, () => el("td")));
}

/** Sets a row's cells' text (strings) or content (nodes), in order. */
export function fillRow(row, values) {
  values.forEach((value, i) => {
    const cell = row.cells[i];
    if (value instanceof Node) {
      if (cell.firstChild !== value) cell.replaceChildren(value);
    } else {
      const text = value === null || value === undefined ? "–" : String(value);
      if (cell.textContent !== text) cell.textContent = text;
    }
  });
}

/** A definition list of label/value pairs; each value's dd is returned by its key for updates. */
export function facts(entries, { live = false } = {}) {
  const dl = el("dl", { class: "facts", "aria-live": live ? "polite" : undefined });
  const values = {};
  for (const [key, label] of entries) {
    values[key] = el("dd", { "data-fact": key, text: "–" });
    dl.append(el("div", {}, el("dt", { text: label }), values[key]));
  }
  return { dl, values, set: (key, text) => { if (values[key].textContent !== text) values[key].textContent = text; } };
}

/** A page section with a heading. */
export function section(title, ...children) {
  const id = `h-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${Math.random().toString(36).slice(2, 7)}`;
  return el("section", { class: "panel", "aria-labelledby": id }, el("h2", { id, text: title }), ...children);
}

/** A button with a text label that runs {@code action} on click. */
export function button(label, action, props = {}) {
  return el("button", { type: "button", text: label, onclick: action, ...props });
}

/** A labelled form field: the label, the control, and a slot for the field's error. */
export function field(label, control) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const error = el("span", { class: "field-error error", id: `${id}-error`, "aria-live": "polite" });
  control.setAttribute("aria-describedby", error.id);
  return el("div", { class: "field" }, el("label", { for: id, text: label }), control, error);
}

/** A link to a console route. */
export function routeLink(text, route) {
  return el("a", { href: `#/${route}`, text });
}
