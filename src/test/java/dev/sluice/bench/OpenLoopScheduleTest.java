package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steady scenario's schedule: questions never early, late ones caught up, lag booked. */
class OpenLoopScheduleTest {

  private static final long MS = 1_000_000;

  private long now;
  private final List<Integer> sent = new ArrayList<>();
  private final List<Long> sentAt = new ArrayList<>();

  private OpenLoopSchedule schedule(int count) {
    return new OpenLoopSchedule(
        1000 * MS,
        10 * MS,
        count,
        () -> now,
        i -> {
          sent.add(i);
          sentAt.add(now);
        });
  }

  @Test
  void aQuestionGoesOutAtItsDueTimeAndNeverEarly() {
    OpenLoopSchedule s = schedule(3);

    now = 999 * MS;
    s.tick();
    assertThat(sent).isEmpty();

    now = 1000 * MS;
    s.tick();
    now = 1009 * MS;
    s.tick();
    assertThat(sent).containsExactly(0);
    assertThat(s.lag.percentileMillis(100)).isLessThan(0.1);
  }

  @Test
  void aLateTickSendsEveryQuestionDueByThenAndBooksEachOnesLag() {
    OpenLoopSchedule s = schedule(5);

    now = 1000 * MS;
    s.tick();
    // The timer stalled for 25 ms: questions 1 and 2 (due at 1010 and 1020) go out now.
    now = 1025 * MS;
    s.tick();
    assertThat(sent).containsExactly(0, 1, 2);
    assertThat(s.maxLagNanos()).isEqualTo(15 * MS);

    now = 1030 * MS;
    s.tick();
    now = 1045 * MS;
    s.tick();
    assertThat(sent).containsExactly(0, 1, 2, 3, 4);
    assertThat(s.lag.count()).isEqualTo(5);
    // Lags 0, 15, 5, 0, 5 ms: the median is 5 ms (the histogram's bucket middle).
    assertThat(s.lag.percentileMillis(50)).isBetween(5.0, 5.1);
    assertThat(s.sent()).isEqualTo(5);
  }

  @Test
  void theScheduleDoesNotSlowDownForALateServer() {
    // The send returns at once whatever the server does: the due times stay where they were.
    OpenLoopSchedule s = schedule(100);
    for (now = 1000 * MS; sent.size() < 100; now += MS) {
      s.tick();
    }
    for (int i = 0; i < 100; i++) {
      assertThat(sentAt.get(i)).isEqualTo(s.due(i));
    }
    assertThat(s.maxLagNanos()).isZero();
    assertThat(s.achievedRate()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void thePeriodOfARateIsInWholeNanoseconds() {
    assertThat(OpenLoopSchedule.periodNanos(200)).isEqualTo(5 * MS);
    assertThat(OpenLoopSchedule.periodNanos(3)).isEqualTo(333_333_333L);
  }

  @Test
  void runTicksOnARealTimerUntilEveryQuestionWentOut() throws Exception {
    var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      List<Integer> out = java.util.Collections.synchronizedList(new ArrayList<>());
      OpenLoopSchedule s =
          new OpenLoopSchedule(
              System.nanoTime() + 5 * MS,
              OpenLoopSchedule.periodNanos(500),
              20,
              System::nanoTime,
              out::add);

      assertThat(s.run(timer, java.time.Duration.ofSeconds(5))).isTrue();
      assertThat(out).hasSize(20).isSorted();
    } finally {
      timer.shutdownNow();
    }
  }
}
