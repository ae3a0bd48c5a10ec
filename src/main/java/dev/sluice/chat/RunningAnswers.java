package dev.sluice.chat;

import dev.sluice.llm.ChatStream;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The answers this server has handed to the admission gate, waiting there or generating, by message
 * id, so a cancel request can stop one and a second wake-up for one is ignored. Per-job state: an
 * entry lives from the hand-over to the gate to the call's end, whoever watches it.
 */
@ApplicationScoped
public class RunningAnswers {

  /**
   * How long a cancel for a claimed answer not registered here waits for it to register. An answer
   * registers right after its hand-over to the gate, so only a request racing that hand-over needs
   * it; one for an answer streaming on another server would otherwise stay forever.
   */
  static final Duration PENDING_CANCEL_LIFE = Duration.ofSeconds(30);

  private final Map<String, ChatStream> streams = new ConcurrentHashMap<>();
  private final Map<String, Long> cancelRequested = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  public RunningAnswers() {
    this(System::nanoTime);
  }

  RunningAnswers(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Tracks a started generation; stops it at once if a cancel arrived before it started. */
  public void register(String messageId, ChatStream stream) {
    streams.put(messageId, stream);
    if (takePendingCancel(messageId)) {
      stream.cancel();
    }
  }

  /** Forgets the call {@code stream} of the answer (not another call that replaced it). */
  public void remove(String messageId, ChatStream stream) {
    streams.remove(messageId, stream);
    cancelRequested.remove(messageId);
  }

  /** Whether the answer is in the gate's hands on this server. */
  public boolean holds(String messageId) {
    return streams.containsKey(messageId);
  }

  /**
   * Stops the generation if it runs here. An answer that is streaming has been claimed, so its call
   * has registered unless it is just doing so; that one is stopped when it registers, if it does
   * within {@link #PENDING_CANCEL_LIFE}. A cancel for an answer not streaming on this server leaves
   * nothing behind for longer than that.
   */
  public void cancel(String messageId, boolean claimed) {
    ChatStream stream = streams.get(messageId);
    if (stream != null) {
      stream.cancel();
    } else if (claimed) {
      forgetExpired();
      cancelRequested.put(messageId, nanoTime.getAsLong() + PENDING_CANCEL_LIFE.toNanos());
      // Registered meanwhile: make sure the request reaches it.
      ChatStream late = streams.get(messageId);
      if (late != null && takePendingCancel(messageId)) {
        late.cancel();
      }
    }
  }

  public int size() {
    return streams.size();
  }

  /** Cancel requests still waiting for their answer to register here. */
  int pendingCancels() {
    return cancelRequested.size();
  }

  private boolean takePendingCancel(String messageId) {
    Long deadline = cancelRequested.remove(messageId);
    return deadline != null && nanoTime.getAsLong() - deadline <= 0;
  }

  /** Cancels are rare: sweeping on each new one keeps the map as small as the recent ones. */
  private void forgetExpired() {
    long now = nanoTime.getAsLong();
    cancelRequested.values().removeIf(deadline -> now - deadline > 0);
  }
}
