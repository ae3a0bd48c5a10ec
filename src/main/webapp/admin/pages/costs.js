// Costs: calls, tokens and money by user, model or day over a date range (the last 30 days unless
// chosen), as a table with its total and a bar chart of the cost.
import { api } from "/assets/api.js";
import { el, format, section, table } from "/admin/dom.js";
import { chart, chartBox } from "/admin/charts.js";
import { show } from "/admin/problems.js";
import { rememberQuery } from "/admin/route.js";
import { choice, date, fill, filterForm } from "/admin/pages/filters.js";

export function mount(main, route) {
  const problem = el("p", { class: "error", role: "alert" });
  const rows = table({ text: "Costs", hidden: true }, ["", "Calls", "Failed", "Input tokens", "Output tokens", "Cost"]);
  rows.id = "costs";
  rows.append(el("tfoot"));
  const range = el("p", { class: "muted", role: "status" });
  const box = chartBox("Cost per group in US dollars");
  let query = route.query;

  const by = choice("by", [["day", "day"], ["user", "user"], ["model", "model"]]);
  by.firstChild.remove(); // "by" always has a value
  const form = filterForm("Cost range", [["Group by", by], ["From", date("from")], ["To", date("to")]], (q) => {
    query = q;
    rememberQuery(q);
    load().catch((e) => show(problem, e));
  });
  fill(form, query);
  main.append(el("h1", { text: "Costs" }), form, problem, range,
    section("Cost", box.box), section("Table", el("div", { class: "scroll" }, rows)));
  const plot = chart(box.canvas, "bar", ["Cost (USD)"], { yTitle: "USD" });

  async function load() {
    const c = await api(`/api/admin/costs?${query}`);
    show(problem, null);
    main.dataset.loaded = "true";
    range.textContent = `By ${c.by}, ${c.from} to ${c.to}`;
    form.querySelector("[name=from]").value = c.from;
    form.querySelector("[name=to]").value = c.to;
    by.value = c.by;
    rows.tHead.rows[0].cells[0].textContent = c.by[0].toUpperCase() + c.by.slice(1);
    rows.tBodies[0].replaceChildren(...c.rows.map((r) => line(r, "td")));
    rows.tFoot.replaceChildren(line(c.total, "th"));
    plot.update(c.rows.map((r) => r.key), [c.rows.map((r) => Number(r.costUsd))]);
  }

  load().catch((e) => show(problem, e));
  return () => plot.destroy();
}

function line(r, first) {
  return el("tr", { "data-key": r.key },
    el(first, first === "th" ? { scope: "row", text: r.key } : { text: r.key }),
    el("td", { class: "num", text: format.int(r.calls) }),
    el("td", { class: "num", text: format.int(r.failed) }),
    el("td", { class: "num", text: format.int(r.inputTokens) }),
    el("td", { class: "num", text: format.int(r.outputTokens) }),
    el("td", { class: "num", text: format.usd(r.costUsd) }));
}
