// Queues: each job queue's depth by JMS priority and its exception destination; the failed
// messages of a queue, each of which can be sent back to its queue (retry) or dropped (discard).
import { api } from "/assets/api.js";
import { button, el, emptyRow, fillRow, format, section, syncRows, table } from "/admin/dom.js";
import { every } from "/admin/refresh.js";
import { show } from "/admin/problems.js";

const PERIOD_MS = 3000;
/** JMS priorities the job queues use, by the admission priority they carry (JmsPriority). */
const PRIORITY_NAMES = { 9: "urgent", 7: "high", 5: "normal", 3: "low", 1: "batch", 4: "default" };

export function mount(main) {
  const problem = el("p", { class: "error", role: "alert" });
  const queues = table({ text: "Queues", hidden: true }, ["Queue", "Destination", "Depth", "By priority", "Failed destination", "Failed", ""]);
  queues.id = "queues";
  const failedPanel = el("div", { id: "failed-messages" });
  main.append(el("h1", { text: "Queues" }), problem,
    section("Depth", el("div", { class: "scroll", "aria-live": "polite" }, queues)), failedPanel);

  let openQueue = null;

  async function refresh() {
    const list = await api("/api/admin/queues");
    show(problem, null);
    main.dataset.loaded = "true";
    syncRows(queues.tBodies[0], list, (q) => q.name,
      (q) => {
        const row = emptyRow(7);
        row.cells[6].append(button("Failed messages", () => openFailed(q.name), { "aria-label": `Failed messages of ${q.name}` }));
        return row;
      },
      (row, q) => {
        row.dataset.depth = String(q.depth);
        fillRow(row, [q.name, q.destination, depth(q.depth, q.depthCapped), byPriority(q.byPriority),
          q.failed?.destination, depth(q.failed?.depth, q.failed?.depthCapped), row.cells[6].firstChild]);
      });
  }

  async function openFailed(name) {
    openQueue = name;
    const messages = table({ text: `Failed messages of ${name}`, hidden: true }, ["Message", "Job", "Priority", "Sent", "Deliveries", "Actions"]);
    const status = el("p", { role: "status", class: "muted" });
    const reload = button("Reload", () => load());
    failedPanel.replaceChildren(section(`Failed messages: ${name}`, el("div", { class: "actions" }, reload), status,
      el("div", { class: "scroll" }, messages)));

    async function load() {
      try {
        const page = await api(`/api/admin/queues/${encodeURIComponent(name)}/failed?limit=100`);
        if (openQueue !== name) return;
        messages.tBodies[0].replaceChildren(...(page.items || []).map((m) => messageRow(m)));
        if (!(page.items || []).length) status.textContent = "No failed message.";
      } catch (error) {
        show(problem, error);
      }
    }

    function messageRow(m) {
      const act = (action, question) => async () => {
        if (question && !window.confirm(question)) return;
        try {
          await api(`/api/admin/queues/${encodeURIComponent(name)}/failed/${encodeURIComponent(m.messageId)}/${action}`, { method: "POST" });
          status.textContent = `${action === "retry" ? "Sent back" : "Discarded"}: ${m.messageId}`;
        } catch (error) {
          show(problem, error);
        }
        await load();
        refresher.now();
      };
      return el("tr", { "data-key": m.messageId },
        el("td", {}, el("code", { text: m.messageId })), el("td", {}, el("code", { text: m.jobId ?? "–" })),
        el("td", { text: priorityName(m.priority) }), el("td", { text: format.time(m.sentAt) }),
        el("td", { class: "num", text: format.int(m.deliveryCount) }),
        el("td", {}, button("Retry", act("retry"), { "aria-label": `Retry ${m.messageId}` }), " ",
          button("Discard", act("discard", `Discard message ${m.messageId}? Its job will not run.`), { "aria-label": `Discard ${m.messageId}` })));
    }

    await load();
  }

  const refresher = every(PERIOD_MS, refresh, (e) => show(problem, e));
  return () => refresher.stop();
}

/** A depth; the server stops counting a deep queue at a cap and says so ("at least"). */
function depth(n, capped) {
  return `${capped ? "≥ " : ""}${format.int(n)}`;
}

function priorityName(p) {
  return PRIORITY_NAMES[p] ? `${p} (${PRIORITY_NAMES[p]})` : String(p ?? "–");
}

function byPriority(counts) {
  const entries = Object.entries(counts || {}).filter(([, n]) => n > 0).sort(([a], [b]) => b - a);
  return entries.length ? entries.map(([p, n]) => `${priorityName(Number(p))}: ${n}`).join(", ") : "–";
}
