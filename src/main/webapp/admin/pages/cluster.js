// Cluster: every node up and those ended in the last hour; each node's lease, what it runs now
// (streaming answers, running batches) and, for an ended node, who took its work over.
import { api } from "/assets/api.js";
import { el, emptyRow, fillRow, format, section, syncRows, table } from "/admin/dom.js";
import { every } from "/admin/refresh.js";
import { show } from "/admin/problems.js";

const PERIOD_MS = 3000;

export function mount(main) {
  const problem = el("p", { class: "error", role: "alert" });
  const summary = el("p", { role: "status", class: "muted" });
  const nodes = table({ text: "Nodes", hidden: true },
    ["Node", "State", "Started", "Last heartbeat", "Streaming answers", "Running batches", "Work taken over by"]);
  nodes.id = "nodes";
  main.append(el("h1", { text: "Cluster" }), problem, summary,
    section("Nodes", el("div", { class: "scroll", "aria-live": "polite" }, nodes)));

  async function refresh() {
    const cluster = await api("/api/admin/cluster");
    show(problem, null);
    const names = new Map(cluster.nodes.map((n) => [n.id, n.name]));
    summary.textContent = `${format.int(cluster.up)} node(s) up · heartbeat every ${cluster.heartbeat},`
      + ` lease ${cluster.lease} · updated ${format.time(cluster.at)}`;
    syncRows(nodes.tBodies[0], cluster.nodes, (n) => n.id, () => emptyRow(7), (row, n) => {
      row.dataset.state = n.state;
      fillRow(row, [
        el("span", {}, el("strong", { text: n.name }), n.self ? " (this server)" : "", el("br"),
          el("code", { class: "muted", text: n.id })),
        n.state === "up" ? "up" : `${n.state} ${format.time(n.endedAt)}`,
        format.time(n.startedAt), format.time(n.heartbeatAt),
        format.int(n.streamingAnswers), format.int(n.runningBatches),
        n.recoveredBy ? `${names.get(n.recoveredBy) ?? n.recoveredBy}${n.recoveredAt ? "" : " (in progress)"}` : "–",
      ]);
    });
    main.dataset.loaded = "true";
  }

  const refresher = every(PERIOD_MS, refresh, (e) => show(problem, e));
  return () => refresher.stop();
}
