// One lane's live state as a table row, shared by the overview and the providers page: calls in
// flight against the limit, waiting calls by priority, the minute's requests and tokens against
// their budgets, a pause, and the provider's breaker.
import { el, emptyRow, format } from "/admin/dom.js";

export const LANE_HEADINGS = ["Lane", "In flight / max", "Waiting", "Waiting by priority", "Requests last minute / budget", "Tokens last minute / budget", "Paused until", "Breaker"];
const PRIORITIES = ["URGENT", "HIGH", "NORMAL", "LOW", "BATCH"];

export function laneRow(lane) {
  const row = emptyRow(LANE_HEADINGS.length);
  row.cells[0].replaceWith(el("th", { scope: "row" }));
  row.cells[1].append(el("meter", { min: 0, "aria-label": `${lane.name} calls in flight` }), el("span"));
  return row;
}

/** Fills a lane row from an overview lane (or a provider's live snapshot, which has no breaker). */
export function updateLaneRow(row, lane) {
  const waiting = lane.waiting || {};
  const total = lane.waitingTotal ?? Object.values(waiting).reduce((a, b) => a + b, 0);
  const meter = row.cells[1].querySelector("meter");
  meter.max = Math.max(1, lane.maxInFlight);
  meter.value = lane.inFlight;
  row.cells[1].querySelector("span").textContent = ` ${format.int(lane.inFlight)} / ${format.int(lane.maxInFlight)}`;
  row.dataset.lane = lane.name;
  row.dataset.inFlight = String(lane.inFlight);
  row.dataset.waiting = String(total);
  row.classList.toggle("busy", total > 0);
  setText(row.cells[0], lane.name);
  const byPriority = PRIORITIES.filter((p) => waiting[p]).map((p) => `${p.toLowerCase()} ${waiting[p]}`).join(", ");
  setText(row.cells[2], format.int(total));
  setText(row.cells[3], byPriority || "none");
  setText(row.cells[4], `${format.int(lane.requestsLastMinute)} / ${format.int(lane.requestsPerMinute)}`);
  setText(row.cells[5], `${format.int(lane.tokensLastMinute)} / ${format.int(lane.tokensPerMinute)}`);
  setText(row.cells[6], lane.pausedUntil ? format.time(lane.pausedUntil) : "–");
  setText(row.cells[7], lane.breaker ? lane.breaker.toLowerCase().replace("_", " ") : "–");
}

function setText(cell, text) {
  if (cell.textContent !== text) cell.textContent = text;
}
