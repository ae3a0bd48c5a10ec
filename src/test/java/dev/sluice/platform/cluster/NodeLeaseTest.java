package dev.sluice.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Leases, their expiry and the takeover of an ended node's work, on a clock moved by hand. */
class NodeLeaseTest {

  private static final Duration LEASE = Duration.ofSeconds(15);

  private final MemoryNodeRegistry registry = new MemoryNodeRegistry();
  private final HandClock clock = new HandClock();
  private final AtomicInteger ids = new AtomicInteger();

  @Test
  void aNodeThatStopsBeatingIsEndedWhenItsLeaseRunsOutAndExactlyOneSurvivorTakesItsWork() {
    NodeLease a = node("node1");
    NodeLease b = node("node2");
    NodeLease c = node("node3");
    String dead = c.id();
    beatAll(a, b, c);

    clock.advance(Duration.ofSeconds(14)); // c's last beat was 14 s ago: still within its lease
    assertThat(a.beat()).isEmpty();
    assertThat(b.beat()).isEmpty();
    assertThat(registry.get(dead).up()).isTrue();

    clock.advance(Duration.ofSeconds(2));
    List<NodeRecord> byA = a.beat();
    List<NodeRecord> byB = b.beat();

    assertThat(registry.get(dead).ended()).isEqualTo(NodeEnd.EXPIRED);
    assertThat(byA).extracting(NodeRecord::id).containsExactly(dead);
    assertThat(byB).isEmpty();
    assertThat(registry.get(dead).recoveredBy()).isEqualTo(a.id());
  }

  @Test
  void aRecoveredNodeIsNotHandedOutAgain() {
    NodeLease a = node("node1");
    NodeLease b = node("node2");
    b.id();
    clock.advance(LEASE.plusSeconds(1));
    NodeRecord taken = a.beat().get(0);

    a.recovered(taken.id());

    assertThat(a.beat()).isEmpty();
    assertThat(registry.get(taken.id()).recoveredAt()).isEqualTo(clock.instant());
  }

  @Test
  void aClaimantThatDoesNotFinishGetsTheWorkAgainOnItsNextBeat() {
    NodeLease a = node("node1");
    node("node2").id();
    clock.advance(LEASE.plusSeconds(1));
    String dead = a.beat().get(0).id();

    // The recovery threw: nothing recorded it as finished.
    assertThat(a.beat()).extracting(NodeRecord::id).containsExactly(dead);
  }

  @Test
  void whenTheClaimantDiesBeforeFinishingAnotherSurvivorTakesTheWorkOver() {
    NodeLease a = node("node1");
    NodeLease b = node("node2");
    NodeLease c = node("node3");
    String firstDead = c.id();
    beatAll(a, b);
    clock.advance(Duration.ofSeconds(10));
    beatAll(a, b);
    clock.advance(Duration.ofSeconds(6));
    assertThat(a.beat()).extracting(NodeRecord::id).containsExactly(firstDead);
    assertThat(b.beat()).isEmpty(); // a holds it

    // a dies before it records the recovery as finished; b outlives it.
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofSeconds(5));
      b.beat();
    }
    List<NodeRecord> byB = b.beat();

    assertThat(registry.get(a.id()).ended()).isEqualTo(NodeEnd.EXPIRED);
    assertThat(byB).extracting(NodeRecord::id).containsExactlyInAnyOrder(firstDead, a.id());
  }

  @Test
  void aRestartUnderTheSameNameEndsTheEarlierRunAtOnceAndRecoversItsWork() {
    NodeLease first = node("node1");
    String earlier = first.id();
    clock.advance(Duration.ofSeconds(2)); // kill -9, restarted well within the lease

    NodeLease second = node("node1");
    List<NodeRecord> recovered = second.beat();

    assertThat(second.id()).isNotEqualTo(earlier);
    assertThat(registry.get(earlier).ended()).isEqualTo(NodeEnd.RESTARTED);
    assertThat(recovered).extracting(NodeRecord::id).containsExactly(earlier);
  }

  @Test
  void aNodeThatStopsCleanlyIsRecoveredOnTheNextBeatWithoutWaitingForItsLease() {
    NodeLease a = node("node1");
    NodeLease b = node("node2");
    String stopping = b.id();
    a.beat();

    b.stop();
    clock.advance(Duration.ofSeconds(1));

    assertThat(registry.get(stopping).ended()).isEqualTo(NodeEnd.STOPPED);
    assertThat(a.beat()).extracting(NodeRecord::id).containsExactly(stopping);
    assertThat(b.beat()).isEmpty(); // a stopped node beats no more
  }

  @Test
  void aNodeEndedWhilePausedGoesOnUnderANewIdAndNeverRecoversItsOwnOldWork() {
    NodeLease a = node("node1");
    NodeLease b = node("node2");
    String before = b.id();
    clock.advance(LEASE.plusSeconds(1)); // b paused for longer than its lease
    assertThat(a.beat()).extracting(NodeRecord::id).containsExactly(before);

    List<NodeRecord> byB = b.beat();

    assertThat(b.id()).isNotEqualTo(before);
    assertThat(registry.get(b.id()).up()).isTrue();
    assertThat(registry.get(before).up()).isFalse();
    assertThat(byB).isEmpty(); // its old self is a's to recover
  }

  @Test
  void anEndedNodeIsForgottenADayAfterItsWorkWasRecoveredNotBefore() {
    NodeLease a = node("node1");
    NodeLease b = node("node2");
    String gone = b.id();
    clock.advance(LEASE.plusSeconds(1));
    a.beat();
    clock.advance(Duration.ofHours(25));
    a.beat(); // claimed but never finished: kept, and handed out again
    assertThat(registry.get(gone)).isNotNull();

    a.recovered(gone);
    clock.advance(Duration.ofHours(23));
    a.beat();
    assertThat(registry.get(gone)).isNotNull(); // ended 48 h ago, recovered only now

    clock.advance(Duration.ofHours(2));
    a.beat();
    assertThat(registry.get(gone)).isNull();
  }

  @Test
  void aLiveNodeIsNeverEndedWhileItBeatsWithinItsLease() {
    NodeLease a = node("node1");
    NodeLease b = node("node2");
    for (int i = 0; i < 100; i++) {
      clock.advance(Duration.ofSeconds(7));
      assertThat(a.beat()).isEmpty();
      assertThat(b.beat()).isEmpty();
    }
    assertThat(registry.get(a.id()).up()).isTrue();
    assertThat(registry.get(b.id()).up()).isTrue();
  }

  private NodeLease node(String name) {
    return new NodeLease(registry, name, LEASE, clock, () -> "id-" + ids.incrementAndGet());
  }

  private static void beatAll(NodeLease... nodes) {
    for (NodeLease n : nodes) {
      n.beat();
    }
  }

  /** A UTC clock that only moves when told to. */
  private static final class HandClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
