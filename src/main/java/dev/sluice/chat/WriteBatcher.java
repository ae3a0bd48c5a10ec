package dev.sluice.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit for {@link AnswerWrite}s: queued by any thread, applied by one drain at a time on
 * {@code executor}, every write waiting (up to {@code maxBatch}) in one call of {@code applier}; a
 * batch that fails is applied again write by write, so one bad write fails alone. Each write's
 * future completes after its batch: on a task of its own when more writes wait, so what follows a
 * write never holds up the next batch; on the drain's own thread, once the drain has let go, when
 * none wait, which spares an idle write a hand-over between threads. Before a committed batch's
 * futures complete, on the same thread, {@code afterCommit} sees the batch: what must follow every
 * commit at once (a question's wake-up) goes out before the callers' own continuations.
 */
final class WriteBatcher {

  /** Applies writes in one transaction; throws to roll them all back. */
  @FunctionalInterface
  interface Applier {
    void apply(List<AnswerWrite> writes) throws Exception;
  }

  private static final Logger LOG = Logger.getLogger(WriteBatcher.class.getName());

  private final Applier applier;
  private final Consumer<List<AnswerWrite>> afterCommit;
  private final Executor executor;
  private final int maxBatch;
  private final Queue<AnswerWrite> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  WriteBatcher(
      Applier applier, Consumer<List<AnswerWrite>> afterCommit, Executor executor, int maxBatch) {
    this.applier = applier;
    this.afterCommit = afterCommit;
    this.executor = executor;
    this.maxBatch = maxBatch;
  }

  void submit(AnswerWrite write) {
    waiting.add(write);
    startDrain();
  }

  private void startDrain() {
    if (draining.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RuntimeException e) {
        draining.set(false);
        AnswerWrite next;
        while ((next = waiting.poll()) != null) {
          next.failed(e);
        }
      }
    }
  }

  private void drain() {
    Runnable lastOutcome = null;
    try {
      List<AnswerWrite> batch = take();
      while (!batch.isEmpty()) {
        Runnable outcome = apply(batch);
        batch = take();
        if (batch.isEmpty()) {
          lastOutcome = outcome;
        } else {
          // More writes wait: they go in now, and this batch's futures on a task of their own.
          hand(outcome);
        }
      }
    } finally {
      draining.set(false);
    }
    // A write may have arrived between the last take and clearing the flag.
    if (!waiting.isEmpty()) {
      startDrain();
    }
    // Nothing waited: the drain is let go, and what follows the last batch runs on this thread,
    // one hand-over fewer for an idle question or claim.
    if (lastOutcome != null) {
      lastOutcome.run();
    }
  }

  private void hand(Runnable outcome) {
    try {
      executor.execute(outcome);
    } catch (RuntimeException e) {
      outcome.run();
    }
  }

  private List<AnswerWrite> take() {
    List<AnswerWrite> batch = new ArrayList<>();
    AnswerWrite next;
    while (batch.size() < maxBatch && (next = waiting.poll()) != null) {
      batch.add(next);
    }
    return batch;
  }

  /** Applies a batch; returns what completes its futures, to be run once the drain allows. */
  private Runnable apply(List<AnswerWrite> batch) {
    try {
      applier.apply(batch);
      return () -> {
        followCommit(batch);
        batch.forEach(AnswerWrite::committed);
      };
    } catch (Exception e) {
      if (batch.size() == 1) {
        AnswerWrite only = batch.get(0);
        return () -> only.failed(e);
      }
      List<Runnable> outcomes = new ArrayList<>();
      for (AnswerWrite write : batch) {
        outcomes.add(apply(List.of(write)));
      }
      return () -> outcomes.forEach(Runnable::run);
    }
  }

  private void followCommit(List<AnswerWrite> batch) {
    try {
      afterCommit.accept(batch);
    } catch (RuntimeException e) {
      // The writes have committed whatever follows them: their callers hear so.
      LOG.log(Level.WARNING, "what follows a committed batch of answer writes failed", e);
    }
  }
}
