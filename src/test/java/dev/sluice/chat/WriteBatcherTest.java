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
    int given;

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
      given++;
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

  /** A batcher whose applier records each batch's labels in {@link #applied}. */
  private WriteBatcher recording(int maxBatch) {
    return new WriteBatcher(
        writes -> applied.add(writes.stream().map(WriteBatcherTest::label).toList()),
        writes -> {},
        executor,
        maxBatch);
  }

  private static AnswerWrite save(String id) {
    return new AnswerWrite.SavePartial(id, "text of " + id, "node");
  }

  @Test
  void writesThatGatherWhileNothingRunsShareOneApplyInOrder() {
    WriteBatcher batcher = recording(100);
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
    WriteBatcher batcher = recording(2);
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
            writes -> {},
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
    WriteBatcher batcher = recording(100);
    batcher.submit(labelled("first"));
    executor.runAll();
    batcher.submit(labelled("second"));
    executor.runAll();

    assertThat(applied).containsExactly(List.of("first"), List.of("second"));
  }

  @Test
  void anIdleWritesFutureCompletesOnTheDrainsThreadWithoutATaskOfItsOwn() {
    WriteBatcher batcher =
        new WriteBatcher(writes -> applied.add(List.of()), writes -> {}, executor, 100);
    AnswerWrite only = labelled("only");
    batcher.submit(only);

    executor.runAll();

    assertThat(only.future()).isCompletedWithValue(false);
    assertThat(executor.given).as("the drain only").isEqualTo(1);
  }

  @Test
  void whileMoreWritesWaitABatchsFuturesCompleteOnATaskOfTheirOwn() {
    List<String> seen = new ArrayList<>();
    WriteBatcher batcher = recording(1);
    AnswerWrite first = labelled("first");
    AnswerWrite second = labelled("second");
    batcher.submit(first);
    batcher.submit(second);
    first.future().thenRun(() -> seen.add("first's future, after " + applied.size() + " applies"));

    executor.tasks.poll().run(); // the drain: both batches, the first's futures handed on

    assertThat(applied).containsExactly(List.of("first"), List.of("second"));
    assertThat(first.future()).isNotDone();
    assertThat(second.future()).isCompletedWithValue(false);
    executor.runAll();
    assertThat(seen).containsExactly("first's future, after 2 applies");
  }

  @Test
  void aWriteAskedFromAnInlineCompletionStartsADrainOfItsOwn() {
    WriteBatcher batcher = recording(100);
    AnswerWrite first = labelled("first");
    AnswerWrite next = labelled("next");
    first.future().thenRun(() -> batcher.submit(next));
    batcher.submit(first);

    executor.runAll();

    assertThat(applied).containsExactly(List.of("first"), List.of("next"));
    assertThat(next.future()).isCompletedWithValue(false);
  }

  @Test
  void aFailedIdleWriteFailsOnTheDrainsThread() {
    WriteBatcher batcher =
        new WriteBatcher(
            writes -> {
              throw new SQLException("refused");
            },
            writes -> {},
            executor,
            100);
    AnswerWrite bad = labelled("bad");
    batcher.submit(bad);

    executor.runAll();

    assertThat(bad.future()).isCompletedExceptionally();
    assertThat(executor.given).isEqualTo(1);
  }

  @Test
  void whatFollowsACommitSeesTheBatchOnTheDrainsThreadBeforeAnyFutureCompletes() {
    List<String> seen = new ArrayList<>();
    WriteBatcher batcher =
        new WriteBatcher(
            writes -> applied.add(writes.stream().map(WriteBatcherTest::label).toList()),
            writes ->
                seen.add(
                    "after the commit of "
                        + writes.stream().map(WriteBatcherTest::label).toList()
                        + ", futures done: "
                        + writes.stream().filter(w -> w.future().isDone()).count()),
            executor,
            100);
    AnswerWrite a = labelled("a");
    AnswerWrite b = labelled("b");
    a.future().thenRun(() -> seen.add("a's future"));
    batcher.submit(a);
    batcher.submit(b);

    executor.runAll();

    assertThat(seen).containsExactly("after the commit of [a, b], futures done: 0", "a's future");
    assertThat(executor.given).as("the drain only").isEqualTo(1);
  }

  @Test
  void aFailedBatchIsFollowedOnlyByTheWritesThatCommittedAlone() {
    List<List<String>> followed = new ArrayList<>();
    WriteBatcher batcher =
        new WriteBatcher(
            writes -> {
              if (writes.stream().map(WriteBatcherTest::label).toList().contains("bad")) {
                throw new SQLException("refused");
              }
            },
            writes -> followed.add(writes.stream().map(WriteBatcherTest::label).toList()),
            executor,
            100);
    batcher.submit(labelled("good"));
    batcher.submit(labelled("bad"));

    executor.runAll();

    assertThat(followed).containsExactly(List.of("good"));
  }

  @Test
  void whenWhatFollowsACommitFailsTheWritesStillHearTheyCommitted() {
    WriteBatcher batcher =
        new WriteBatcher(
            writes -> {},
            writes -> {
              throw new IllegalStateException("the messaging engine is down");
            },
            executor,
            100);
    AnswerWrite only = labelled("only");
    batcher.submit(only);

    executor.runAll();

    assertThat(only.future()).isCompletedWithValue(false);
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
