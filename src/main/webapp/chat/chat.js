// The chat page: lists the caller's chats, shows one chat's messages, sends questions and shows the
// answers as they stream (ChatStream), with each answer's model, tokens, cost and timings.
import { api, ApiError } from "/assets/api.js";
import { ChatStream } from "/chat/stream.js";

const $ = (id) => document.getElementById(id);
const UNFINISHED = new Set(["queued", "streaming"]);
const PAGE = 100;

const state = { chatId: null, stream: null, chatsAfter: null, lastSeq: 0 };
const rendered = new Map(); // message id -> { li, text, fromStore }

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function showProblem(error) {
  $("problem").textContent = error ? (error instanceof ApiError ? error.message : String(error)) : "";
}

// ---- chats ------------------------------------------------------------------------------------

async function loadModels() {
  const models = await api("/api/models");
  const select = $("new-model");
  for (const m of models.filter((m) => m.available)) {
    const option = el("option", null, `${m.id} (${m.provider})`);
    option.value = m.id;
    option.selected = m.isDefault;
    select.append(option);
  }
}

async function loadChats({ more = false } = {}) {
  const query = new URLSearchParams({ limit: "50" });
  if (more && state.chatsAfter) query.set("after", state.chatsAfter);
  const page = await api(`/api/chats?${query}`);
  if (!more) $("chat-list").replaceChildren();
  page.items.forEach((chat) => $("chat-list").append(chatItem(chat)));
  state.chatsAfter = page.next || null;
  $("more-chats").hidden = !page.next;
}

function chatItem(chat) {
  const li = el("li");
  const button = el("button", null, chat.title);
  button.type = "button";
  button.dataset.chatId = chat.id;
  button.title = `${chat.title} · ${chat.model}`;
  button.addEventListener("click", () => openChat(chat));
  li.append(button);
  return li;
}

async function createChat(event) {
  event.preventDefault();
  showProblem(null);
  try {
    const title = $("new-title").value.trim();
    const chat = await api("/api/chats", {
      method: "POST",
      body: { title: title || undefined, model: $("new-model").value || undefined },
    });
    $("new-title").value = "";
    $("chat-list").prepend(chatItem(chat));
    await openChat(chat);
  } catch (error) {
    showProblem(error);
  }
}

// ---- one chat -----------------------------------------------------------------------------------

async function openChat(chat) {
  if (state.stream) state.stream.close();
  rendered.clear();
  state.chatId = chat.id;
  state.lastSeq = 0;
  history.replaceState(null, "", `#chat=${encodeURIComponent(chat.id)}`);
  $("chat-title").textContent = chat.title;
  $("chat-model").textContent = chat.model;
  $("messages").replaceChildren();
  $("composer").hidden = false;
  document.querySelectorAll("#chat-list button").forEach((b) => {
    b.setAttribute("aria-current", String(b.dataset.chatId === chat.id));
  });
  showProblem(null);
  state.stream = new ChatStream(chat.id, {
    onChunk: (id, delta) => appendText(id, delta),
    onEnd: (id, frame) => ended(id, frame),
    onStatus: (id, status) => setStatus(id, status),
    onUnknown: (id) => placeholder(id),
    onConnection: (connection) => showConnection(connection),
  });
  await loadMessages();
  $("content").focus();
}

/** Loads messages after the last one shown: all of them on opening, new ones (other tabs) later. */
async function loadMessages() {
  const chatId = state.chatId;
  for (;;) {
    const page = await api(`/api/chats/${encodeURIComponent(chatId)}/messages?after=${state.lastSeq}&limit=${PAGE}`);
    if (chatId !== state.chatId) return;
    page.forEach((message) => show(message));
    if (page.length < PAGE) return;
  }
}

function show(message) {
  state.lastSeq = Math.max(state.lastSeq, message.seq);
  const existing = rendered.get(message.id);
  if (existing) {
    existing.li.dataset.seq = message.seq;
    placeInOrder(existing.li);
    if (!existing.fromStore) return; // live frames already carry it further than the database
  }
  const entry = existing || messageItem(message.id, message.role);
  entry.li.dataset.seq = message.seq;
  entry.text = message.content || "";
  entry.fromStore = UNFINISHED.has(message.status);
  entry.li.querySelector(".content").textContent = entry.text;
  setStatus(message.id, message.status);
  describe(entry, message);
  if (!existing) placeInOrder(entry.li);
  if (message.role === "assistant" && UNFINISHED.has(message.status)) state.stream.track(message.id);
}

function messageItem(id, role) {
  const li = el("li", `message ${role}`);
  li.dataset.id = id;
  li.dataset.seq = String(Number.MAX_SAFE_INTEGER);
  li.append(el("div", "role", role === "assistant" ? "Sluice" : "You"), el("div", "content"));
  const meta = el("div", "meta");
  if (role === "assistant") {
    meta.append(el("span", "status"), el("span", "usage"));
    const cancel = el("button", "cancel", "Cancel");
    cancel.type = "button";
    cancel.hidden = true;
    cancel.addEventListener("click", () => cancelAnswer(id));
    meta.append(cancel);
  }
  li.append(meta);
  const entry = { li, text: "", fromStore: false };
  rendered.set(id, entry);
  return entry;
}

