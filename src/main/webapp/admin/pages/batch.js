// One batch: its settings, overall and per-partition progress, throughput and estimated end, its
// failed items, and stop / restart / abandon (each confirmed first), with a link to the job log.
// A provider-mode batch also shows its provider batches, their counts and the saving so far.
import { api } from "/assets/api.js";
import { button, el, emptyRow, facts, fillRow, format, progress, routeLink, section, setProgress, syncRows, table } from "/admin/dom.js";
import { every } from "/admin/refresh.js";
import { show } from "/admin/problems.js";
import { percentOf } from "/admin/pages/batches.js";

const PERIOD_MS = 2000;
const ACTIONS = [
  // [action, button text, states it applies to, what the confirmation says]
  ["stop", "Stop", ["starting", "started", "waiting"], "Stop this batch? Partitions finish their current chunk, then stop, and its provider batches are cancelled; it can be restarted."],
  ["restart", "Restart", ["stopped", "failed"], "Restart this batch from its checkpoints?"],
  ["abandon", "Abandon", ["stopped", "failed"], "Abandon this batch? It can never be restarted."],
];

export function mount(main, route) {
  const id = route.id;
  const base = `/api/admin/batches/${encodeURIComponent(id)}`;
  const problem = el("p", { class: "error", role: "alert" });
  const outcome = el("p", { role: "status", class: "muted" });
  const summary = facts([["owner", "Owner"], ["status", "Status"], ["mode", "Mode"], ["analyses", "Analyses"], ["model", "Model"],
    ["priority", "Priority"], ["documents", "Documents"], ["partitions", "Partitions"], ["concurrency", "Calls in flight / max"],
    ["createdAt", "Created"], ["startedAt", "Started"], ["finishedAt", "Finished"]]);
  const numbers = facts([["done", "Done / expected"], ["failed", "Failed"], ["remaining", "Remaining"],
    ["rate", "Throughput (documents/s)"], ["eta", "Estimated end"], ["tokens", "Tokens in / out"], ["cost", "Cost"],
    ["saving", "Saved by provider batches"]], { live: true });
  const overall = progress(0, "Batch progress");
  overall.id = "batch-progress";
  const partitions = table({ text: "Partitions", hidden: true }, ["Partition", "Items", "Progress", "Done", "Failed", "Remaining"]);
  const providerBatches = table({ text: "Provider batches", hidden: true },
    ["Provider batch", "Status", "Requests", "Succeeded", "Errored", "Expired", "Cancelled", "Results"]);
  providerBatches.id = "provider-batches";
  const providerPanel = section("Provider batches", el("div", { class: "scroll" }, providerBatches));
  providerPanel.hidden = true;
  const jobLog = el("a", { href: `${base}/job-log`, target: "_blank", rel: "noopener", text: "Job log" });
  const buttons = Object.fromEntries(ACTIONS.map(([action, label, , question]) =>
    [action, button(label, () => act(action, question), { id: `batch-${action}`, disabled: true })]));
  const errors = failedItems(base, problem);

  main.append(
    el("p", {}, routeLink("← All batches", "batches")),
    el("h1", {}, "Batch ", el("code", { text: id })),
    problem,
    el("div", { class: "actions" }, Object.values(buttons), jobLog),
    outcome,
    section("Progress", overall, numbers.dl),
    section("Batch", summary.dl),
    section("Partitions", el("div", { class: "scroll" }, partitions)),
    providerPanel,
    errors.panel,
  );

  let failedShown = null; // the failed count the failed-items list was loaded at
  async function refresh() {
    const b = await api(base);
    show(problem, null);
    main.dataset.loaded = "true";
    const p = b.progress || {};
    main.dataset.status = b.status;
    setProgress(overall, percentOf(p));
    summary.set("owner", b.owner ?? "–");
    summary.set("status", b.status);
    summary.set("mode", b.mode ?? "interactive");
    summary.set("analyses", (b.analyses || []).join(", ") || "–");
    summary.set("model", b.model ?? "default");
    summary.set("priority", b.priority ?? "–");
    summary.set("documents", format.int(b.documents));
    summary.set("partitions", format.int(b.partitions));
    summary.set("concurrency", `${format.int(b.callsInFlight)} / ${format.int(b.maxConcurrency)}`);
    summary.set("createdAt", format.time(b.createdAt));
    summary.set("startedAt", format.time(b.startedAt));
    summary.set("finishedAt", format.time(b.finishedAt));
    numbers.set("done", `${format.int(p.done)} / ${format.int(p.expected)}`);
    numbers.set("failed", format.int(p.failed));
    numbers.set("remaining", format.int(p.remaining));
    numbers.set("rate", format.dec(p.itemsPerSecond));
    numbers.set("eta", format.time(p.estimatedCompletion));
    numbers.set("tokens", `${format.int(p.inputTokens)} / ${format.int(p.outputTokens)}`);
    numbers.set("cost", format.usd(p.costUsd));
    numbers.set("saving", p.provider ? format.usd(p.provider.estimatedSavingUsd) : "–");
    providerPanel.hidden = !p.provider;
    showProviderBatches(providerBatches.tBodies[0], p.provider?.batches || []);
    if (b.links?.jobLog) jobLog.href = b.links.jobLog;
    for (const [action, , states] of ACTIONS) buttons[action].disabled = !states.includes(b.status);
    showPartitions(partitions.tBodies[0], p.partitions || []);
    if (p.failed !== failedShown) {
      failedShown = p.failed;
      errors.refresh();
    }
  }

  async function act(action, question) {
    if (!window.confirm(question)) return;
    buttons[action].disabled = true;
    try {
      await api(`${base}/${action}`, { method: "POST" });
      outcome.textContent = `${action[0].toUpperCase()}${action.slice(1)} requested.`;
      show(problem, null);
    } catch (error) {
      show(problem, error);
    }
    refresher.now();
  }

  const refresher = every(PERIOD_MS, refresh, (e) => show(problem, e));
  return () => refresher.stop();
}

