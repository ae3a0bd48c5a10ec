package dev.sluice.platform.messaging;

import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gathers items from any thread and hands them on in order, from one task at a time: callers only
 * enqueue, and whatever gathers while a send is in flight goes in the next one. Under load that
 * batches by itself, with no timer and no wait; when quiet an item leaves at once.
 *
 * @param <T> what is sent
 */
public final class SerialDrain<T> {

  private static final Logger LOG = Logger.getLogger(SerialDrain.class.getName());

  private final Queue<T> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Executor executor;
  private final Consumer<Queue<T>> sendSome;
  private final String lostWhat;

  /**
   * @param sendSome takes some items off the queue (at least one) and sends them
   * @param lostWhat what is lost when a send fails, and what becomes of it, for the log
   */
  public SerialDrain(Executor executor, Consumer<Queue<T>> sendSome, String lostWhat) {
    this.executor = executor;
    this.sendSome = sendSome;
    this.lostWhat = lostWhat;
  }

  public void add(T item) {
    waiting.add(item);
    if (draining.compareAndSet(false, true)) {
      start();
    }
  }

  /**
   * Adds {@code items} and, when no send is in flight, sends them on the caller's thread, which
   * spares a quiet item the hand-over to a task of its own; while one is in flight they go with the
   * next. Only for callers on a thread that may do the send's work (a task of the managed executor,
   * never a request or message-driven bean's thread).
   */
  public void addAllHere(Collection<? extends T> items) {
    if (items.isEmpty()) {
      return;
    }
    waiting.addAll(items);
    if (draining.compareAndSet(false, true)) {
      // One send here; what gathers meanwhile leaves from a task, so the caller waits for its own.
      drain(1);
    }
  }

  private void start() {
    try {
      executor.execute(this::drainAll);
    } catch (RuntimeException e) {
      draining.set(false);
      LOG.log(Level.WARNING, "could not start sending: " + lostWhat, e);
    }
  }

  private void drainAll() {
    drain(Integer.MAX_VALUE);
  }

  private void drain(int sends) {
    try {
      for (int sent = 0; sent < sends && !waiting.isEmpty(); sent++) {
        sendSome.accept(waiting);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a send failed: " + lostWhat, e);
      waiting.clear();
    } finally {
      draining.set(false);
    }
    // Left over after the sends allowed, or arrived between the last poll and clearing the flag.
    if (!waiting.isEmpty() && draining.compareAndSet(false, true)) {
      start();
    }
  }
}
