package dev.sluice.chat;

import dev.sluice.llm.ChatStream;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers generating on this server, by message id, so a cancel request can stop one. Per-job
 * state: an entry lives from the start of a generation to its end, whoever watches it.
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

  public void remove(String messageId) {
    streams.remove(messageId);
    cancelRequested.remove(messageId);
  }

  /** Stops the generation; if it has not registered yet, it is stopped when it does. */
  public void cancel(String messageId) {
    ChatStream stream = streams.get(messageId);
    if (stream == null) {
      cancelRequested.add(messageId);
    } else {
      stream.cancel();
    }
  }

  public int size() {
    return streams.size();
  }
}
