package dev.sluice.platform.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SocketQuotaTest {

  @Test
  void eachUserHoldsAtMostTheBound() {
    SocketQuota quota = new SocketQuota(2);

    var first = quota.take("demo");
    var second = quota.take("demo");
    var third = quota.take("demo");

    assertThat(first).isPresent();
    assertThat(second).isPresent();
    assertThat(third).isEmpty();
    assertThat(quota.take("admin")).as("another user's places are their own").isPresent();
    assertThat(quota.openBy("demo")).isEqualTo(2);
  }

  @Test
  void aReleasedPlaceCanBeTakenAgainAndCountsOnce() {
    SocketQuota quota = new SocketQuota(2);
    SocketQuota.Slot slot = quota.take("demo").orElseThrow();
    quota.take("demo").orElseThrow();

    slot.release();
    slot.release();
    slot.release();

    assertThat(quota.openBy("demo")).isEqualTo(1);
    assertThat(quota.take("demo")).isPresent();
    assertThat(quota.take("demo")).isEmpty();
  }

  @Test
  void theMapShrinksToEmptyWhenEverySocketIsClosed() {
    SocketQuota quota = new SocketQuota(3);
    List<SocketQuota.Slot> slots = new ArrayList<>();
    for (String user : List.of("a", "b", "a", "c")) {
      slots.add(quota.take(user).orElseThrow());
    }
    assertThat(quota.users()).isEqualTo(3);

    slots.forEach(SocketQuota.Slot::release);

    assertThat(quota.users()).isZero();
    assertThat(quota.openBy("a")).isZero();
  }

  @Test
  void concurrentOpensAndClosesKeepTheCountExact() throws Exception {
    SocketQuota quota = new SocketQuota(5);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  int refused = 0;
                  for (int i = 0; i < 10_000; i++) {
                    var slot = quota.take("demo");
                    if (slot.isEmpty()) {
                      refused++;
                      continue;
                    }
                    assertThat(quota.openBy("demo")).isBetween(1, 5);
                    slot.get().release();
                    slot.get().release();
                  }
                  return refused;
                }));
      }
      for (Future<Integer> result : results) {
        result.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(quota.openBy("demo")).isZero();
    assertThat(quota.users()).isZero();
  }

  @Test
  void aBoundBelowOneIsAConfigurationError() {
    assertThatThrownBy(() -> new SocketQuota(0)).hasMessageContaining("at least one");
  }
}
