// The chat page: lists the caller's chats, shows one chat's messages, sends questions and shows the
// answers as they stream (ChatStream), rendered as Markdown (markdown.js), with each answer's model,
// tokens, cost and timings. The latest answer can be regenerated and the latest question edited and
// sent again; both versions stay, and the replaced one is dimmed.
import { api, ApiError } from "/assets/api.js";
import { ChatStream } from "/chat/stream.js";
import { copyText, renderMarkdown } from "/chat/markdown.js";

const $ = (id) => document.getElementById(id);
const UNFINISHED = new Set(["queued", "streaming"]);
const PAGE = 100;
// A streaming answer is rendered again at most this often: parsing the whole text on every chunk
// would stall the page on a fast stream.
const RENDER_EVERY_MS = 200;

const state = { chatId: null, stream: null, chatsAfter: null, lastSeq: 0 };
const rendered = new Map(); // message id -> { li, role, text, fromStore, renderTimer, renderedAt }

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
  state.chat = chat;
  showRename(false);
  $("rename-chat").hidden = false;
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
    if (message.replaces != null) replaces(existing, message.replaces);
    if (!existing.fromStore) {
      refreshActions();
      return; // live frames already carry it further than the database
    }
  }
  const entry = existing || messageItem(message.id, message.role);
  entry.li.dataset.seq = message.seq;
  entry.text = message.content || "";
  entry.fromStore = UNFINISHED.has(message.status);
  showText(entry, { now: true });
  setStatus(message.id, message.status);
  describe(entry, message);
  if (!existing) placeInOrder(entry.li);
  if (message.replaces != null) replaces(entry, message.replaces);
  if (message.role === "assistant" && UNFINISHED.has(message.status)) state.stream.track(message.id);
  refreshActions();
}

/** Shows an entry's text: a question as typed, an answer as Markdown, at most every 200 ms. */
function showText(entry, { now = false } = {}) {
  const content = entry.li.querySelector(".content");
  if (entry.role !== "assistant") {
    content.textContent = entry.text;
    return;
  }
  if (now) {
    clearTimeout(entry.renderTimer);
    entry.renderTimer = null;
    entry.renderedAt = performance.now();
    renderMarkdown(content, entry.text);
    return;
  }
  if (entry.renderTimer) return; // already due: it will show the text as it is then
  const wait = Math.max(0, (entry.renderedAt || 0) + RENDER_EVERY_MS - performance.now());
  entry.renderTimer = setTimeout(() => showText(entry, { now: true }), wait);
}

/**
 * Marks what a regenerated answer or an edited question replaces: that message, and for a
 * question also the answers it got, which later prompts leave out too.
 */
function replaces(entry, seq) {
  const label = entry.li.querySelector(".version");
  label.textContent = entry.role === "assistant" ? "regenerated" : "edited";
  label.hidden = false;
  const upTo = Number(entry.li.dataset.seq);
  for (const other of rendered.values()) {
    const otherSeq = Number(other.li.dataset.seq);
    const isIt = otherSeq === seq;
    const answerToIt = entry.role === "user" && other.role === "assistant" && otherSeq > seq && otherSeq < upTo;
    if (isIt || answerToIt) other.li.classList.add("replaced");
  }
}

/** Offers regenerate on the latest answer once it has ended, edit on the latest question. */
function refreshActions() {
  const entries = [...rendered.values()].filter((e) => e.li.dataset.seq !== String(Number.MAX_SAFE_INTEGER));
  const latest = (role) =>
    entries.filter((e) => e.role === role).sort((a, b) => b.li.dataset.seq - a.li.dataset.seq)[0];
  const lastAnswer = latest("assistant");
  const lastQuestion = latest("user");
  const underWay = entries.some((e) => e.role === "assistant" && UNFINISHED.has(e.li.dataset.status));
  for (const e of rendered.values()) {
    const regenerate = e.li.querySelector(".regenerate");
    if (regenerate) regenerate.hidden = e !== lastAnswer || UNFINISHED.has(e.li.dataset.status);
    const edit = e.li.querySelector(".edit");
    if (edit) edit.hidden = e !== lastQuestion || underWay || e.li.classList.contains("editing");
  }
}

function messageItem(id, role) {
  const li = el("li", `message ${role}`);
  li.dataset.id = id;
  li.dataset.seq = String(Number.MAX_SAFE_INTEGER);
  const content = el("div", role === "assistant" ? "content markdown" : "content");
  li.append(el("div", "role", role === "assistant" ? "Sluice" : "You"), content);
  const meta = el("div", "meta");
  const version = el("span", "version");
  version.hidden = true;
  meta.append(version);
  const entry = { li, role, text: "", fromStore: false, renderTimer: null, renderedAt: 0 };
  if (role === "assistant") {
    meta.append(el("span", "status"), el("span", "usage"));
    meta.append(action("cancel", "Cancel", "Cancel this answer", () => cancelAnswer(id)));
    meta.append(action("copy-answer", "Copy", "Copy this answer", (button) => copied(button, entry.text)));
    meta.append(action("regenerate", "Regenerate", "Answer this question again", () => regenerate(id)));
  } else {
    meta.append(action("edit", "Edit", "Edit this question and send it again", () => startEdit(entry)));
  }
  li.append(meta);
  rendered.set(id, entry);
  return entry;
}

