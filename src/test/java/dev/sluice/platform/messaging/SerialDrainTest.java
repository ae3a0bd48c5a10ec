package dev.sluice.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One send at a time: what gathers meanwhile goes in the next, sent by a task or by the caller. */
class SerialDrainTest {

  /** Runs tasks only when told, so a test sees what gathers meanwhile. */
  private final Deque<Runnable> tasks = new ArrayDeque<>();

  private final Executor executor = tasks::add;
  private final List<List<String>> sent = new ArrayList<>();

  private SerialDrain<String> drain(java.util.function.Consumer<Queue<String>> sendSome) {
    return new SerialDrain<>(executor, sendSome, "test items");
  }

  /** Sends everything waiting as one send. */
  private void sendAll(Queue<String> waiting) {
    List<String> some = new ArrayList<>();
    String next;
    while ((next = waiting.poll()) != null) {
      some.add(next);
    }
    sent.add(some);
  }

  @Test
  void itemsAddedWhileNothingRunsLeaveTogetherFromOneTask() {
    SerialDrain<String> drain = drain(this::sendAll);
    drain.add("a");
    drain.add("b");

    assertThat(sent).isEmpty();
    assertThat(tasks).hasSize(1);
    tasks.poll().run();

    assertThat(sent).containsExactly(List.of("a", "b"));
  }

  @Test
  void itemsAddedHereWhileNothingRunsLeaveOnTheCallersThreadAtOnce() {
    SerialDrain<String> drain = drain(this::sendAll);

    drain.addAllHere(List.of("a", "b"));

    assertThat(sent).containsExactly(List.of("a", "b"));
    assertThat(tasks).as("no task of their own").isEmpty();
  }

  @Test
  void itemsAddedHereWhileASendIsInFlightLeaveFromATaskNotFromTheCallerOfThatSend() {
    List<String> addedDuringSend = List.of("c", "d");
    AtomicReference<SerialDrain<String>> holder = new AtomicReference<>();
    holder.set(
        drain(
            waiting -> {
              sendAll(waiting);
              if (sent.size() == 1) {
                // Another thread's batch arrives while this send is in flight.
                holder.get().addAllHere(addedDuringSend);
              }
            }));

    holder.get().addAllHere(List.of("a", "b"));

    assertThat(sent).containsExactly(List.of("a", "b"));
    assertThat(tasks).hasSize(1);
    tasks.poll().run();
    assertThat(sent).containsExactly(List.of("a", "b"), List.of("c", "d"));
  }

  @Test
  void nothingToAddStartsNothing() {
    SerialDrain<String> drain = drain(this::sendAll);

    drain.addAllHere(List.of());

    assertThat(sent).isEmpty();
    assertThat(tasks).isEmpty();
  }

  @Test
  void aFailedSendLetsTheNextItemsLeave() {
    SerialDrain<String> drain =
        drain(
            waiting -> {
              if (waiting.contains("bad")) {
                waiting.clear();
                throw new IllegalStateException("refused");
              }
              sendAll(waiting);
            });

    drain.addAllHere(List.of("bad"));
    drain.addAllHere(List.of("good"));

    assertThat(sent).containsExactly(List.of("good"));
  }
}
