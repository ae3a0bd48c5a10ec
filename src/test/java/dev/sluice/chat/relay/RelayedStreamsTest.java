package dev.sluice.chat.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.chat.RunningAnswers;
import dev.sluice.chat.events.AnswerChunk;
import dev.sluice.chat.events.AnswerCompleted;
import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import dev.sluice.chat.events.CancelRequested;
import dev.sluice.chat.socket.ChatStreams;
import dev.sluice.platform.cluster.ClusterEvent;
import jakarta.json.Json;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayedStreamsTest {

  /** The hub of the receiving node: records what reaches it, in order. */
  static final class RecordingHub extends ChatStreams {
    final List<Object> heard = new ArrayList<>();

    @Override
    public void onChunk(AnswerChunk chunk) {
      heard.add(chunk);
    }

    @Override
    public void onStatus(AnswerStatus status) {
      heard.add(status);
    }

    @Override
    public void onCompleted(AnswerCompleted done) {
      heard.add(done);
    }

    @Override
    public void onEnded(AnswerEnded ended) {
      heard.add(ended);
    }
  }

  static final class RecordingAnswers extends RunningAnswers {
    final List<String> cancelled = new ArrayList<>();

    @Override
    public void cancel(String messageId, boolean claimed) {
      cancelled.add(messageId + ":" + claimed);
    }
  }

  private final RecordingHub hub = new RecordingHub();
  private final RecordingAnswers running = new RecordingAnswers();
  private final RelayedStreams receiver = new RelayedStreams(hub, running);

  @Test
  void anotherNodesEventsReachTheHubWithEveryField() {
    List<Object> events =
        List.of(
            new AnswerStatus("c", "m", "streaming"),
            new AnswerChunk("c", "m", 1, "Hel"),
            new AnswerChunk("c", "m", 2, "lo \"ü\" \n"),
            new AnswerCompleted(
                "c", "m", 2, "Hello", "sim", 5, 2, 1, new BigDecimal("0.000120"), null, 340),
            new AnswerEnded("c", "m2", "interrupted", 7, "SERVER_STOPPED", "cut off", "partial"));

    events.forEach(e -> receiver.onClusterEvent(relayed(e)));

    assertThat(hub.heard).containsExactlyElementsOf(events);
  }

  @Test
  void absentFieldsStayAbsent() {
    List<Object> events =
        List.of(
            new AnswerCompleted("c", "m", 0, "", null, 0, 0, 0, null, null, 1),
            new AnswerEnded("c", "m", "cancelled", 0, null, null, null));

    events.forEach(e -> receiver.onClusterEvent(relayed(e)));

    assertThat(hub.heard).containsExactlyElementsOf(events);
  }

  @Test
  void aCancelRequestStopsTheAnswerIfItRunsHere() {
    receiver.onClusterEvent(relayed(new CancelRequested("m", true)));

    assertThat(running.cancelled).containsExactly("m:true");
    assertThat(hub.heard).isEmpty();
  }

  @Test
  void otherKindsOfClusterEventAreNotTheRelays() {
    receiver.onClusterEvent(
        new ClusterEvent("breaker", Json.createObjectBuilder().add("provider", "x").build()));

    assertThat(hub.heard).isEmpty();
    assertThat(running.cancelled).isEmpty();
  }

  /** What the bus hands the other nodes for an event the relay published here. */
  private static ClusterEvent relayed(Object event) {
    // Through the text a bus message carries, as the other node reads it.
    String wire = RelayCodec.encode(event).toString();
    return new ClusterEvent(
        StreamRelay.KIND, Json.createReader(new StringReader(wire)).readObject());
  }
}
