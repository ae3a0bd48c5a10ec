package dev.sluice.chat;

import dev.sluice.admission.ProviderCallEnded;
import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import dev.sluice.platform.cluster.NodeEnd;
import dev.sluice.platform.cluster.NodeEnded;
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
 * Recovers orphaned answers (see {@link LeftStreaming}): streaming, but owned by a node that has
 * ended. One that had saved no text is queued again and answered, one with text ends interrupted
 * keeping it. Either way its provider call was cut, and leaves a generation record saying so
 * (status interrupted, the tokens of the saved text). Runs when this node is handed an ended node's
 * work ({@link NodeEnded}: another server of the cluster, or this server's own earlier run), and
 * once at start for answers claimed before nodes existed. A live node's answers are never touched.
 */
@ApplicationScoped
public class StreamingRecovery {

  private static final Logger LOG = Logger.getLogger(StreamingRecovery.class.getName());
  private static final int BATCH = 500;

  @Inject ChatJobStore store;
  @Inject ChatJobMetrics metrics;
  @Inject Event<Object> events;
  @Inject Event<ProviderCallEnded> calls;
  @Inject LostCallRecords lostRecords;

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
            recoverOrphans();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "orphaned answers could not all be recovered", e);
          }
        });
  }

  /**
   * An ended node's work is this node's to recover: first the records lost with its ended calls, so
   * none of the cut ones is taken for one, then its orphaned answers. A failure propagates, and the
   * membership hands the node out again on its next heartbeat.
   */
  void onNodeEnded(@Observes NodeEnded ended) {
    // A node that stopped cleanly wrote its records itself, perhaps after it said it stopped.
    if (ended.how() != NodeEnd.STOPPED) {
      lostRecords.recordLost(ended.nodeId(), ended.lastHeartbeat());
    }
    recoverOrphans();
  }

  /** Recovers every orphaned answer; returns how many it recovered. */
  public int recoverOrphans() {
    int total = 0;
    int askedAgain = 0;
    int recovered;
    List<String> batch;
    do {
      batch = store.orphans(BATCH);
      recovered = 0;
      for (String id : batch) {
        Optional<LeftOver> left = store.recoverOrphan(id);
        if (left.isPresent()) {
          announce(left.get());
          recovered++;
          askedAgain += left.get().fate() == LeftStreaming.Fate.ASK_AGAIN ? 1 : 0;
        }
      }
      total += recovered;
      // A full batch that recovered nothing would come back the same: stop rather than spin.
    } while (batch.size() == BATCH && recovered > 0);
    if (total > 0) {
      LOG.info(
          total
              + " orphaned answer(s) (their node ended while they streamed): "
              + askedAgain
              + " queued again (no text yet), "
              + (total - askedAgain)
              + " marked interrupted");
    }
    return total;
  }

  private void announce(LeftOver left) {
    ChatMessage answer = left.answer();
    record(left);
    if (left.fate() == LeftStreaming.Fate.ASK_AGAIN) {
      events.fire(new AnswerStatus(answer.chatId(), answer.id(), "queued"));
      return;
    }
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

  /** The cut call's generation record: from the answer's creation to its owner's last write. */
  private void record(LeftOver left) {
    ChatMessage answer = left.answer();
    String streamed = left.fate() == LeftStreaming.Fate.ASK_AGAIN ? "" : answer.content();
    try {
      calls.fire(
          AnswerCalls.cut(answer, left.owner(), left.question(), streamed, left.lastWritten()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the cut call of answer " + answer.id() + " could not be recorded", e);
    }
  }
}
