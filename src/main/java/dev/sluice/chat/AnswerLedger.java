package dev.sluice.chat;

import dev.sluice.platform.messaging.JobWakeup;
import dev.sluice.platform.messaging.JobWakeups;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The chat job's hot-path writes (questions asked, claims, partial saves, completions) with a
 * shared commit: any thread queues a write and gets a future; one drain at a time on the managed
 * executor takes every write waiting and applies them, in order, in one transaction over plain
 * JDBC. Idle, a write is applied at once; under load, the writes of many answers share a commit
 * instead of each paying for a transaction of its own. A batch that fails is applied again one
 * write at a time, so one bad write fails alone. Futures complete after the commit, never holding
 * up the next batch: on an executor thread of their own when more writes wait, on the drain's
 * thread once it has let go when none do (an idle question or claim goes on without a hand-over).
 * The questions' wake-ups leave from that same thread right after their commit, before any caller's
 * continuation, bundled as the batch was.
 */
@ApplicationScoped
public class AnswerLedger {

  private static final int MAX_BATCH = 500;

  @Inject AnswerWriteBatch batches;
  @Inject JobWakeups wakeups;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private WriteBatcher batcher;

  @PostConstruct
  void start() {
    batcher = new WriteBatcher(batches::apply, this::wakeAsked, executor, MAX_BATCH);
  }

  /** After a commit: wakes the jobs of the questions it wrote. */
  private void wakeAsked(List<AnswerWrite> committed) {
    List<JobWakeup> asked = new ArrayList<>();
    for (AnswerWrite write : committed) {
      JobWakeup wakeup = write instanceof AskWrite ask ? ask.wakeup() : null;
      if (wakeup != null) {
        asked.add(wakeup);
      }
    }
    wakeups.sendHere(asked);
  }

  /** Claims a queued answer for node {@code owner}; true if this claim moved it to streaming. */
  public CompletableFuture<Boolean> claim(String messageId, String owner) {
    return submit(new AnswerWrite.Claim(messageId, owner));
  }

  /** Saves a streaming answer's text so far; true if it was still streaming, owned by owner. */
  public CompletableFuture<Boolean> savePartial(String messageId, String text, String owner) {
    return submit(new AnswerWrite.SavePartial(messageId, text, owner));
  }

  /** Records a completed answer; true unless it had ended otherwise or changed owner. */
  public CompletableFuture<Boolean> complete(String messageId, AnswerRecord answer, String owner) {
    return submit(new AnswerWrite.Complete(messageId, answer, owner));
  }

  /**
   * Asks a question: once the shared commit has written it and woken its job, the question and its
   * queued answer; failed with the write's refusal (the chat is not the caller's, its model left
   * the catalog) when it wrote nothing, or with the database's error.
   */
  public CompletableFuture<PostedMessages> ask(AskWrite write) {
    CompletableFuture<PostedMessages> posted = new CompletableFuture<>();
    submit(write)
        .whenComplete(
            (asked, error) -> {
              if (error != null) {
                posted.completeExceptionally(error);
              } else if (asked) {
                posted.complete(write.posted());
              } else {
                posted.completeExceptionally(write.refusal());
              }
            });
    return posted;
  }

  private CompletableFuture<Boolean> submit(AnswerWrite write) {
    batcher.submit(write);
    return write.future();
  }
}
