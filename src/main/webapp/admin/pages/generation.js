// One generation: what was asked of which model, every attempt (lane, outcome, waits), the
// fallback chain, gate wait, time to first token, tokens, cost, and the prompt and answer when the
// server keeps them for that source.
import { api } from "/assets/api.js";
import { el, facts, format, routeLink, section, table } from "/admin/dom.js";
import { show } from "/admin/problems.js";

export function mount(main, route) {
  const problem = el("p", { class: "error", role: "alert" });
  main.append(el("p", {}, routeLink("← All generations", "generations")),
    el("h1", {}, "Generation ", el("code", { text: route.id })), problem);
  api(`/api/admin/generations/${encodeURIComponent(route.id)}`)
    .then((g) => render(main, g))
    .catch((e) => show(problem, e));
}

// "≈ … (estimated)" when the provider reported no usage and Sluice counted the tokens itself.
function tokens(g) {
  const counts = `${format.int(g.inputTokens)} / ${format.int(g.outputTokens)}`;
  return g.usageEstimated ? `≈ ${counts} (estimated)` : counts;
}

function render(main, g) {
  const summary = facts([["startedAt", "Started"], ["endedAt", "Ended"], ["source", "Source"], ["reference", "Reference"],
    ["batch", "Batch"], ["owner", "User"], ["priority", "Priority"], ["model", "Model asked"],
    ["answeredModel", "Model that answered"], ["provider", "Provider"], ["status", "Status"], ["errorKind", "Error"],
    ["errorMessage", "Error message"], ["attempts", "Attempts"], ["gateWaitMs", "Gate wait"],
    ["timeToFirstTokenMs", "Time to first token"], ["totalMs", "Total time"], ["tokens", "Tokens in / out"],
    ["costUsd", "Cost"], ["fallbackChain", "Fallback chain"]]);
  const texts = {
    startedAt: format.time(g.startedAt), endedAt: format.time(g.endedAt), source: g.source,
    reference: g.reference, owner: g.owner, priority: g.priority, errorMessage: g.errorMessage, model: g.model, answeredModel: g.answeredModel, provider: g.provider, status: g.status,
    errorKind: g.errorKind, attempts: format.int(g.attempts), gateWaitMs: format.ms(g.gateWaitMs),
    timeToFirstTokenMs: format.ms(g.timeToFirstTokenMs), totalMs: format.ms(g.totalMs),
    tokens: tokens(g), costUsd: format.usd(g.costUsd),
    fallbackChain: (g.fallbackChain || []).join(" → "),
  };
  for (const [key, value] of Object.entries(texts)) summary.set(key, value || "–");
  if (g.batchId) summary.values.batch.replaceChildren(routeLink(g.batchId, `batches/${encodeURIComponent(g.batchId)}`));

  const attempts = table({ text: "Attempts", hidden: true }, ["#", "Started", "Model", "Provider", "Lane", "Outcome", "Error", "Queue wait", "Backoff"]);
  (g.attemptList || []).forEach((a, i) => attempts.tBodies[0].append(el("tr", {},
    el("td", { text: String(i + 1) }), el("td", { text: format.time(a.startedAt) }), el("td", { text: a.model ?? "–" }),
    el("td", { text: a.provider ?? "–" }), el("td", { text: a.lane ?? "–" }), el("td", { text: a.outcome ?? "–" }),
    el("td", { text: a.errorKind ?? "–" }), el("td", { class: "num", text: format.ms(a.queueWaitMs) }),
    el("td", { class: "num", text: format.ms(a.backoffMs) }))));

  const text = g.textPersisted
    ? [el("h3", { text: "Prompt" }), el("pre", { class: "text", text: g.prompt ?? "" }),
       el("h3", { text: "Answer" }), el("pre", { class: "text", text: g.answer ?? "" })]
    : [el("p", { class: "muted", text: "Not kept for this source (sluice.generations.persist-text.*)." })];

  main.append(section("Call", summary.dl), section("Attempts", el("div", { class: "scroll" }, attempts)),
    section("Prompt and answer", ...text));
  main.dataset.loaded = "true";
}
