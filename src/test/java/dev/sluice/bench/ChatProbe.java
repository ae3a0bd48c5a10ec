package dev.sluice.bench;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches one chat's socket through one answer: when its question was posted, when each chunk
 * arrived and with which sequence number, and how the answer ended. Checks the chunks against the
 * final frame: none missing, none twice, and together exactly the completed text. A {@code resync}
 * (the server dropped this socket's backlog) is answered with a resume from the last chunk held.
 */
final class ChatProbe implements WebSocket.Listener {

  private final RoundTally tally;
  private final StringBuilder frame = new StringBuilder();
  private final ChunkLedger ledger = new ChunkLedger();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile long postSentNanos;
  private volatile String messageId;
  private volatile String ending;
  private volatile long firstChunkNanos;
  private volatile long endNanos;
  private CompletableFuture<WebSocket> sends;
  private long lastChunkNanos;
  private int resyncs;

  ChatProbe(RoundTally tally) {
    this.tally = tally;
  }

  @Override
  public void onOpen(WebSocket socket) {
    synchronized (this) {
      sends = CompletableFuture.completedFuture(socket);
    }
    socket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
    long now = System.nanoTime();
    synchronized (this) {
      frame.append(data);
      if (last) {
        receive(frame.toString(), now);
        frame.setLength(0);
      }
    }
    socket.request(1);
    return null;
  }

  /** One whole frame that arrived at {@code nanos}. */
  synchronized void receive(String text, long nanos) {
    on(Json.createReader(new StringReader(text)).readObject(), nanos);
  }

  @Override
  public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
    end("socket closed " + code + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket socket, Throwable error) {
    end("socket error " + error);
  }

  /** Call just before the question goes out: time to first token counts from here. */
  void posting() {
    postSentNanos = System.nanoTime();
  }

  void posted(HttpResponse<String> response, Throwable error) {
    tally.postLatency.record(System.nanoTime() - postSentNanos);
    if (error != null) {
      end("post failed: " + error.getClass().getSimpleName());
    } else if (response.statusCode() != 202) {
      end("post answered " + response.statusCode());
    } else {
      messageId =
          Json.createReader(new StringReader(response.body()))
              .readObject()
              .getJsonObject("assistantMessage")
              .getString("id");
    }
  }

  synchronized void close() {
    if (sends != null) {
      sends = sends.thenCompose(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    }
  }

  private void on(JsonObject json, long now) {
    switch (json.getString("type", "")) {
      case "chunk" -> chunk(json, now);
      case "completed" -> {
        ledger.end(json.getJsonNumber("lastSeq").longValue(), json.getString("content"));
        end("completed");
      }
      case "failed", "interrupted", "cancelled" -> {
        ledger.end(json.getJsonNumber("lastSeq").longValue(), null);
        end(json.getString("type") + " " + json.getString("errorCode", "?"));
      }
      case "resync" -> resume(json);
      default -> {
        // "status" frames only announce what the chunks show anyway.
      }
    }
  }

  private void chunk(JsonObject json, long now) {
    long seq = json.getJsonNumber("seq").longValue();
    JsonNumber fromSeq = json.getJsonNumber("fromSeq");
    long from = fromSeq == null ? seq : fromSeq.longValue();
    // A frame that continues the stream, of one chunk or of several that queued behind a send.
    boolean next = from == ledger.lastSeq() + 1;
    if (!ledger.add(from, seq, json.getString("delta"))) {
      return;
    }
    if (started.compareAndSet(false, true)) {
      firstChunkNanos = now;
      tally.firstChunk(now - postSentNanos);
      tally.started.countDown();
    } else if (next) {
      tally.nextChunk(now - lastChunkNanos);
    }
    if (next) {
      // The frame's other chunks came with it: no wait for them, as for events the direct client
      // reads together from one network read.
      for (long s = from; s < seq; s++) {
        tally.nextChunk(0);
      }
    }
    lastChunkNanos = now;
  }

  private void resume(JsonObject json) {
    resyncs++;
    String id = json.containsKey("messageId") ? json.getString("messageId", null) : null;
    String request =
        Json.createObjectBuilder()
            .add("type", "resume")
            .add("messageId", id != null ? id : messageId)
            .add("afterSeq", ledger.lastSeq())
            .build()
            .toString();
    sends = sends.thenCompose(s -> s.sendText(request, true));
  }

  private void end(String how) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    endNanos = System.nanoTime();
    ending = how;
    if (started.compareAndSet(false, true)) {
      tally.started.countDown();
    }
    tally.ended.countDown();
  }

  /** How the answer ended, e.g. {@code completed}; null while it has not. */
  String ending() {
    return ending;
  }

  synchronized boolean completedIntact() {
    return "completed".equals(ending)
        && ledger.textMatches()
        && ledger.lost() == 0
        && ledger.duplicates() == 0;
  }

  /** What arrived of the answer; read it once the answer has ended. */
  synchronized ChunkLedger ledger() {
    return ledger;
  }

  synchronized int resyncs() {
    return resyncs;
  }

  /** When the first chunk arrived (0: never), and when the answer ended (0: not yet). */
  long firstChunkNanos() {
    return firstChunkNanos;
  }

  long endNanos() {
    return endNanos;
  }
}
