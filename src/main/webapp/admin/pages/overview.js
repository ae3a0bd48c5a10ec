// Overview: the whole system every two seconds — chat jobs, running batches, today's usage, each
// lane's load and budget, and the last hour's throughput, latency and errors as charts. In a
// cluster, every figure is the cluster's: the server adds the other nodes' reports to its own.
import { api } from "/assets/api.js";
import { el, emptyRow, facts, fillRow, format, progress, routeLink, section, setProgress, syncRows, table } from "/admin/dom.js";
import { chart, chartBox } from "/admin/charts.js";
import { every } from "/admin/refresh.js";
import { show } from "/admin/problems.js";
import { laneRow, updateLaneRow, LANE_HEADINGS } from "/admin/pages/lanes.js";

const PERIOD_MS = 2000;

export function mount(main) {
  const problem = el("p", { class: "error", role: "alert" });
  const updated = el("p", { class: "muted", role: "status", text: "Loading…" });
  const chats = facts([["queued", "Queued"], ["running", "Running"], ["completedLastHour", "Completed (last hour)"], ["failedLastHour", "Failed (last hour)"]], { live: true });
  const today = facts([["calls", "Calls"], ["failed", "Failed calls"], ["inputTokens", "Input tokens"], ["outputTokens", "Output tokens"], ["costUsd", "Cost"]], { live: true });
  const batches = table({ text: "Running batches", hidden: true }, ["Batch", "Owner", "Status", "Progress", "Done / expected", "Failed", "Items/s", "Estimated end"]);
  const noBatches = el("p", { class: "muted", text: "No batch is running." });
  const lanes = table({ text: "Lanes", hidden: true }, LANE_HEADINGS);
  lanes.id = "lanes";
  const charts = {
    throughput: chartBox("Calls and tokens per minute, last hour"),
    latency: chartBox("Latency p50 and p99 per minute, last hour"),
    errors: chartBox("Errors per minute, last hour"),
  };

  main.append(
    el("h1", { text: "Overview" }),
    updated,
    problem,
    el("div", { class: "columns" }, section("Chat jobs", chats.dl), section("Today", today.dl)),
    section("Running batches", batches, noBatches),
    section("Lanes", el("div", { class: "scroll", "aria-live": "polite" }, lanes)),
    el("div", { class: "columns three" },
      section("Throughput", charts.throughput.box),
      section("Latency", charts.latency.box),
      section("Errors", charts.errors.box)),
  );

  const plots = {
    throughput: chart(charts.throughput.canvas, "line", ["Calls/min"], { yTitle: "calls" }),
    latency: chart(charts.latency.canvas, "line", ["p50 ms", "p99 ms"], { yTitle: "ms" }),
    errors: chart(charts.errors.canvas, "bar", ["Errors/min"], { yTitle: "errors", colors: ["#b42318"] }),
  };

  async function refresh() {
    const o = await api("/api/admin/overview");
    show(problem, null);
    main.dataset.loaded = "true";
    const scope = o.nodes > 1 ? ` · all ${o.nodes} nodes of the cluster` : "";
    updated.textContent = `Updated ${format.time(o.at)}${scope}`;
    for (const key of Object.keys(chats.values)) chats.set(key, format.int(o.chatJobs?.[key]));
    today.set("calls", format.int(o.today?.calls));
    today.set("failed", format.int(o.today?.failed));
    today.set("inputTokens", format.int(o.today?.inputTokens));
    today.set("outputTokens", format.int(o.today?.outputTokens));
    today.set("costUsd", format.usd(o.today?.costUsd));
    showBatches(batches.tBodies[0], o.batches || []);
    noBatches.hidden = (o.batches || []).length > 0;
    batches.hidden = !noBatches.hidden;
    syncRows(lanes.tBodies[0], o.lanes || [], (l) => l.name, laneRow, updateLaneRow);
    showSeries(o.series);
  }

  function showBatches(tbody, items) {
    syncRows(
      tbody,
      items,
      (b) => b.id,
      (b) => {
        const row = emptyRow(8);
        row.cells[0].append(routeLink(b.id.slice(0, 8), `batches/${encodeURIComponent(b.id)}`));
        row.cells[3].append(progress(0, `Batch ${b.id} progress`));
        return row;
      },
      (row, b) => {
        setProgress(row.cells[3].firstChild, b.percent);
        fillRow(row, [row.cells[0].firstChild, b.owner, b.status, row.cells[3].firstChild,
          `${format.int(b.done)} / ${format.int(b.expected)}`, format.int(b.failed),
          format.dec(b.itemsPerSecond), format.time(b.estimatedCompletion)]);
      },
    );
  }

  function showSeries(series) {
    if (!series) return;
    const labels = (series.minutes || []).map(format.clock);
    plots.throughput.update(labels, [series.calls || []]);
    plots.latency.update(labels, [series.p50Ms || [], series.p99Ms || []]);
    plots.errors.update(labels, [series.errors || []]);
  }

  const refresher = every(PERIOD_MS, refresh, (error) => show(problem, error));
  return () => {
    refresher.stop();
    Object.values(plots).forEach((p) => p.destroy());
  };
}
