// Providers: each provider's circuit breaker (force open, force closed, reset) and its lanes' live
// state; each lane's budgets can be changed (PUT) or put back to the configured ones (DELETE).
import { api } from "/assets/api.js";
import { button, el, facts, format, section, syncRows, table } from "/admin/dom.js";
import { every } from "/admin/refresh.js";
import { show } from "/admin/problems.js";
import { laneRow, updateLaneRow, LANE_HEADINGS } from "/admin/pages/lanes.js";
import { effective, laneForm } from "/admin/pages/laneform.js";

const PERIOD_MS = 3000;
const BREAKER_ACTIONS = [["force-open", "Force open"], ["force-closed", "Force closed"], ["reset", "Reset"]];

export function mount(main) {
  const problem = el("p", { class: "error", role: "alert" });
  const list = el("div", { id: "providers" });
  main.append(el("h1", { text: "Providers" }), problem, list);
  const shown = new Map(); // provider name -> its panel's update(provider)

  async function refresh() {
    const providers = await api("/api/admin/providers");
    show(problem, null);
    for (const provider of providers) {
      if (!shown.has(provider.name)) {
        const panel = providerPanel(provider, problem, () => refresher.now());
        list.append(panel.element);
        shown.set(provider.name, panel.update);
      }
      shown.get(provider.name)(provider);
    }
    main.dataset.loaded = "true";
  }

  const refresher = every(PERIOD_MS, refresh, (e) => show(problem, e));
  return () => refresher.stop();
}

function providerPanel(provider, problem, refreshNow) {
  const about = facts([["type", "Type"], ["models", "Models"]]);
  const breaker = facts([["state", "Breaker"], ["failureRate", "Failure rate"], ["calls", "Calls in window (failed)"],
    ["notPermitted", "Refused while open"]], { live: true });
  const buttons = BREAKER_ACTIONS.map(([action, label]) => button(label, async () => {
    try {
      await api(`/api/admin/providers/${encodeURIComponent(provider.name)}/breaker/${action}`, { method: "POST" });
      show(problem, null);
    } catch (error) {
      show(problem, error);
    }
    refreshNow();
  }, { "aria-label": `${label} the breaker of ${provider.name}`, "data-action": action }));
  const lanes = table({ text: `Lanes of ${provider.name}`, hidden: true }, LANE_HEADINGS);
  const forms = el("div", { class: "lane-forms" });
  const formsByLane = new Map();

  const element = section(`Provider ${provider.name}`, about.dl, breaker.dl,
    el("div", { class: "actions" }, buttons),
    el("h3", { text: "Lanes" }), el("div", { class: "scroll", "aria-live": "polite" }, lanes), forms);
  element.dataset.provider = provider.name;

  function update(p) {
    about.set("type", p.type);
    about.set("models", (p.models || []).join(", ") || "–");
    const b = p.breaker || {};
    breaker.set("state", b.state ? b.state.replace("_", " ").toLowerCase() : "–");
    breaker.set("failureRate", b.failureRate === undefined || b.failureRate < 0 ? "not enough calls" : format.percent(b.failureRate));
    breaker.set("calls", `${format.int(b.bufferedCalls)} (${format.int(b.failedCalls)})`);
    breaker.set("notPermitted", format.int(b.notPermittedCalls));
    element.dataset.breaker = b.state || "";
    syncRows(lanes.tBodies[0], p.lanes || [], (l) => l.name,
      laneRow, (row, l) => updateLaneRow(row, { ...live(l), breaker: b.state }));
    for (const lane of p.lanes || []) {
      if (!formsByLane.has(lane.name)) {
        const form = laneForm(lane, refreshNow);
        formsByLane.set(lane.name, form);
        forms.append(form.element);
      }
      formsByLane.get(lane.name).update(lane);
    }
  }
  return { element, update };
}

/** The lane's live snapshot, or (before its first call) its effective settings with nothing going on. */
function live(lane) {
  if (lane.live) return lane.live;
  const s = effective(lane);
  return { name: lane.name, maxInFlight: s.maxInFlight, inFlight: 0, waiting: {}, requestsPerMinute: s.requestsPerMinute,
    tokensPerMinute: s.tokensPerMinute, requestsLastMinute: 0, tokensLastMinute: 0, pausedUntil: null };
}
