// One chat's live answers over /ws/chats/{id}: applies chunk frames in sequence, re-attaches after a
// dropped connection with the last sequence number it has of each answer (the server replays exactly
// what is missing), and asks again when the server says it had to drop frames (resync).

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 10_000;
const POLICY_VIOLATION = 1008;

export class ChatStream {
  /**
   * @param chatId the chat to watch
   * @param handlers onChunk(answerId, text), onEnd(answerId, frame), onStatus(answerId, status),
   *   onUnknown(answerId), onConnection(state) with state "live", "reconnecting" or "refused"
   */
  constructor(chatId, handlers) {
    this.chatId = chatId;
    this.handlers = handlers;
    this.answers = new Map(); // answer id -> { lastSeq, resumeSent, ended }
    this.retryMs = RETRY_MIN_MS;
    this.closed = false;
    this.connects = 0;
    this.open();
  }

  /** Starts following an answer (a queued one just posted, or one loaded still unfinished). */
  track(answerId, { lastSeq = 0 } = {}) {
    if (!this.answers.has(answerId)) {
      this.answers.set(answerId, { lastSeq, resumeSent: false, ended: false });
    }
  }

  close() {
    this.closed = true;
    clearTimeout(this.retryTimer);
    if (this.socket) this.socket.close(1000, "page closed the chat");
  }

  open() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}/ws/chats/${encodeURIComponent(this.chatId)}`);
    this.socket = socket;
    socket.onopen = () => {
      this.connects += 1;
      this.retryMs = RETRY_MIN_MS;
      this.handlers.onConnection("live");
      // Whatever was unfinished when the connection dropped: ask for what came after our position.
      for (const [id, answer] of this.answers) {
        if (!answer.ended) this.resume(id);
      }
    };
    socket.onmessage = (event) => this.receive(JSON.parse(event.data));
    socket.onclose = (event) => {
      if (this.closed || socket !== this.socket) return;
      if (event.code === POLICY_VIOLATION) {
        this.handlers.onConnection("refused");
        return;
      }
      this.handlers.onConnection("reconnecting");
      this.retryTimer = setTimeout(() => this.open(), this.retryMs * (0.8 + Math.random() * 0.4));
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    };
  }

  resume(answerId) {
    const answer = this.answers.get(answerId);
    if (!answer || this.socket.readyState !== WebSocket.OPEN) return;
    answer.resumeSent = true;
    this.socket.send(JSON.stringify({ type: "resume", messageId: answerId, afterSeq: answer.lastSeq }));
  }

  receive(frame) {
    const id = frame.messageId;
    if (frame.type === "resync") {
      const ids = id ? [id] : [...this.answers.keys()];
      ids.filter((a) => this.answers.has(a) && !this.answers.get(a).ended).forEach((a) => this.resume(a));
      return;
    }
    if (!this.answers.has(id)) {
      // An answer to a question asked elsewhere (another tab): follow it from its beginning.
      this.track(id);
      this.handlers.onUnknown(id);
    }
    const answer = this.answers.get(id);
    switch (frame.type) {
      case "chunk":
        this.chunk(id, answer, frame);
        break;
      case "status":
        this.handlers.onStatus(id, frame.status);
        // The server withholds an answer that was already under way when this connection opened
        // until we say where we are; once per answer, so a still-queued answer does not loop.
        if (frame.status === "streaming" && !answer.resumeSent && answer.lastSeq === 0) this.resume(id);
        break;
      case "completed":
      case "failed":
      case "interrupted":
      case "cancelled":
        answer.ended = true;
        this.handlers.onEnd(id, frame);
        break;
      default:
        break;
    }
  }

  chunk(id, answer, frame) {
    const from = frame.fromSeq ?? frame.seq;
    if (frame.seq <= answer.lastSeq) return; // already have it
    if (from !== answer.lastSeq + 1) {
      this.resume(id); // a gap: ask for the missing part rather than show a hole
      return;
    }
    answer.lastSeq = frame.seq;
    answer.resumeSent = false;
    this.handlers.onChunk(id, frame.delta);
  }
}
