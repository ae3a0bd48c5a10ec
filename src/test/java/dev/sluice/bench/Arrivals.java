package dev.sluice.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * How a round's questions go out: all at once, one at a time (each after the previous answer
 * ended), or at a fixed rate, open loop. The same arrivals drive Sluice's chats and the simulator's
 * direct streams, so the two are loaded alike.
 */
sealed interface Arrivals {

  /** Every question at once, as fast as the client can send them. */
  record Burst() implements Arrivals {
    @Override
    public String toString() {
      return "all at once";
    }
  }

  /** One question at a time: the next goes out {@code gap} after the previous answer ended. */
  record OneAtATime(Duration gap) implements Arrivals {
    @Override
    public String toString() {
      return "one at a time, " + gap.toMillis() + " ms after the previous answer ended";
    }
  }

  /** {@code perSecond} questions a second, each at its scheduled time (open loop). */
  record FixedRate(double perSecond) implements Arrivals {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.0f a second, open loop", perSecond);
    }
  }

  /**
   * How the questions went out.
   *
   * @param took from the first question sent to the last
   * @param schedule the fixed-rate schedule with its lags; null for the other arrivals
   * @param complete whether every question went out (one at a time: and its answer ended)
   */
  record Posting(Duration took, OpenLoopSchedule schedule, boolean complete) {}

  /**
   * Sends {@code n} questions as these arrivals say.
   *
   * @param ask sends question {@code i}; must not wait for its answer
   * @param ended whether question {@code i}'s answer has ended
   * @param timer ticks a fixed-rate schedule
   * @param deadline how long one answer may take, one at a time; added to a schedule's length
   */
  default Posting post(
      int n, IntConsumer ask, IntPredicate ended, ScheduledExecutorService timer, Duration deadline)
      throws InterruptedException {
    long start = System.nanoTime();
    boolean complete = true;
    OpenLoopSchedule schedule = null;
    if (this instanceof OneAtATime one) {
      for (int i = 0; i < n && complete; i++) {
        if (i > 0) {
          Thread.sleep(one.gap().toMillis());
        }
        ask.accept(i);
        long end = System.nanoTime() + deadline.toNanos();
        while (!ended.test(i) && System.nanoTime() < end) {
          Thread.sleep(1);
        }
        complete = ended.test(i);
      }
    } else if (this instanceof FixedRate rate) {
      // A short lead, so the first tick is not already late.
      long first = System.nanoTime() + 20_000_000L;
      schedule =
          new OpenLoopSchedule(
              first, OpenLoopSchedule.periodNanos(rate.perSecond()), n, System::nanoTime, ask);
      complete = schedule.run(timer, deadline);
      start = first;
    } else {
      for (int i = 0; i < n; i++) {
        ask.accept(i);
      }
    }
    return new Posting(Duration.ofNanos(System.nanoTime() - start), schedule, complete);
  }
}
