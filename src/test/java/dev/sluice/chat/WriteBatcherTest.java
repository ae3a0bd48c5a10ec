package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Group commit: many writes, one apply; a failed batch retried write by write. */
class WriteBatcherTest {

  /** Runs tasks only when told, so a test sees what gathers meanwhile. */
  private static final class ManualExecutor implements Executor {
    final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      Runnable next;
      while ((next = tasks.poll()) != null) {
        next.run();
      }
    }
  }

  private final ManualExecutor executor = new ManualExecutor();
  private final List<List<String>> applied = new ArrayList<>();

  private static AnswerWrite save(String id) {
    return new AnswerWrite.SavePartial(id, "text of " + id, "node");
  }

  @Test
  void writesThatGatherWhileNothingRunsShareOneApplyInOrder() {
    WriteBatcher batcher =
        new WriteBatcher(
            writes -> applied.add(writes.stream().map(WriteBatcherTest::label).toList()),
            executor,
            100);
    List<CompletableFuture<Boolean>> futures = new ArrayList<>();
    for (String id : List.of("a", "b", "c")) {
      AnswerWrite w = labelled(id);
      batcher.submit(w);
      futures.add(w.future());
    }
    assertThat(futures).noneMatch(CompletableFuture::isDone);

    executor.runAll();

    assertThat(applied).containsExactly(List.of("a", "b", "c"));
    assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
  }

  @Test
  void aBatchIsCutAtItsMaximum() {
    WriteBatcher batcher =
        new WriteBatcher(
            writes -> applied.add(writes.stream().map(WriteBatcherTest::label).toList()),
            executor,
            2);
    for (String id : List.of("a", "b", "c")) {
      batcher.submit(labelled(id));
    }

    executor.runAll();

    assertThat(applied).containsExactly(List.of("a", "b"), List.of("c"));
  }

  @Test
  void aFailedBatchIsAppliedAgainWriteByWriteAndOnlyTheBadOneFails() {
    WriteBatcher batcher =
        new WriteBatcher(
            writes -> {
              List<String> labels = writes.stream().map(WriteBatcherTest::label).toList();
              if (labels.contains("bad")) {
                throw new SQLException("refused");
              }
              applied.add(labels);
            },
            executor,
            100);
    AnswerWrite good = labelled("good");
    AnswerWrite bad = labelled("bad");
    AnswerWrite other = labelled("other");
    batcher.submit(good);
    batcher.submit(bad);
    batcher.submit(other);

    executor.runAll();

    assertThat(applied).containsExactly(List.of("good"), List.of("other"));
    assertThat(good.future()).isCompletedWithValue(false);
    assertThat(other.future()).isCompletedWithValue(false);
    assertThat(bad.future()).isCompletedExceptionally();
  }

  @Test
  void aWriteArrivingAfterADrainIsAppliedByTheNext() {
    WriteBatcher batcher =
        new WriteBatcher(
            writes -> applied.add(writes.stream().map(WriteBatcherTest::label).toList()),
            executor,
            100);
    batcher.submit(labelled("first"));
    executor.runAll();
    batcher.submit(labelled("second"));
    executor.runAll();

    assertThat(applied).containsExactly(List.of("first"), List.of("second"));
  }

  private static final java.util.Map<AnswerWrite, String> LABELS =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  private static AnswerWrite labelled(String label) {
    AnswerWrite w = save(label);
    LABELS.put(w, label);
    return w;
  }

  private static String label(AnswerWrite w) {
    return LABELS.get(w);
  }
}
