// Generations: every provider call (chats, batches, uploads), filtered by status, model, user,
// source and time, newest first, a page at a time; each links to its detail.
import { api } from "/assets/api.js";
import { button, el, format, routeLink, table } from "/admin/dom.js";
import { show } from "/admin/problems.js";
import { rememberQuery } from "/admin/route.js";
import { apiQuery, choice, dateTime, fill, filterForm, text } from "/admin/pages/filters.js";

const PAGE = 50;

export function mount(main, route) {
  const problem = el("p", { class: "error", role: "alert" });
  const list = table({ text: "Generations", hidden: true }, ["Started", "Source", "User", "Model (answered)", "Provider", "Status", "Attempts", "Gate wait", "First token", "Total", "Tokens in / out", "Cost"]);
  list.id = "generations";
  const more = button("More generations", () => load(cursor).catch((e) => show(problem, e)), { hidden: true });
  const refresh = button("Refresh", () => load(null).catch((e) => show(problem, e)));
  const empty = el("p", { class: "muted", text: "No generation matches.", hidden: true });
  let query = route.query;
  let cursor = null;

  const form = filterForm("Filter generations", [
    ["Status", choice("status", [["completed"], ["failed"], ["cancelled"], ["interrupted"]])],
    ["Model", text("model", "e.g. sim-small")],
    ["User", text("user", "user name")],
    ["Source", choice("source", [["chat"], ["batch"], ["upload"], ["other"]])],
    ["From", dateTime("from")],
    ["To", dateTime("to")],
  ], (q) => {
    query = q;
    rememberQuery(q);
    load(null).catch((e) => show(problem, e));
  });
  fill(form, query);
  main.append(el("h1", { text: "Generations" }), form, el("div", { class: "actions" }, refresh), problem,
    el("div", { class: "scroll" }, list), empty, more);

  async function load(after) {
    const q = apiQuery(query, { times: ["from", "to"] });
    q.set("limit", String(PAGE));
    if (after) q.set("cursor", after);
    const page = await api(`/api/admin/generations?${q}`);
    show(problem, null);
    main.dataset.loaded = "true";
    if (!after) list.tBodies[0].replaceChildren();
    list.tBodies[0].append(...page.items.map(row));
    cursor = page.next;
    more.hidden = !page.next;
    empty.hidden = list.tBodies[0].rows.length > 0;
  }

  load(null).catch((e) => show(problem, e));
}

function row(g) {
  const model = g.answeredModel && g.answeredModel !== g.model ? `${g.model} → ${g.answeredModel}` : g.model;
  return el("tr", { "data-key": g.id, "data-status": g.status },
    el("td", {}, routeLink(format.time(g.startedAt), `generations/${encodeURIComponent(g.id)}`)),
    el("td", { text: g.source }),
    el("td", { text: g.owner ?? "–" }),
    el("td", { text: model ?? "–" }),
    el("td", { text: g.provider ?? "–" }),
    el("td", { text: g.errorKind ? `${g.status} (${g.errorKind})` : g.status, title: g.errorMessage ?? undefined }),
    el("td", { class: "num", text: format.int(g.attempts) }),
    el("td", { class: "num", text: format.ms(g.gateWaitMs) }),
    el("td", { class: "num", text: format.ms(g.timeToFirstTokenMs) }),
    el("td", { class: "num", text: format.ms(g.totalMs) }),
    el("td", { class: "num", text: `${g.usageEstimated ? "≈ " : ""}${format.int(g.inputTokens)} / ${format.int(g.outputTokens)}`,
      title: g.usageEstimated ? "estimated: the provider reported no usage" : undefined }),
    el("td", { class: "num", text: format.usd(g.costUsd) }));
}
