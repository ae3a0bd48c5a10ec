package dev.sluice.documents.batch.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BatchAudiencesTest {

  private static final long INTERVAL = 250;

  private final AtomicLong now = new AtomicLong(10_000);
  private final AtomicInteger version = new AtomicInteger();
  private final List<Runnable> later = new ArrayList<>();
  private final List<CompletableFuture<Void>> futures = new ArrayList<>();
  private final BatchAudiences audiences =
      new BatchAudiences(
          id -> "progress " + version.get(),
          (task, delayMs) -> {
            later.add(task);
            CompletableFuture<Void> future = new CompletableFuture<>();
            futures.add(future);
            return future;
          },
          now::get,
          INTERVAL);

  @Test
  void aDelayedPushDueAfterTheEndSendsNothing() {
    RecordingChannel channel = new RecordingChannel(true);
    audiences.watch("b", new Watcher(channel));
    version.set(1);
    audiences.progressed("b");
    now.addAndGet(100);
    version.set(2);
    audiences.progressed("b");
    assertThat(later).as("the second push waits for the interval").hasSize(1);

    audiences.finished("b", () -> "finished");
    now.addAndGet(INTERVAL);
    later.forEach(Runnable::run);

    assertThat(channel.sent).containsExactly("progress 0", "progress 1", "finished");
    assertThat(futures.get(0)).isCancelled();
    assertThat(audiences.held()).isZero();
  }

  @Test
  void aBurstEndsWithOnePushOfTheNewestProgress() {
    RecordingChannel channel = new RecordingChannel(true);
    audiences.watch("b", new Watcher(channel));
    version.set(1);
    audiences.progressed("b");
    for (int i = 2; i <= 5; i++) {
      now.addAndGet(10);
      version.set(i);
      audiences.progressed("b");
    }
    assertThat(later).hasSize(1);
    now.addAndGet(INTERVAL);
    later.get(0).run();

    assertThat(channel.sent).containsExactly("progress 0", "progress 1", "progress 5");
  }

  @Test
  void aBatchIsForgottenWhenItsLastWatcherLeaves() {
    Watcher one = new Watcher(new RecordingChannel(true));
    Watcher two = new Watcher(new RecordingChannel(true));
    audiences.watch("b", one);
    audiences.watch("b", two);
    audiences.progressed("b");
    now.addAndGet(10);
    audiences.progressed("b");

    audiences.unwatch("b", one);
    assertThat(audiences.held()).isOne();
    assertThat(audiences.watched("b")).isTrue();
    audiences.unwatch("b", two);

    assertThat(audiences.held()).isZero();
    assertThat(audiences.watched("b")).isFalse();
    assertThat(futures.get(0)).isCancelled();
  }

  @Test
  void aWatcherArrivingAfterTheEndIsAFreshAudience() {
    RecordingChannel early = new RecordingChannel(true);
    audiences.watch("b", new Watcher(early));
    audiences.finished("b", () -> "finished");
    RecordingChannel late = new RecordingChannel(true);
    audiences.watch("b", new Watcher(late));
    audiences.progressed("b");

    assertThat(early.sent).containsExactly("progress 0", "finished");
    assertThat(late.sent).containsExactly("progress 0", "progress 0");
  }
}