function action(className, text, label, onClick) {
  const button = el("button", className, text);
  button.type = "button";
  button.hidden = className !== "copy-answer";
  button.setAttribute("aria-label", label);
  button.addEventListener("click", () => onClick(button));
  return button;
}

/** Copies text, then says so on the button for a moment. */
async function copied(button, text) {
  const before = button.textContent;
  try {
    await copyText(text);
    button.textContent = "Copied";
  } catch (error) {
    showProblem(error);
    return;
  }
  setTimeout(() => (button.textContent = before), 1500);
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
  showText(entry);
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
  entry.li.querySelector(".content").setAttribute("aria-busy", String(UNFINISHED.has(status)));
  refreshActions();
}

function ended(id, frame) {
  const entry = rendered.get(id);
  if (!entry) return;
  entry.fromStore = false;
  entry.text = frame.type === "completed" ? frame.content : frame.partialContent || entry.text;
  showText(entry, { now: true });
  setStatus(id, frame.type);
  announce(entry, frame);
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

/** Tells a screen reader the answer once it has ended, rather than every chunk as it came. */
function announce(entry, frame) {
  const text = entry.li.querySelector(".content").textContent.trim();
  $("announcer").textContent =
    frame.type === "completed" ? `Answer: ${text}` : `Answer ${frame.type}${frame.reason ? `: ${frame.reason}` : ""}. ${text}`;
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

async function regenerate(answerId) {
  showProblem(null);
  try {
    const answer = await api(
      `/api/chats/${encodeURIComponent(state.chatId)}/messages/${encodeURIComponent(answerId)}/regenerate`,
      { method: "POST", body: { priority: $("priority").value } },
    );
    show(answer);
  } catch (error) {
    showProblem(error);
  }
}

/** Turns the latest question into a small form: its text to change, then send it again. */
function startEdit(entry) {
  const form = el("form", "edit-form");
  const area = el("textarea");
  area.value = entry.text;
  area.rows = Math.min(12, entry.text.split("\n").length + 1);
  area.setAttribute("aria-label", "Edited question");
  const sendButton = el("button", "primary", "Send");
  sendButton.type = "submit";
  const cancel = el("button", null, "Cancel");
  cancel.type = "button";
  form.append(area, el("div", "edit-actions"));
  form.lastChild.append(sendButton, cancel);
  const content = entry.li.querySelector(".content");
  const stop = () => {
    form.remove();
    content.hidden = false;
    entry.li.classList.remove("editing");
    refreshActions();
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!area.value.trim()) return;
    sendButton.disabled = true;
    showProblem(null);
    try {
      const posted = await api(`/api/chats/${encodeURIComponent(state.chatId)}/messages`, {
        method: "POST",
        body: { content: area.value, priority: $("priority").value, replaces: entry.li.dataset.id },
      });
      stop();
      show(posted.userMessage);
      show(posted.assistantMessage);
    } catch (error) {
      sendButton.disabled = false;
      showProblem(error);
    }
  });
  cancel.addEventListener("click", stop);
  area.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.stopPropagation(); // not the page's Escape, which cancels the answer being written
      stop();
    } else if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      form.requestSubmit();
      event.preventDefault();
    }
  });
  entry.li.classList.add("editing");
  content.hidden = true;
  content.after(form);
  refreshActions();
  area.focus();
}

// ---- rename -------------------------------------------------------------------------------------

function showRename(open) {
  $("rename").hidden = !open;
  $("chat-title").hidden = open;
  $("rename-chat").hidden = open || !state.chat;
  if (open) {
    $("rename-title").value = state.chat.title;
    $("rename-title").focus();
    $("rename-title").select();
  }
}

async function rename(event) {
  event.preventDefault();
  showProblem(null);
  try {
    const chat = await api(`/api/chats/${encodeURIComponent(state.chatId)}`, {
      method: "PATCH",
      body: { title: $("rename-title").value },
    });
    state.chat = chat;
    $("chat-title").textContent = chat.title;
    const item = document.querySelector(`#chat-list button[data-chat-id="${CSS.escape(chat.id)}"]`);
    if (item) {
      item.textContent = chat.title;
      item.title = `${chat.title} · ${chat.model}`;
    }
    showRename(false);
    $("rename-chat").focus();
  } catch (error) {
    showProblem(error);
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
  $("rename-chat").addEventListener("click", () => showRename(true));
  $("rename").addEventListener("submit", rename);
  $("rename-cancel").addEventListener("click", () => showRename(false));
  $("rename").addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      showRename(false);
    }
  });
  // Copy buttons of code blocks: one listener, as each render builds the blocks again.
  $("messages").addEventListener("click", (event) => {
    const button = event.target.closest(".copy-code");
    if (button) copied(button, button.closest(".code-block").querySelector("code").textContent);
  });
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

// The page's state and renderer, for looking into them from the browser's console (and for the
// browser tests).
window.sluiceChat = { state, renderMarkdown };

start();
