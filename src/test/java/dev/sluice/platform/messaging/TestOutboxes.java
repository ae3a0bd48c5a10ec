package dev.sluice.platform.messaging;

import java.time.Duration;

/** Outboxes for tests outside this package, which cannot set the injected fields. */
public final class TestOutboxes {

  private TestOutboxes() {}

  /** An outbox whose wake lease is {@code lease}, for writes over plain JDBC. */
  public static JobOutbox withLease(Duration lease) {
    JobOutbox outbox = new JobOutbox();
    outbox.wakeLease = lease.toMillis() + "ms";
    outbox.readLease();
    return outbox;
  }
}
