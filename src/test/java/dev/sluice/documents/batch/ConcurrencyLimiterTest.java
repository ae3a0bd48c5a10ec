package dev.sluice.documents.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTest {

  @Test
  void startsAtMostMaxAndTheRestInOrderAsOthersFinish() {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(2);
    List<CompletableFuture<String>> upstream = new ArrayList<>();
    List<Integer> started = new ArrayList<>();
    List<CompletableFuture<String>> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      results.add(
          limiter.submit(
              () -> {
                started.add(n);
                CompletableFuture<String> call = new CompletableFuture<>();
                upstream.add(call);
                return call;
              }));
    }

    assertThat(started).containsExactly(0, 1);
    assertThat(limiter.waiting()).isEqualTo(3);
    upstream.get(1).complete("one");
    assertThat(started).containsExactly(0, 1, 2);
    assertThat(results.get(1)).isCompletedWithValue("one");
    upstream.get(0).completeExceptionally(new IllegalStateException("boom"));
    assertThat(started).containsExactly(0, 1, 2, 3);
    assertThat(results.get(0)).isCompletedExceptionally();
    assertThat(limiter.inFlight()).isEqualTo(2);
  }

  @Test
  void tasksThatFinishAtOnceDoNotDeepenTheStack() {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
    AtomicInteger depth = new AtomicInteger();
    AtomicInteger deepest = new AtomicInteger();
    CompletableFuture<Void> gate = new CompletableFuture<>();
    limiter.submit(() -> gate);
    List<CompletableFuture<Integer>> all = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      all.add(
          limiter.submit(
              () -> {
                deepest.accumulateAndGet(Thread.currentThread().getStackTrace().length, Math::max);
                return CompletableFuture.completedFuture(depth.incrementAndGet());
              }));
    }
    gate.complete(null);

    assertThat(all).allMatch(CompletableFuture::isDone);
    assertThat(depth.get()).isEqualTo(50_000);
    assertThat(deepest.get()).isLessThan(200);
  }

  @Test
  void aTaskThatThrowsReleasesItsPermit() {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);

    CompletableFuture<Object> failed =
        limiter.submit(
            () -> {
              throw new IllegalArgumentException("bad");
            });
    CompletableFuture<String> next = limiter.submit(() -> CompletableFuture.completedFuture("ok"));

    assertThat(failed).isCompletedExceptionally();
    assertThat(next).isCompletedWithValue("ok");
    assertThat(limiter.inFlight()).isZero();
  }
}
