package dev.sluice.chat;

import dev.sluice.admission.Attempt;
import dev.sluice.admission.AttemptsJson;
import dev.sluice.chat.events.AnswerChunk;
import dev.sluice.chat.events.AnswerCompleted;
import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import dev.sluice.chat.events.TokenUsage;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.StreamEvent;
import dev.sluice.llm.StreamListener;
import dev.sluice.platform.concurrent.Causes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes one streaming answer: fires a chunk event per delta, saves the partial text as its {@link
 * SaveCadence} says (the first chunk at once), and records how the answer ended. Stream callbacks
 * only append and hand work on; database writes run one after another on the managed executor.
 */
final class AnswerWriter implements StreamListener {

  private static final Logger LOG = Logger.getLogger(AnswerWriter.class.getName());

  private final JobPlan job;
  private final ChatJobRunner.Parts parts;
  private final long startedNanos = System.nanoTime();
  private final StringBuilder text = new StringBuilder();
  private long sequence;
  private final SaveCadence saves;
  private CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);
  private final CompletableFuture<Void> endKept = new CompletableFuture<>();
  private volatile boolean finished;

  /** The node id the claim wrote: every later write names it, and fails if the owner changed. */
  private volatile String owner;

  AnswerWriter(JobPlan job, ChatJobRunner.Parts parts) {
    this.job = job;
    this.parts = parts;
    this.saves = new SaveCadence(parts.saveEveryChunks(), parts.saveEvery(), startedNanos);
  }

  /** The answer is being claimed for {@code node}: before its first chunk. */
  void claimedBy(String node) {
    owner = node;
  }

  @Override
  public void on(StreamEvent event) {
    if (event instanceof StreamEvent.TextDelta delta && !delta.text().isEmpty()) {
      AnswerChunk chunk;
      String snapshot = null;
      synchronized (this) {
        text.append(delta.text());
        chunk = new AnswerChunk(job.chatId(), job.messageId(), ++sequence, delta.text());
        if (saves.due(System.nanoTime())) {
          snapshot = text.toString();
        }
      }
      parts.events().fire(chunk);
      if (snapshot != null) {
        String partial = snapshot;
        then(
            () ->
                // A short answer often ends before its first save runs: its ending saves it all.
                finished
                    ? CompletableFuture.completedFuture(false)
                    : parts.ledger().savePartial(job.messageId(), partial, owner));
      }
    }
  }

  /** Records the end of the answer, whatever it was. */
  void finish(ChatResult result, Throwable error, Supplier<List<Attempt>> attempts) {
    finished = true;
    String tries = AttemptsJson.of(attempts.get());
    if (result != null) {
      AnswerRecord answer = record(result, tries);
      // Announced only if recorded: an owner whose answer was recovered meanwhile says nothing.
      thenIfChanged(
          () -> parts.ledger().complete(job.messageId(), answer, owner), () -> completed(answer));
    } else {
      write(() -> ended(Causes.unwrap(error), tries));
    }
    synchronized (this) {
      writes.whenComplete((done, failure) -> endKept.complete(null));
    }
  }

  /**
   * Completes when the answer's end has been written (or its write has failed): the call's
   * generation record waits for it, so a crash never leaves a completed call on record for an
   * answer still streaming in the database (see {@link dev.sluice.admission.EndKept}).
   */
  CompletionStage<Void> endKept() {
    return endKept;
  }

  /** After the completion is committed: metrics and events. */
  private void completed(AnswerRecord answer) {
    parts.metrics().completed(answer);
    long last = lastSequence();
    parts.events().fire(new AnswerStatus(job.chatId(), job.messageId(), "completed"));
    parts
        .events()
        .fire(
            new AnswerCompleted(
                job.chatId(),
                job.messageId(),
                last,
                answer.content(),
                answer.model(),
                answer.inputTokens(),
                answer.outputTokens(),
                answer.cachedTokens(),
                answer.costUsd(),
                answer.timeToFirstTokenMs(),
                answer.totalTimeMs()));
    parts
        .events()
        .fire(
            new TokenUsage(
                job.chatId(),
                job.messageId(),
                answer.model(),
                answer.inputTokens(),
                answer.outputTokens(),
                answer.cachedTokens()));
  }

  private void ended(Throwable error, String tries) {
    Ending ending = Ending.of(error, partialText());
    if (!parts
        .store()
        .end(
            job.messageId(),
            ending.status(),
            ending.partial(),
            ending.code(),
            ending.reason(),
            tries,
            owner)) {
      return;
    }
    String status = ending.status().name().toLowerCase(Locale.ROOT);
    parts.metrics().count(status);
    parts.events().fire(new AnswerStatus(job.chatId(), job.messageId(), status));
    parts
        .events()
        .fire(
            new AnswerEnded(
                job.chatId(),
                job.messageId(),
                status,
                lastSequence(),
                ending.code(),
                ending.reason(),
                ending.partial()));
  }

  private AnswerRecord record(ChatResult result, String tries) {
    Duration ttft = result.timeToFirstToken();
    return new AnswerRecord(
        result.content(),
        result.answeredModel() != null ? result.answeredModel() : result.requestedModel(),
        (int) Math.min(Integer.MAX_VALUE, result.usage().inputTokens()),
        (int) Math.min(Integer.MAX_VALUE, result.usage().outputTokens()),
        (int) Math.min(Integer.MAX_VALUE, result.usage().cachedInputTokens()),
        result.costUsd(),
        ttft == null ? null : ttft.toMillis(),
        Duration.ofNanos(System.nanoTime() - startedNanos).toMillis(),
        tries);
  }

  /** Chains a ledger write after the answer's earlier writes. */
  private synchronized void then(Supplier<CompletableFuture<Boolean>> next) {
    writes =
        writes
            .thenCompose(done -> next.get())
            .<Void>thenApply(changed -> null)
            .exceptionally(
                e -> {
                  LOG.log(Level.WARNING, "saving answer " + job.messageId() + " failed", e);
                  return null;
                });
  }

  /** Chains a ledger write, then {@code after} on the executor if the write changed the answer. */
  private synchronized void thenIfChanged(
      Supplier<CompletableFuture<Boolean>> next, Runnable after) {
    writes =
        writes
            .thenCompose(done -> next.get())
            .thenAcceptAsync(
                changed -> {
                  if (changed) {
                    after.run();
                  }
                },
                parts.executor())
            .exceptionally(
                e -> {
                  LOG.log(Level.WARNING, "saving answer " + job.messageId() + " failed", e);
                  return null;
                });
  }

  private synchronized void write(Runnable task) {
    writes =
        writes
            .thenRunAsync(task, parts.executor())
            .exceptionally(
                e -> {
                  LOG.log(Level.WARNING, "saving answer " + job.messageId() + " failed", e);
                  return null;
                });
  }

  private synchronized long lastSequence() {
    return sequence;
  }

  private synchronized String partialText() {
    return text.toString();
  }

  /** How an answer that did not complete is recorded. */
  record Ending(MessageStatus status, String partial, String code, String reason) {

    static Ending of(Throwable error, String streamed) {
      if (!(error instanceof LlmException e)) {
        return new Ending(MessageStatus.FAILED, streamed, "INTERNAL", "could not be processed");
      }
      if (e.kind() == LlmErrorKind.CANCELLED) {
        return new Ending(MessageStatus.CANCELLED, streamed, "CANCELLED", "cancelled");
      }
      if (e.kind() == LlmErrorKind.STREAM_INTERRUPTED) {
        String partial = e.partialContent() != null ? e.partialContent() : streamed;
        return new Ending(MessageStatus.INTERRUPTED, partial, e.kind().name(), e.getMessage());
      }
      return new Ending(MessageStatus.FAILED, streamed, e.kind().name(), e.getMessage());
    }
  }
}
