package dev.sluice.chat.socket;

import static dev.sluice.chat.socket.Fixture.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OutboxTest {

  private final Fixture fixture = new Fixture(4);

  @Test
  void chunksThatWaitedBehindASendLeaveTogetherAsOneFrame() {
    FakeSink slow = FakeSink.slow();
    fixture.subscribe(slow);

    fixture.chunks(MESSAGE, 1, 4);
    assertThat(slow.seqs()).containsExactly(1L);
    slow.drain();

    assertThat(slow.frameSeqs()).containsExactly(1L, 4L);
    assertThat(slow.frames().get(1).getInt("fromSeq")).isEqualTo(2);
    assertThat(slow.frames().get(1).getString("delta")).isEqualTo("t2 t3 t4 ");
  }

  @Test
  void framesOtherThanChunksAreNotMergedAndKeepTheirOrder() {
    FakeSink slow = FakeSink.slow();
    fixture.subscribe(slow);

    fixture.chunks(MESSAGE, 1, 2);
    fixture.complete(MESSAGE, 2);
    slow.drain();

    assertThat(slow.types()).containsExactly("chunk", "chunk", "completed");
    assertThat(slow.frameSeqs()).containsExactly(1L, 2L);
  }

  @Test
  void pastTheBoundTheBacklogIsDroppedForOneResyncAndTheOthersAreUnaffected() {
    FakeSink slow = FakeSink.slow();
    FakeSink fast = FakeSink.fast();
    fixture.subscribe(slow);
    fixture.subscribe(fast);

    fixture.chunks(MESSAGE, 1, 30);
    slow.drain();

    assertThat(fast.seqs()).isEqualTo(LongStream.rangeClosed(1, 30).boxed().toList());
    assertThat(slow.types()).containsExactly("chunk", "resync");
    assertThat(slow.frames().get(1).getString("messageId")).isEqualTo(MESSAGE);
  }

  @Test
  void afterAResyncTheChunksStayHeldUntilTheClientResumes() {
    FakeSink slow = FakeSink.slow();
    Subscriber subscriber = fixture.subscribe(slow);
    fixture.chunks(MESSAGE, 1, 10);
    slow.drain();

    fixture.chunks(MESSAGE, 11, 12);
    assertThat(slow.seqs()).containsExactly(1L);

    fixture.hub.resume(Fixture.CHAT, subscriber, MESSAGE, 1);
    slow.drain();
    fixture.chunks(MESSAGE, 13, 13);
    slow.drain();

    // 11 missed chunks do not fit the outbox of 4: they come as one frame, 2..12.
    assertThat(slow.frames().get(2).getInt("fromSeq")).isEqualTo(2);
    assertThat(slow.frameSeqs()).containsExactly(1L, 12L, 13L);
  }

  @Test
  void aFinalFrameAlwaysReachesAResyncedClient() {
    FakeSink slow = FakeSink.slow();
    fixture.subscribe(slow);
    fixture.chunks(MESSAGE, 1, 10);
    slow.drain();

    fixture.complete(MESSAGE, 10);
    slow.drain();

    assertThat(slow.types()).containsExactly("chunk", "resync", "completed");
  }
}
