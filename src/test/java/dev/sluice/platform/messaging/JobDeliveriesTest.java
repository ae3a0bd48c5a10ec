package dev.sluice.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobDeliveriesTest {

  /** {@link NamedKind}'s. */
  private static final int MAX_DELIVERIES = 3;

  private final RecordingKind kind = new RecordingKind(Set.of("bad"));
  private final RecordingWakeups wakeups = new RecordingWakeups();
  private final JobDeliveries deliveries = new JobDeliveries();

  {
    deliveries.wakeups = wakeups;
  }

  @Test
  void aMessageOfOneJobIsThatJobsCountedDelivery() {
    deliveries.deliver(kind, "a1", 2, 0, 4);

    assertThat(kind.runs).containsExactly("a1#2");
    assertThat(wakeups.alone).isEmpty();
  }

  @Test
  void aFailureOfAJobsOwnMessageIsThrownSoItIsDeliveredAgain() {
    assertThatThrownBy(() -> deliveries.deliver(kind, "bad", 1, 0, 4))
        .isInstanceOf(IllegalStateException.class);

    assertThat(wakeups.alone).isEmpty();
  }

  @Test
  void aFailureOnTheLastDeliveryOfAJobsOwnMessageIsLeftToTheMessagingEngine() {
    assertThatThrownBy(() -> deliveries.deliver(kind, "bad", MAX_DELIVERIES, 0, 4))
        .isInstanceOf(IllegalStateException.class);

    assertThat(wakeups.failed).isEmpty();
  }

  @Test
  void everyJobOfABundleIsTriedAsItsDeliveryAndOneThatFailsIsWokenAgainAloneWithItsTries() {
    deliveries.deliver(kind, "a1\nbad\na2", 1, 0, 7);

    assertThat(kind.runs).containsExactly("a1#1", "bad#1", "a2#1");
    assertThat(wakeups.alone).containsExactly("bad@7 after 1");
    assertThat(wakeups.failed).isEmpty();
  }

  @Test
  void aJobWokenAloneCountsItsTriesInTheBundle() {
    assertThatThrownBy(() -> deliveries.deliver(kind, "bad", 1, 1, 4))
        .isInstanceOf(IllegalStateException.class);

    assertThat(kind.runs).containsExactly("bad#2");
  }

  @Test
  void aJobWokenAloneThatFailsItsLastTryIsMovedToTheFailedQueueSinceTheEngineCountedLess() {
    deliveries.deliver(kind, "bad", MAX_DELIVERIES - 1, 1, 4);

    assertThat(kind.runs).containsExactly("bad#" + MAX_DELIVERIES);
    assertThat(wakeups.failed).containsExactly("bad@4");
  }

  @Test
  void aJobThatFailsItsLastTryInABundleIsMovedToTheFailedQueue() {
    deliveries.deliver(kind, "a1\nbad", MAX_DELIVERIES, 0, 5);

    assertThat(kind.runs).containsExactly("a1#3", "bad#3");
    assertThat(wakeups.alone).isEmpty();
    assertThat(wakeups.failed).containsExactly("bad@5");
  }

  @Test
  void aBodyNamingNothingIsHandedOnForTheKindToRefuse() {
    deliveries.deliver(kind, "", 3, 0, 4);

    assertThat(kind.runs).containsExactly("#3");
  }

  /** Records what it is asked to run; fails the ids it was told to. */
  static final class RecordingKind extends NamedKind {
    final List<String> runs = new ArrayList<>();
    private final Set<String> failing;

    RecordingKind(Set<String> failing) {
      super("test");
      this.failing = failing;
    }

    @Override
    public void run(String workId, int delivery) {
      runs.add(workId + "#" + delivery);
      if (failing.contains(workId)) {
        throw new IllegalStateException("refused " + workId);
      }
    }
  }

  /** Records the jobs woken alone and those moved to the failed queue instead of sending them. */
  static final class RecordingWakeups extends JobWakeups {
    final List<String> alone = new ArrayList<>();
    final List<String> failed = new ArrayList<>();

    @Override
    public void sendAlone(JobKind kind, String workId, int jmsPriority, int triedBefore) {
      alone.add(workId + "@" + jmsPriority + " after " + triedBefore);
    }

    @Override
    public void sendFailed(Queue failedQueue, String workId, int jmsPriority) {
      failed.add(workId + "@" + jmsPriority);
    }
  }
}