function showPartitions(tbody, items) {
  syncRows(tbody, items, (p) => p.partition,
    (p) => {
      const row = emptyRow(6);
      row.cells[2].append(progress(0, `Partition ${p.partition} progress`));
      return row;
    },
    (row, p) => {
      const total = p.done + p.failed + p.remaining;
      setProgress(row.cells[2].firstChild, total ? ((p.done + p.failed) / total) * 100 : 0);
      fillRow(row, [String(p.partition), `${p.firstItem}–${p.lastItem}`, row.cells[2].firstChild,
        format.int(p.done), format.int(p.failed), format.int(p.remaining)]);
    });
}

function showProviderBatches(tbody, items) {
  syncRows(tbody, items, (b) => b.id, () => emptyRow(8),
    (row, b) => fillRow(row, [b.providerBatchId ?? "–", b.status, format.int(b.requests), format.int(b.succeeded),
      format.int(b.errored), format.int(b.expired), format.int(b.cancelled), b.collection]));
}

/** The batch's failed items, a page at a time. */
function failedItems(base, problem) {
  const list = table({ text: "Failed items", hidden: true }, ["Document", "Analysis", "Error", "Message"]);
  const more = button("More failed items", () => load(cursor).catch((e) => show(problem, e)), { hidden: true });
  const none = el("p", { class: "muted", text: "No failed items." });
  let cursor = null;

  async function load(after) {
    const q = new URLSearchParams({ limit: "50" });
    if (after) q.set("cursor", after);
    const page = await api(`${base}/errors?${q}`);
    if (!after) list.tBodies[0].replaceChildren();
    for (const e of page.items || []) {
      list.tBodies[0].append(el("tr", {},
        el("td", {}, el("code", { text: e.documentId ?? e.document ?? "–" })),
        el("td", { text: e.analysis ?? "–" }),
        el("td", { text: e.errorCode ?? e.code ?? "–" }),
        el("td", { text: e.errorMessage ?? e.message ?? "–" })));
    }
    cursor = page.next;
    more.hidden = !page.next;
    none.hidden = list.tBodies[0].rows.length > 0;
  }

  return {
    panel: section("Failed items", el("div", { class: "scroll" }, list), none, more),
    refresh: () => load(null).catch((e) => show(problem, e)),
  };
}
