package dev.sluice.documents.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FanoutTest {

  @Test
  void resultsComeInOrderWithAtMostTheParallelismInFlight() {
    List<CompletableFuture<Integer>> pending = new ArrayList<>();
    CompletableFuture<List<Integer>> all =
        Fanout.run(
                5,
                2,
                i -> {
                  CompletableFuture<Integer> f = new CompletableFuture<>();
                  pending.add(f);
                  return f;
                })
            .toCompletableFuture();

    assertThat(pending).hasSize(2);
    pending.get(1).complete(11);
    assertThat(pending).hasSize(3);
    pending.get(0).complete(10);
    pending.get(2).complete(12);
    assertThat(pending).hasSize(5);
    assertThat(all).isNotDone();
    pending.get(4).complete(14);
    pending.get(3).complete(13);
    assertThat(all.join()).containsExactly(10, 11, 12, 13, 14);
  }

  @Test
  void stepsThatCompleteAtOnceDoNotDeepenTheStack() {
    CompletionStage<List<Integer>> all =
        Fanout.run(100_000, 3, i -> CompletableFuture.completedFuture(i));

    assertThat(all.toCompletableFuture().join()).hasSize(100_000).endsWith(99_999);
  }

  @Test
  void theFirstFailureEndsItAndNoFurtherStepStarts() {
    AtomicInteger started = new AtomicInteger();
    CompletableFuture<List<Object>> all =
        Fanout.<Object>run(
                10,
                1,
                i -> {
                  started.incrementAndGet();
                  return i == 2
                      ? CompletableFuture.failedFuture(new IllegalStateException("no"))
                      : CompletableFuture.completedFuture(i);
                })
            .toCompletableFuture();

    assertThat(all).isCompletedExceptionally();
    assertThat(started).hasValue(3);
  }

  @Test
  void nothingToDoIsDoneAtOnce() {
    assertThat(Fanout.run(0, 4, i -> null).toCompletableFuture().join()).isEmpty();
  }
}
