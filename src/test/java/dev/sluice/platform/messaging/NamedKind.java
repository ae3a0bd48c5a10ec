package dev.sluice.platform.messaging;

import jakarta.jms.Queue;

/**
 * A kind of job with a name only, for tests that read nothing else of it (bundling, the outbox's
 * rows): no queues, three tries, and a delivery that does nothing.
 */
public record NamedKind(String name) implements JobKind {

  @Override
  public Queue queue() {
    return null;
  }

  @Override
  public Queue failedQueue() {
    return null;
  }

  @Override
  public int maxDeliveries() {
    return 3;
  }

  @Override
  public void run(String workId, int delivery) {}
}
