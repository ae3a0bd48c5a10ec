package dev.sluice.documents.batch.socket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatcherTest {

  @Test
  void aSlowConnectionGetsOnlyTheNewestWaitingFrame() {
    RecordingChannel channel = new RecordingChannel(false);
    Watcher watcher = new Watcher(channel);

    watcher.send("p1");
    watcher.send("p2");
    watcher.send("p3");
    channel.completeOne();

    assertThat(channel.sent).containsExactly("p1", "p3");
  }

  @Test
  void theFinalFrameReplacesAWaitingProgressFrameAndNothingFollowsIt() {
    RecordingChannel channel = new RecordingChannel(false);
    Watcher watcher = new Watcher(channel);

    watcher.send("p1");
    watcher.send("p2");
    watcher.end("finished");
    watcher.send("p3");
    watcher.end("finished again");
    channel.completeOne();
    channel.completeOne();
    watcher.send("p4");

    assertThat(channel.sent).containsExactly("p1", "finished");
  }

  @Test
  void theConnectionClosesOnceTheFinalFrameIsSentAndNotBefore() {
    RecordingChannel channel = new RecordingChannel(false);
    Watcher watcher = new Watcher(channel);

    watcher.send("p1");
    watcher.end("finished");
    channel.completeOne();
    assertThat(channel.closes).as("closed while the final frame was still waiting").isZero();

    channel.completeOne();
    assertThat(channel.sent).containsExactly("p1", "finished");
    assertThat(channel.closes).isEqualTo(1);
  }

  @Test
  void progressFramesNeverClose() {
    RecordingChannel channel = new RecordingChannel(true);
    Watcher watcher = new Watcher(channel);

    watcher.send("p1");
    watcher.send("p2");

    assertThat(channel.closes).isZero();
  }
}