function placeInOrder(li) {
  const list = $("messages");
  const seq = Number(li.dataset.seq);
  const after = [...list.children].find((other) => other !== li && Number(other.dataset.seq) > seq);
  if (after) list.insertBefore(li, after);
  else if (li.parentNode !== list || li !== list.lastElementChild) list.append(li);
  list.scrollTop = list.scrollHeight;
}

/** An answer we hear about before we have loaded it (asked in another tab). */
function placeholder(id) {
  if (rendered.has(id)) return;
  const entry = messageItem(id, "assistant");
  placeInOrder(entry.li);
  setStatus(id, "streaming");
  loadMessages().catch(showProblem);
}

function appendText(id, delta) {
  const entry = rendered.get(id);
  if (!entry) return;
  if (entry.fromStore) {
    // The stored partial text is replaced by the replay from the beginning.
    entry.fromStore = false;
    entry.text = "";
  }
  entry.text += delta;
  entry.li.querySelector(".content").textContent = entry.text;
  setStatus(id, "streaming");
  const list = $("messages");
  list.scrollTop = list.scrollHeight;
}

function setStatus(id, status) {
  const entry = rendered.get(id);
  if (!entry) return;
  entry.li.dataset.status = status;
  const label = entry.li.querySelector(".status");
  if (label) label.textContent = status;
  const cancel = entry.li.querySelector(".cancel");
  if (cancel) cancel.hidden = !UNFINISHED.has(status);
}

function ended(id, frame) {
  const entry = rendered.get(id);
  if (!entry) return;
  entry.fromStore = false;
  entry.text = frame.type === "completed" ? frame.content : frame.partialContent || entry.text;
  entry.li.querySelector(".content").textContent = entry.text;
  setStatus(id, frame.type);
  describe(entry, {
    modelAnswered: frame.model,
    inputTokens: frame.inputTokens,
    outputTokens: frame.outputTokens,
    costUsd: frame.costUsd,
    timeToFirstTokenMs: frame.timeToFirstTokenMs,
    totalTimeMs: frame.totalTimeMs,
    errorMessage: frame.reason,
  });
}

/** Model, tokens, cost and timings of an answer; the reason when it did not complete. */
function describe(entry, m) {
  const usage = entry.li.querySelector(".usage");
  if (!usage) return;
  const parts = [];
  if (m.modelAnswered || m.modelRequested) parts.push(m.modelAnswered || m.modelRequested);
  if (m.inputTokens != null) parts.push(`${m.inputTokens} in / ${m.outputTokens} out tokens`);
  if (m.costUsd != null) parts.push(`$${Number(m.costUsd).toFixed(6)}`);
  if (m.timeToFirstTokenMs != null) parts.push(`first token ${m.timeToFirstTokenMs} ms`);
  if (m.totalTimeMs != null) parts.push(`total ${(m.totalTimeMs / 1000).toFixed(2)} s`);
  usage.textContent = parts.join(" · ");
  let reason = entry.li.querySelector(".reason");
  if (m.errorMessage) {
    if (!reason) entry.li.append((reason = el("div", "reason")));
    reason.textContent = m.errorMessage;
  }
}

async function send(event) {
  event.preventDefault();
  const content = $("content").value;
  if (!content.trim() || !state.chatId) return;
  $("send").disabled = true;
  showProblem(null);
  try {
    const posted = await api(`/api/chats/${encodeURIComponent(state.chatId)}/messages`, {
      method: "POST",
      body: { content, priority: $("priority").value },
    });
    $("content").value = "";
    show(posted.userMessage);
    show(posted.assistantMessage);
  } catch (error) {
    showProblem(error);
  } finally {
    $("send").disabled = false;
    $("content").focus();
  }
}

async function cancelAnswer(id) {
  try {
    await api(`/api/chats/${encodeURIComponent(state.chatId)}/messages/${encodeURIComponent(id)}/cancel`, {
      method: "POST",
    });
  } catch (error) {
    // 409: it ended meanwhile; its final frame is on its way.
    if (!(error instanceof ApiError && error.status === 409)) showProblem(error);
  }
}

function showConnection(connection) {
  const label = $("connection");
  label.className = `connection ${connection}`;
  label.textContent = { live: "live", reconnecting: "reconnecting…", refused: "not allowed" }[connection];
  if (connection === "live") loadMessages().catch(showProblem);
}

function cancelLatest() {
  const running = [...rendered.entries()].filter(([, e]) => UNFINISHED.has(e.li.dataset.status));
  if (running.length) cancelAnswer(running[running.length - 1][0]);
}

// ---- start --------------------------------------------------------------------------------------

async function start() {
  $("new-chat").addEventListener("submit", createChat);
  $("composer").addEventListener("submit", send);
  $("more-chats").addEventListener("click", () => loadChats({ more: true }).catch(showProblem));
  $("content").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) send(event);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && state.chatId) cancelLatest();
  });
  try {
    const me = await api("/api/me");
    $("me").textContent = me.name;
    await Promise.all([loadModels(), loadChats()]);
    const wanted = new URLSearchParams(location.hash.slice(1)).get("chat");
    if (wanted) await openChat(await api(`/api/chats/${encodeURIComponent(wanted)}`));
  } catch (error) {
    showProblem(error);
  }
}

// The page's state, for looking into it from the browser's console (and for the browser tests).
window.sluiceChat = { state };

start();
