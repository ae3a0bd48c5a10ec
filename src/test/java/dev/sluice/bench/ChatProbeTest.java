package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's verdict on one chat's frames: what counts as lost, doubled or mismatched. */
class ChatProbeTest {

  private static final long MS = 1_000_000;

  private RoundTally tally;
  private ChatProbe probe;

  @BeforeEach
  void postQuestion() {
    tally = new RoundTally(ChatOptions.parse(new String[0]), 1);
    probe = new ChatProbe(tally);
    probe.posting();
  }

  @Test
  void everyChunkOnceAndAddingUpToTheTextIsIntact() {
    chunk(1, "a", 520);
    chunk(2, "b", 540);
    chunk(3, "c", 565);
    completed(3, "abc");

    assertThat(probe.completedIntact()).isTrue();
    assertThat(probe.ledger().lost()).isZero();
    assertThat(tally.firstTokenDelay.count()).isEqualTo(1);
    assertThat(tally.chunkDelay.count()).isEqualTo(2);
    assertThat(tally.ended.getCount()).isZero();
  }

  @Test
  void aMissingChunkIsLostAndTheTextDoesNotMatch() {
    chunk(1, "a", 520);
    chunk(3, "c", 560);
    completed(3, "abc");

    assertThat(probe.ledger().lost()).isEqualTo(1);
    assertThat(probe.ledger().textMatches()).isFalse();
    assertThat(probe.completedIntact()).isFalse();
  }

  @Test
  void aChunkReceivedTwiceIsADuplicateNotText() {
    chunk(1, "a", 520);
    chunk(2, "b", 540);
    chunk(2, "b", 541);
    completed(2, "ab");

    assertThat(probe.ledger().duplicates()).isEqualTo(1);
    assertThat(probe.ledger().textMatches()).isTrue();
    assertThat(probe.completedIntact()).isFalse();
  }

  @Test
  void aReplayedRunOfChunksCountsEachChunk() {
    chunk(1, "a", 520);
    probe.receive(
        "{\"type\":\"chunk\",\"messageId\":\"m\",\"fromSeq\":2,\"seq\":3,\"delta\":\"bc\"}",
        600 * MS);
    completed(3, "abc");

    assertThat(probe.ledger().received()).isEqualTo(3);
    assertThat(probe.completedIntact()).isTrue();
  }

  @Test
  void aFrameOfSeveralChunksCountsItsWaitOnceAndItsOtherChunksAsArrivingWithIt() {
    chunk(1, "a", 520);
    probe.receive(
        "{\"type\":\"chunk\",\"messageId\":\"m\",\"fromSeq\":2,\"seq\":4,\"delta\":\"bcd\"}",
        600 * MS);

    assertThat(tally.chunkGap.count()).isEqualTo(3);
    assertThat(tally.chunkGap.percentileMillis(100)).isCloseTo(80.0, within(0.5));
    assertThat(tally.chunkGap.percentileMillis(50)).isCloseTo(0.0, within(0.5));
  }

  @Test
  void aFailedAnswerEndsWithItsCodeAndCountsWhatNeverCame() {
    chunk(1, "a", 520);
    probe.receive(
        "{\"type\":\"failed\",\"messageId\":\"m\",\"lastSeq\":2,\"errorCode\":\"PROVIDER\","
            + "\"partialContent\":\"ab\"}",
        700 * MS);

    assertThat(probe.ending()).isEqualTo("failed PROVIDER");
    assertThat(probe.ledger().lost()).isEqualTo(1);
    assertThat(probe.completedIntact()).isFalse();
  }

  private void chunk(long seq, String delta, long atMillis) {
    probe.receive(
        "{\"type\":\"chunk\",\"messageId\":\"m\",\"seq\":" + seq + ",\"delta\":\"" + delta + "\"}",
        atMillis * MS);
  }

  private void completed(long lastSeq, String content) {
    probe.receive(
        "{\"type\":\"completed\",\"messageId\":\"m\",\"lastSeq\":"
            + lastSeq
            + ",\"content\":\""
            + content
            + "\"}",
        900 * MS);
  }
}
