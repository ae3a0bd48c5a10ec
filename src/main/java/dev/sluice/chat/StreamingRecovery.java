package dev.sluice.chat;

import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start, ends as interrupted every answer an earlier run left streaming: its job was taken off
 * the queue long ago, so nothing would ever write it again, and a redelivered job only claims
 * queued answers. The saved partial text is kept. This holds for one server: any answer streaming
 * since before this run started was this server's. A cluster would need an owner column that the
 * claim sets, and a heartbeat the owner refreshes while it streams, so that a starting server ends
 * only the answers of servers whose heartbeat stopped, never another live server's streams.
 */
@ApplicationScoped
public class StreamingRecovery {

  private static final Logger LOG = Logger.getLogger(StreamingRecovery.class.getName());
  private static final int BATCH = 500;

  @Inject ChatJobStore store;
  @Inject ChatJobMetrics metrics;
  @Inject Event<Object> events;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  void onStart(
      @Observes
          @jakarta.annotation.Priority(Interceptor.Priority.APPLICATION + 1000)
          @Initialized(ApplicationScoped.class)
          Object started) {
    executor.execute(
        () -> {
          try {
            interruptLeftOver();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "answers left streaming could not all be marked interrupted", e);
          }
        });
  }

  /** Ends every answer left streaming by an earlier run; returns how many it ended. */
  public int interruptLeftOver() {
    int total = 0;
    int ended;
    List<String> batch;
    do {
      batch = store.leftStreaming(BATCH);
      ended = 0;
      for (String id : batch) {
        Optional<ChatMessage> interrupted = store.interruptLeftOver(id);
        interrupted.ifPresent(this::announce);
        ended += interrupted.isPresent() ? 1 : 0;
      }
      total += ended;
      // A full batch that ended nothing would come back the same: stop rather than spin.
    } while (batch.size() == BATCH && ended > 0);
    if (total > 0) {
      LOG.info(total + " answer(s) left streaming by an earlier run were marked interrupted");
    }
    return total;
  }

  private void announce(ChatMessage answer) {
    String status = "interrupted";
    metrics.count(status);
    events.fire(new AnswerStatus(answer.chatId(), answer.id(), status));
    // The chunk numbers of the earlier run are gone: 0, as for an answer read from the database.
    events.fire(
        new AnswerEnded(
            answer.chatId(),
            answer.id(),
            status,
            0,
            answer.errorCode(),
            answer.errorMessage(),
            answer.content()));
  }
}
