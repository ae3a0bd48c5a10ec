package dev.sluice.chat;

import dev.sluice.llm.ChatStream;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers this server has handed to the admission gate, waiting there or generating, by message
 * id, so a cancel request can stop one and a second wake-up for one is ignored. Per-job state: an
 * entry lives from the hand-over to the gate to the call's end, whoever watches it.
 */
@ApplicationScoped
public class RunningAnswers {

  private final Map<String, ChatStream> streams = new ConcurrentHashMap<>();
  private final Set<String> cancelRequested = ConcurrentHashMap.newKeySet();

  /** Tracks a started generation; stops it at once if a cancel arrived before it started. */
  public void register(String messageId, ChatStream stream) {
    streams.put(messageId, stream);
    if (cancelRequested.remove(messageId)) {
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
   * has registered unless it is just doing so; that one is stopped when it registers. A cancel for
   * an answer not streaming on this server leaves nothing behind.
   */
  public void cancel(String messageId, boolean claimed) {
    ChatStream stream = streams.get(messageId);
    if (stream != null) {
      stream.cancel();
    } else if (claimed) {
      cancelRequested.add(messageId);
      // Registered meanwhile: make sure the request reaches it.
      ChatStream late = streams.get(messageId);
      if (late != null && cancelRequested.remove(messageId)) {
        late.cancel();
      }
    }
  }

  public int size() {
    return streams.size();
  }
}
