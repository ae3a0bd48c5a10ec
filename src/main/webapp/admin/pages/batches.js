// Batches: every user's batches, filtered by status, owner and creation date, newest first, with
// "more" paging by the API's cursor; the first page refreshes so running batches' bars move.
import { api } from "/assets/api.js";
import { el, emptyRow, fillRow, format, progress, routeLink, setProgress, syncRows, table } from "/admin/dom.js";
import { every } from "/admin/refresh.js";
import { show } from "/admin/problems.js";
import { rememberQuery } from "/admin/route.js";
import { apiQuery, choice, date, fill, filterForm, text } from "/admin/pages/filters.js";

export const STATUSES = ["starting", "started", "stopping", "stopped", "failed", "completed", "abandoned"];
const PERIOD_MS = 2000;
const PAGE = 50;

/** A batch's share of results done or failed, in percent. */
export function percentOf(p) {
  if (!p) return 0;
  if (p.percent !== undefined && p.percent !== null) return p.percent;
  return p.expected ? ((p.done + p.failed) / p.expected) * 100 : 0;
}

export function mount(main, route) {
  const problem = el("p", { class: "error", role: "alert" });
  const list = table({ text: "Batches", hidden: true }, ["Batch", "Owner", "Status", "Documents", "Created", "Started", "Finished", "Progress", "Done / expected (failed)"]);
  list.id = "batches";
  const more = el("button", { type: "button", text: "More batches", hidden: true });
  const empty = el("p", { class: "muted", text: "No batch matches.", hidden: true });
  let query = route.query;
  let cursor = null;
  let pagedFurther = false; // once "more" was used, the refresh must not move the cursor back

  const form = filterForm("Filter batches", [
    ["Status", choice("status", STATUSES.map((s) => [s]))],
    ["Owner", text("owner", "user name")],
    ["Created from", date("from")],
    ["Created to", date("to")],
  ], (q) => {
    query = q;
    rememberQuery(q);
    reload().catch((e) => show(problem, e));
  });
  fill(form, query);

  main.append(el("h1", { text: "Batches" }), form, problem,
    el("div", { class: "scroll", "aria-live": "polite" }, list), empty, more);

  const path = (after) => {
    const q = apiQuery(query, { dates: ["from", "to"] });
    q.set("limit", String(PAGE));
    if (after) q.set("cursor", after);
    return `/api/admin/batches?${q}`;
  };

  async function firstPage() {
    const page = await api(path(null));
    show(problem, null);
    main.dataset.loaded = "true";
    syncRows(list.tBodies[0], page.items, (b) => b.id, createRow, updateRow, { keepMissing: true });
    if (!pagedFurther) {
      cursor = page.next;
      more.hidden = !page.next;
    }
    empty.hidden = list.tBodies[0].rows.length > 0;
  }

  async function reload() {
    list.tBodies[0].replaceChildren();
    pagedFurther = false;
    await firstPage();
  }

  async function nextPage() {
    const page = await api(path(cursor));
    const tbody = list.tBodies[0];
    for (const batch of page.items) {
      let row = [...tbody.rows].find((r) => r.dataset.key === batch.id);
      if (!row) tbody.append((row = createRow(batch)));
      updateRow(row, batch);
    }
    pagedFurther = true;
    cursor = page.next;
    more.hidden = !page.next;
  }
  more.addEventListener("click", () => nextPage().catch((e) => show(problem, e)));

  const refresher = every(PERIOD_MS, firstPage, (e) => show(problem, e));
  return () => refresher.stop();
}

function createRow(batch) {
  const row = emptyRow(9);
  row.dataset.key = batch.id;
  row.cells[0].append(routeLink(batch.id.slice(0, 8), `batches/${encodeURIComponent(batch.id)}`));
  row.cells[0].firstChild.title = batch.id;
  row.cells[7].append(progress(0, `Batch ${batch.id.slice(0, 8)} progress`));
  return row;
}

function updateRow(row, batch) {
  const p = batch.progress || {};
  row.dataset.status = batch.status;
  setProgress(row.cells[7].firstChild, percentOf(p));
  fillRow(row, [row.cells[0].firstChild, batch.owner, batch.status, format.int(batch.documents),
    format.time(batch.createdAt), format.time(batch.startedAt), format.time(batch.finishedAt),
    row.cells[7].firstChild, `${format.int(p.done)} / ${format.int(p.expected)} (${format.int(p.failed)})`]);
}
