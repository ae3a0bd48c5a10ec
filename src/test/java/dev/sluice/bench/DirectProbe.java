package dev.sluice.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.concurrent.Flow;

/**
 * Reads one OpenAI stream straight from the simulator, line by line as the JDK client delivers its
 * server-sent events: when the request went out, when its response's headers came, when each
 * content chunk arrived, and how the stream ended. The direct counterpart of {@link ChatProbe}: the
 * same histograms, so Sluice's figures can be set against the simulator's own.
 */
final class DirectProbe implements Flow.Subscriber<String> {

  /** What a closed loop wants to hear of one stream; every method may be left out. */
  interface Events {
    Events NONE = new Events() {};

    /** The response's headers arrived with {@code status}. */
    default void accepted(int status, long nanos) {}

    /** The first content chunk arrived. */
    default void firstChunk(long nanos) {}

    /** The stream ended; {@code started} says whether a content chunk had come. */
    default void ended(boolean started, long nanos) {}
  }

  private final RoundTally tally;
  private final Events events;
  private volatile long sentNanos;
  private volatile long firstChunkNanos;
  private volatile long endNanos;
  private volatile int status;
  private volatile String ending;
  private long lastChunkNanos;
  private int chunks;

  DirectProbe(RoundTally tally, Events events) {
    this.tally = tally;
    this.events = events;
  }

  DirectProbe(RoundTally tally) {
    this(tally, Events.NONE);
  }

  /** Call just before the request goes out: time to first token counts from here. */
  void posting() {
    sentNanos = System.nanoTime();
  }

  long sentNanos() {
    return sentNanos;
  }

  /** The body handler: books the headers, then reads the body line by line. */
  HttpResponse.BodySubscriber<Void> headers(HttpResponse.ResponseInfo info) {
    long now = System.nanoTime();
    status = info.statusCode();
    tally.postLatency.record(now - sentNanos);
    events.accepted(status, now);
    return HttpResponse.BodySubscribers.fromLineSubscriber(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
    line(line, System.nanoTime());
  }

  @Override
  public void onError(Throwable error) {
    end("stream error " + error.getClass().getSimpleName());
  }

  @Override
  public void onComplete() {
    end(status == 200 ? "ended without [DONE]" : "answered " + status);
  }

  /** The request failed before or while its response came. */
  void failed(Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    end("request failed: " + cause.getClass().getSimpleName());
  }

  /** One line of the event stream that arrived at {@code nanos}. */
  synchronized void line(String line, long nanos) {
    if (!line.startsWith("data:") || ending != null) {
      return;
    }
    String data = line.substring(5).trim();
    if (data.equals("[DONE]")) {
      end("completed");
    } else if (!content(data).isEmpty()) {
      if (chunks == 0) {
        firstChunkNanos = nanos;
        tally.firstChunk(nanos - sentNanos);
        tally.started.countDown();
        events.firstChunk(nanos);
      } else {
        tally.nextChunk(nanos - lastChunkNanos);
      }
      lastChunkNanos = nanos;
      chunks++;
    }
  }

  /** The text a {@code chat.completion.chunk} adds; empty for the role, finish and usage ones. */
  static String content(String json) {
    JsonObject chunk = Json.createReader(new StringReader(json)).readObject();
    JsonArray choices = chunk.getJsonArray("choices");
    if (choices == null || choices.isEmpty()) {
      return "";
    }
    JsonObject delta = choices.getJsonObject(0).getJsonObject("delta");
    JsonValue content = delta == null ? null : delta.get("content");
    return content instanceof JsonString text ? text.getString() : "";
  }

  private void end(String how) {
    boolean started;
    synchronized (this) {
      if (ending != null) {
        return;
      }
      endNanos = System.nanoTime();
      ending = how;
      started = chunks > 0;
    }
    if (!started) {
      tally.started.countDown();
    }
    tally.ended.countDown();
    events.ended(started, endNanos);
  }

  /** How the stream ended, e.g. {@code completed}; null while it has not. */
  String ending() {
    return ending;
  }

  synchronized int chunks() {
    return chunks;
  }

  /** When the first chunk arrived (0: never), and when the stream ended (0: not yet). */
  long firstChunkNanos() {
    return firstChunkNanos;
  }

  long endNanos() {
    return endNanos;
  }
}
