package dev.sluice.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobDeliveriesTest {

  private final RecordingKind kind = new RecordingKind(Set.of("bad"));
  private final RecordingWakeups wakeups = new RecordingWakeups();
  private final JobDeliveries deliveries = new JobDeliveries();

  {
    deliveries.wakeups = wakeups;
  }

  @Test
  void aMessageOfOneJobIsThatJobsCountedDelivery() {
    deliveries.deliver(kind, "a1", 2, 4);

    assertThat(kind.runs).containsExactly("a1#2");
    assertThat(wakeups.alone).isEmpty();
  }

  @Test
  void aFailureOfAJobsOwnMessageIsThrownSoItIsDeliveredAgain() {
    assertThatThrownBy(() -> deliveries.deliver(kind, "bad", 1, 4))
        .isInstanceOf(IllegalStateException.class);

    assertThat(wakeups.alone).isEmpty();
  }

  @Test
  void everyJobOfABundleIsTriedUncountedAndOneThatFailsIsWokenAgainAlone() {
    deliveries.deliver(kind, "a1\nbad\na2", 1, 7);

    assertThat(kind.runs).containsExactly("a1#0", "bad#0", "a2#0");
    assertThat(wakeups.alone).containsExactly("bad@7");
  }

  @Test
  void aBodyNamingNothingIsHandedOnForTheKindToRefuse() {
    deliveries.deliver(kind, "", 3, 4);

    assertThat(kind.runs).containsExactly("#3");
  }

  /** Records what it is asked to run; fails the ids it was told to. */
  static final class RecordingKind implements JobKind {
    final List<String> runs = new ArrayList<>();
    private final Set<String> failing;

    RecordingKind(Set<String> failing) {
      this.failing = failing;
    }

    @Override
    public String name() {
      return "test";
    }

    @Override
    public Queue queue() {
      return null;
    }

    @Override
    public void run(String workId, int delivery) {
      runs.add(workId + "#" + delivery);
      if (failing.contains(workId)) {
        throw new IllegalStateException("refused " + workId);
      }
    }
  }

  /** Records the jobs woken alone instead of sending them. */
  static final class RecordingWakeups extends JobWakeups {
    final List<String> alone = new ArrayList<>();

    @Override
    public void sendAlone(JobKind kind, String workId, int jmsPriority) {
      alone.add(workId + "@" + jmsPriority);
    }
  }
}
