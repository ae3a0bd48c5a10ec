package dev.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The baseline of a {@link ChatRound}: the same questions, sent as the same {@link Arrivals} by the
 * same client, straight to the simulator as streamed chat completions. What Sluice adds to a figure
 * is its round's figure less this one's.
 */
final class DirectRound {

  private final DirectClient client;
  private final ChatOptions options;
  private final int streams;
  private final ScheduledExecutorService timer;
  private final List<DirectProbe> probes = new ArrayList<>();
  final RoundTally tally;
  Arrivals.Posting posting;

  DirectRound(
      DirectClient client, ChatOptions options, int streams, ScheduledExecutorService timer) {
    this.client = client;
    this.options = options;
    this.streams = streams;
    this.timer = timer;
    this.tally = new RoundTally(options, streams);
  }

  ChatOutcome run(Arrivals arrivals) throws Exception {
    for (int i = 0; i < streams; i++) {
      probes.add(new DirectProbe(tally));
    }
    posting =
        arrivals.post(
            streams,
            i -> client.stream("Benchmark question " + i, probes.get(i)),
            i -> probes.get(i).ending() != null,
            timer,
            options.deadline());
    long deadline = options.deadline().toMillis();
    boolean allStarted = tally.started.await(deadline, TimeUnit.MILLISECONDS);
    tally.ended.await(deadline, TimeUnit.MILLISECONDS);
    return ChatOutcome.ofDirect(
        probes, options.outputTokens(), posting.took(), allStarted && posting.complete());
  }
}
