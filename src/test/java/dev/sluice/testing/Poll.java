package dev.sluice.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one way a test waits for a black box: asks a probe every 100 ms until it answers as hoped,
 * for up to 30 s unless the caller names another deadline, and fails naming what it waited for.
 * Only tests wait like this; the server never sleeps.
 */
public final class Poll {

  /** How long a wait lasts unless the caller names another deadline. */
  public static final Duration WITHIN = Duration.ofSeconds(30);

  /** How long between two questions to the probe. */
  public static final Duration EVERY = Duration.ofMillis(100);

  private Poll() {}

  /** The probe's first present value; fails naming {@code what} after {@link #WITHIN}. */
  public static <T> T until(Supplier<Optional<T>> probe, Supplier<String> what) {
    return until(WITHIN, probe, what);
  }

  /** The probe's first present value; fails naming {@code what} after {@code within}. */
  public static <T> T until(Duration within, Supplier<Optional<T>> probe, Supplier<String> what) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("waited " + describe(within) + " for " + what.get());
      }
      pause();
    }
  }

  /** Returns once {@code condition} holds; fails naming {@code what} after {@link #WITHIN}. */
  public static void untilTrue(BooleanSupplier condition, Supplier<String> what) {
    untilTrue(WITHIN, condition, what);
  }

  /** Returns once {@code condition} holds; fails naming {@code what} after {@code within}. */
  public static void untilTrue(Duration within, BooleanSupplier condition, Supplier<String> what) {
    until(within, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), what);
  }

  private static String describe(Duration within) {
    return within.toMillis() % 1000 == 0 ? within.toSeconds() + " s" : within.toMillis() + " ms";
  }

  private static void pause() {
    try {
      Thread.sleep(EVERY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while polling", e);
    }
  }
}
