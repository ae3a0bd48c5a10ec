package dev.sluice.it;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polls a black box until it answers as hoped: every 100 ms for up to 30 s. Only tests wait like
 * this; the server never sleeps.
 */
final class Poll {

  static final Duration WITHIN = Duration.ofSeconds(30);

  private Poll() {}

  /** The probe's first present value; fails naming {@code what} after {@link #WITHIN}. */
  static <T> T until(Supplier<Optional<T>> probe, Supplier<String> what) {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + WITHIN.toSeconds() + " s for " + what.get());
      }
      pause();
    }
  }

  static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
