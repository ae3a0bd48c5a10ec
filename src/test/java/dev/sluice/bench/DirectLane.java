package dev.sluice.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One intake client straight against the simulator: one streamed completion at a time, the next
 * sent as soon as the previous one's first content chunk arrived (its remaining chunks stream on
 * meanwhile), or when it was refused or ended without a chunk. The baseline of {@link SluiceLane}.
 */
final class DirectLane implements ClosedLoop.Lane {

  private static final long RETRY_MILLIS = 50;

  private final DirectClient client;
  private final ClosedLoop loop;
  private final RoundTally tally;
  private final String question;

  /**
   * @param tally shared by every lane of the loop: its histograms see every stream, the loop's own
   *     only the window's
   */
  DirectLane(DirectClient client, ClosedLoop loop, RoundTally tally, String question) {
    this.client = client;
    this.loop = loop;
    this.tally = tally;
    this.question = question;
  }

  @Override
  public void ask() {
    loop.asked();
    Ask ask = new Ask();
    ask.probe = new DirectProbe(tally, ask);
    client.stream(question, ask.probe);
  }

  /** What one question's stream tells the loop. */
  private final class Ask implements DirectProbe.Events {
    DirectProbe probe;

    @Override
    public void accepted(int status, long nanos) {
      loop.accepted(status == 200, probe.sentNanos(), nanos);
    }

    @Override
    public void firstChunk(long nanos) {
      if (loop.started(probe.sentNanos(), nanos)) {
        ask();
      }
    }

    @Override
    public void ended(boolean started, long nanos) {
      if (!started && loop.failed(nanos)) {
        CompletableFuture.runAsync(
            DirectLane.this::ask,
            CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS));
      }
    }
  }
}
