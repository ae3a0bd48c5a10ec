package dev.sluice.platform.messaging;

import jakarta.jms.Queue;

/**
 * A kind of job with a name only, for tests that read nothing else of it (bundling, the outbox's
 * rows): no queues, three tries, and a delivery that does nothing unless a subclass says otherwise.
 */
public class NamedKind implements JobKind {

  private final String name;

  public NamedKind(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

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
