package dev.sluice.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClusterBusTest {

  private static final long HOLD = TimeUnit.MILLISECONDS.toNanos(ClusterBus.HOLD_MS);

  private final ClusterBus bus = new ClusterBus();
  private final AtomicLong sequence = new AtomicLong();
  private final List<ClusterEvent> fired = new ArrayList<>();

  @Test
  void anotherNodesEventsAreFiredInTheOrderItPublishedThemWithTheirBodies() {
    List<ClusterEvent> events =
        List.of(
            event("chat", "1"),
            new ClusterEvent(
                "breaker", Json.createObjectBuilder().add("text", "ü \" \n").add("n", 7).build()),
            event("chat", "2"));

    receive(send("node-a", events), 0);

    assertThat(fired).containsExactlyElementsOf(events);
  }

  @Test
  void aNodeIgnoresItsOwnMessages() {
    receive(message("node-b", "1"), 0);

    assertThat(fired).isEmpty();
  }

  @Test
  void messagesThatArriveSwappedAreHandedOnInTheOrderTheyWereSent() {
    String first = message("node-a", "1");
    String second = message("node-a", "2");
    String third = message("node-a", "3");

    receive(first, 0);
    receive(third, 1);
    assertThat(labels()).containsExactly("1");
    receive(second, 2);

    assertThat(labels()).containsExactly("1", "2", "3");
  }

  @Test
  void aMessageLostOnTheWayIsWaitedForOnlySoLong() {
    receive(message("node-a", "1"), 0);
    String lost = message("node-a", "2"); // lost on the way, or very late
    receive(message("node-a", "3"), 10);

    bus.expire(fired::add, HOLD - 1);
    assertThat(labels()).containsExactly("1");
    bus.expire(fired::add, HOLD + 10);
    assertThat(labels()).containsExactly("1", "3");
    // Should it come after all, its place has passed; the next one goes on at once.
    receive(lost, HOLD + 20);
    receive(message("node-a", "4"), HOLD + 30);
    assertThat(labels()).containsExactly("1", "3", "4");
  }

  @Test
  void eachNodesOrderIsItsOwn() {
    AtomicLong other = new AtomicLong(40);
    receive(message("node-a", "a1"), 0);
    receive(ClusterBus.next("node-c", other, queue(event("chat", "c41"))).toJson(), 1);
    receive(message("node-a", "a2"), 2);

    assertThat(labels()).containsExactly("a1", "c41", "a2");
  }

  @Test
  void anObserverThatFailsDoesNotCostTheEventsAfterIt() {
    String message = send("node-a", List.of(event("bad", "1"), event("chat", "2")));

    bus.receive(
        message,
        () -> "node-b",
        e -> {
          if (e.kind().equals("bad")) {
            throw new IllegalStateException("an observer's bug");
          }
          fired.add(e);
        },
        0);

    assertThat(labels()).containsExactly("2");
  }

  @Test
  void aMessageCarriesAtMostItsBoundAndTheRestGoesNext() {
    Queue<ClusterEvent> waiting = new ArrayDeque<>();
    for (int i = 1; i <= ClusterBus.MAX_EVENTS_PER_MESSAGE + 3; i++) {
      waiting.add(event("chat", Integer.toString(i)));
    }

    BusMessage first = ClusterBus.next("node-a", sequence, waiting);
    BusMessage second = ClusterBus.next("node-a", sequence, waiting);

    assertThat(first.events()).hasSize(ClusterBus.MAX_EVENTS_PER_MESSAGE);
    assertThat(second.events()).hasSize(3);
    assertThat(second.events().get(0).body().getString("label")).isEqualTo("501");
    assertThat(List.of(first.sequence(), second.sequence())).containsExactly(1L, 2L);
    assertThat(waiting).isEmpty();
  }

  private static ClusterEvent event(String kind, String label) {
    return new ClusterEvent(kind, Json.createObjectBuilder().add("label", label).build());
  }

  private static Queue<ClusterEvent> queue(ClusterEvent... events) {
    return new ArrayDeque<>(List.of(events));
  }

  private List<String> labels() {
    return fired.stream().map(e -> e.body().getString("label")).toList();
  }

  private void receive(String message, long nowNanos) {
    bus.receive(message, () -> "node-b", fired::add, nowNanos);
  }

  /** The next message of {@code origin}, as its text on the topic. */
  private String send(String origin, List<ClusterEvent> events) {
    return ClusterBus.next(origin, sequence, new ArrayDeque<>(events)).toJson();
  }

  private String message(String origin, String label) {
    return send(origin, List.of(event("chat", label)));
  }
}
