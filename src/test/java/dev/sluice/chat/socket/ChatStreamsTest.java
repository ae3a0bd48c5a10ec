package dev.sluice.chat.socket;

import static dev.sluice.chat.socket.Fixture.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.chat.events.AnswerChunk;
import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ChatStreamsTest {

  private final Fixture fixture = new Fixture(256);

  @Test
  void relaysEveryChunkInOrderThenTheCompletionToEveryTab() {
    FakeSink first = FakeSink.fast();
    FakeSink second = FakeSink.fast();
    fixture.subscribe(first);
    fixture.subscribe(second);

    fixture.chunks(MESSAGE, 1, 20);
    fixture.complete(MESSAGE, 20);

    for (FakeSink tab : List.of(first, second)) {
      assertThat(tab.seqs()).isEqualTo(LongStream.rangeClosed(1, 20).boxed().toList());
      JsonObject completed = tab.frames().get(20);
      assertThat(completed.getString("type")).isEqualTo("completed");
      assertThat(completed.getInt("lastSeq")).isEqualTo(20);
      assertThat(completed.getString("content")).startsWith("t1 t2 ").endsWith("t20 ");
    }
  }

  @Test
  void anotherChatsAnswersAreNotRelayed() {
    FakeSink tab = FakeSink.fast();
    fixture.subscribe(tab);

    fixture.hub.onChunk(new AnswerChunk("other-chat", "m9", 1, "x"));
    fixture.hub.onStatus(new AnswerStatus("other-chat", "m9", "streaming"));

    assertThat(tab.frames()).isEmpty();
  }

  @Test
  void aTabOpenedWhileAnotherChatStreamsIsToldOnlyOfItsOwnChat() {
    fixture.hub.onChunk(new AnswerChunk("other-chat", "m9", 1, "x"));
    fixture.chunks(MESSAGE, 1, 2);
    FakeSink tab = FakeSink.fast();

    fixture.subscribe(tab);

    assertThat(tab.types()).containsExactly("status");
    assertThat(tab.frames().get(0).getString("messageId")).isEqualTo(MESSAGE);
  }

  @Test
  void aRepeatedChunkIsSentOnce() {
    FakeSink tab = FakeSink.fast();
    fixture.subscribe(tab);

    fixture.chunks(MESSAGE, 1, 3);
    fixture.chunks(MESSAGE, 2, 4);

    assertThat(tab.seqs()).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void aTabOpenedMidAnswerIsToldItStreamsAndGetsTheWholeTextAtTheEnd() {
    fixture.chunks(MESSAGE, 1, 5);
    FakeSink late = FakeSink.fast();
    fixture.subscribe(late);

    fixture.chunks(MESSAGE, 6, 8);
    fixture.complete(MESSAGE, 8);

    assertThat(late.types()).containsExactly("status", "completed");
    assertThat(late.frames().get(0).getString("status")).isEqualTo("streaming");
    assertThat(late.frames().get(1).getString("content")).startsWith("t1 ").endsWith("t8 ");
  }

  @Test
  void chunksMissingInTheMiddleHoldTheAnswerUntilItsWholeTextArrives() {
    // Another server's stream with a relay message lost: 4 and 5 never arrive here.
    FakeSink tab = FakeSink.fast();
    fixture.subscribe(tab);

    fixture.chunks(MESSAGE, 1, 3);
    fixture.chunks(MESSAGE, 6, 8);
    fixture.complete(MESSAGE, 8);

    assertThat(tab.seqs()).containsExactly(1L, 2L, 3L);
    assertThat(tab.types()).containsExactly("chunk", "chunk", "chunk", "status", "completed");
    assertThat(tab.frames().get(4).getString("content")).startsWith("t1 ").endsWith("t8 ");
  }

  @Test
  void aResumeAfterAGapGetsNoPartialReplayButTheFinalFrame() {
    fixture.chunks(MESSAGE, 1, 3);
    fixture.chunks(MESSAGE, 6, 7);
    FakeSink again = FakeSink.fast();
    Subscriber subscriber = fixture.subscribe(again);

    fixture.hub.resume(Fixture.CHAT, subscriber, MESSAGE, 1);
    fixture.chunks(MESSAGE, 8, 9);
    fixture.complete(MESSAGE, 9);

    assertThat(again.seqs()).isEmpty();
    assertThat(again.types()).last().isEqualTo("completed");
  }

  @Test
  void anAnswerFirstHeardMidStreamIsNotReplayedFromThere() {
    // A server that joined the cluster while another server's answer streamed.
    fixture.chunks(MESSAGE, 4, 6);
    FakeSink tab = FakeSink.fast();
    Subscriber subscriber = fixture.subscribe(tab);

    fixture.hub.resume(Fixture.CHAT, subscriber, MESSAGE, 0);

    assertThat(tab.seqs()).isEmpty();
    assertThat(tab.types()).contains("status");
  }

  @Test
  void resumeSendsExactlyTheMissedChunksThenTheLiveStream() {
    fixture.chunks(MESSAGE, 1, 5);
    FakeSink again = FakeSink.fast();
    Subscriber subscriber = fixture.subscribe(again);
    fixture.chunks(MESSAGE, 6, 7);

    fixture.hub.resume(Fixture.CHAT, subscriber, MESSAGE, 3);
    fixture.chunks(MESSAGE, 8, 10);
    fixture.complete(MESSAGE, 10);

    assertThat(again.seqs()).isEqualTo(LongStream.rangeClosed(4, 10).boxed().toList());
    assertThat(again.types()).first().isEqualTo("status");
    assertThat(again.types()).last().isEqualTo("completed");
  }

  @Test
  void resumingTwiceSendsNothingTwice() {
    FakeSink tab = FakeSink.fast();
    Subscriber subscriber = fixture.subscribe(tab);
    fixture.chunks(MESSAGE, 1, 6);

    fixture.hub.resume(Fixture.CHAT, subscriber, MESSAGE, 2);
    fixture.hub.resume(Fixture.CHAT, subscriber, MESSAGE, 0);
    fixture.chunks(MESSAGE, 7, 7);

    assertThat(tab.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void resumingAnAnswerThatEndedRecentlyReplaysItsTailAndItsEnd() {
    fixture.chunks(MESSAGE, 1, 4);
    fixture.hub.onEnded(
        new AnswerEnded(
            Fixture.CHAT, MESSAGE, "interrupted", 4, "STREAM_CUT", "cut", "t1 t2 t3 t4 "));
    FakeSink back = FakeSink.fast();
    Subscriber subscriber = fixture.subscribe(back);

    fixture.hub.resume(Fixture.CHAT, subscriber, MESSAGE, 2);

    assertThat(back.seqs()).containsExactly(3L, 4L);
    JsonObject end = back.frames().get(back.frames().size() - 1);
    assertThat(end.getString("type")).isEqualTo("interrupted");
    assertThat(end.getString("errorCode")).isEqualTo("STREAM_CUT");
    assertThat(end.getString("partialContent")).isEqualTo("t1 t2 t3 t4 ");
  }

  @Test
  void anAnswerGoneFromMemoryComesFromTheDatabase() {
    fixture.chunks(MESSAGE, 1, 3);
    fixture.complete(MESSAGE, 3);
    fixture.now = fixture.now.plusSeconds(61);
    fixture.chunks("msg-2", 1, 1); // any later event sweeps expired answers
    fixture.storedFrames.put(MESSAGE, "{\"type\":\"completed\",\"messageId\":\"msg-1\"}");
    FakeSink back = FakeSink.fast();
    Subscriber subscriber = fixture.subscribe(back);

    fixture.hub.resume(Fixture.CHAT, subscriber, MESSAGE, 1);

    assertThat(fixture.hub.buffered()).isEqualTo(1);
    assertThat(back.types()).containsExactly("status", "completed");
  }

  @Test
  void aChatWhoseAnswersAllExpiredHoldsItsNextAnswerAgain() {
    fixture.chunks(MESSAGE, 1, 3);
    fixture.complete(MESSAGE, 3);
    fixture.now = fixture.now.plusSeconds(61);
    fixture.hub.onChunk(new AnswerChunk("other-chat", "m9", 1, "x")); // sweeps
    assertThat(fixture.hub.buffered()).isEqualTo(1);

    fixture.chunks("msg-2", 1, 2);
    FakeSink late = FakeSink.fast();
    fixture.subscribe(late);

    assertThat(fixture.hub.buffered()).isEqualTo(2);
    assertThat(late.frames())
        .singleElement()
        .satisfies(f -> assertThat(f.getString("messageId")).isEqualTo("msg-2"));
  }

  @Test
  void anUnknownAnswerIsReportedAsSuch() {
    FakeSink tab = FakeSink.fast();
    Subscriber subscriber = fixture.subscribe(tab);

    fixture.hub.resume(Fixture.CHAT, subscriber, "nope", 0);

    assertThat(tab.frames().get(0).getString("status")).isEqualTo("unknown");
  }

  @Test
  void aClosedTabGetsNothingMore() {
    FakeSink tab = FakeSink.fast();
    Subscriber subscriber = fixture.subscribe(tab);
    fixture.chunks(MESSAGE, 1, 2);

    fixture.hub.unsubscribe(Fixture.CHAT, subscriber);
    fixture.chunks(MESSAGE, 3, 4);

    assertThat(tab.seqs()).containsExactly(1L, 2L);
  }

  @Test
  void anAnswerLongerThanTheReplayBufferIsResumedByItsFinalFrame() {
    Fixture small = new Fixture(256, 3);
    small.chunks(MESSAGE, 1, 5);
    FakeSink back = FakeSink.fast();
    Subscriber subscriber = small.subscribe(back);

    small.hub.resume(Fixture.CHAT, subscriber, MESSAGE, 2);
    small.chunks(MESSAGE, 6, 6);
    small.complete(MESSAGE, 6);

    assertThat(back.seqs()).isEmpty();
    assertThat(back.types()).containsExactly("status", "status", "completed");
  }

  @Test
  void anAnswerQueuedAgainAfterItFailedStreamsAfresh() {
    FakeSink tab = FakeSink.fast();
    fixture.subscribe(tab);
    fixture.hub.onEnded(
        new AnswerEnded(
            Fixture.CHAT, MESSAGE, "failed", 0, "INTERNAL", "could not be processed", ""));

    fixture.hub.onStatus(new AnswerStatus(Fixture.CHAT, MESSAGE, "queued"));
    fixture.chunks(MESSAGE, 1, 3);
    fixture.complete(MESSAGE, 3);

    assertThat(tab.types())
        .containsExactly("failed", "status", "chunk", "chunk", "chunk", "completed");
  }
}
