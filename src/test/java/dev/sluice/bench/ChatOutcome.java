package dev.sluice.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * How a round's answers ended, and what their sockets delivered.
 *
 * @param chats answers asked for
 * @param completed answers whose completed frame arrived
 * @param intact completed answers with every chunk once, in order, adding up to the completed text
 * @param otherEndings the answers that did not complete, by how they ended
 * @param chunks chunks received
 * @param lost chunks the final frames numbered that never arrived
 * @param duplicates chunks received twice
 * @param textMismatches completed answers whose chunks do not add up to the completed text
 * @param resyncs times the server dropped a socket's backlog and asked it to resume
 * @param peakStreaming most answers streaming at once, between first chunk and final frame
 * @param posting how long sending the burst of questions took
 * @param allStarted whether every answer started (or ended) before the deadline
 */
record ChatOutcome(
    int chats,
    int completed,
    int intact,
    Map<String, Integer> otherEndings,
    long chunks,
    long lost,
    long duplicates,
    int textMismatches,
    int resyncs,
    int peakStreaming,
    Duration posting,
    boolean allStarted) {

  static ChatOutcome of(List<ChatProbe> probes, Duration posting, boolean allStarted) {
    int completed = 0;
    int intact = 0;
    int mismatches = 0;
    int resyncs = 0;
    long chunks = 0;
    long lost = 0;
    long duplicates = 0;
    Map<String, Integer> others = new TreeMap<>();
    for (ChatProbe probe : probes) {
      String ending = probe.ending();
      if ("completed".equals(ending)) {
        completed++;
      } else {
        others.merge(ending == null ? "not ended by the deadline" : ending, 1, Integer::sum);
      }
      ChunkLedger ledger = probe.ledger();
      intact += probe.completedIntact() ? 1 : 0;
      mismatches += ledger.textMatches() ? 0 : 1;
      resyncs += probe.resyncs();
      chunks += ledger.received();
      lost += ledger.lost();
      duplicates += ledger.duplicates();
    }
    return new ChatOutcome(
        probes.size(),
        completed,
        intact,
        others,
        chunks,
        lost,
        duplicates,
        mismatches,
        resyncs,
        peakStreaming(probes, ChatProbe::firstChunkNanos, ChatProbe::endNanos),
        posting,
        allStarted);
  }

  /**
   * How the simulator's streams read directly ended. A stream is intact when it completed with
   * every chunk the simulator was asked for; a chunk short of that count is lost.
   */
  static ChatOutcome ofDirect(
      List<DirectProbe> probes, int expectedChunks, Duration posting, boolean allStarted) {
    int completed = 0;
    int intact = 0;
    long chunks = 0;
    long lost = 0;
    Map<String, Integer> others = new TreeMap<>();
    for (DirectProbe probe : probes) {
      String ending = probe.ending();
      int received = probe.chunks();
      if ("completed".equals(ending)) {
        completed++;
        intact += received == expectedChunks ? 1 : 0;
      } else {
        others.merge(ending == null ? "not ended by the deadline" : ending, 1, Integer::sum);
      }
      chunks += received;
      lost += ending == null ? 0 : Math.max(0, expectedChunks - received);
    }
    return new ChatOutcome(
        probes.size(),
        completed,
        intact,
        others,
        chunks,
        lost,
        0,
        0,
        0,
        peakStreaming(probes, DirectProbe::firstChunkNanos, DirectProbe::endNanos),
        posting,
        allStarted);
  }

  /** Sweeps the answers' streaming intervals in time order. */
  private static <P> int peakStreaming(
      List<P> probes, ToLongFunction<P> firstChunk, ToLongFunction<P> end) {
    List<long[]> edges = new ArrayList<>();
    for (P p : probes) {
      long first = firstChunk.applyAsLong(p);
      if (first != 0) {
        long last = end.applyAsLong(p);
        edges.add(new long[] {first, 1});
        edges.add(new long[] {last == 0 ? Long.MAX_VALUE : last, -1});
      }
    }
    // At equal times an end goes first: an answer that ends as another starts is not overlap.
    edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int now = 0;
    int peak = 0;
    for (long[] edge : edges) {
      now += (int) edge[1];
      peak = Math.max(peak, now);
    }
    return peak;
  }

  /** One line for the console, e.g. after the warm-up. */
  String summary() {
    return String.format(
        "%d/%d completed (%d intact), lost %d, duplicates %d, resyncs %d, other endings %s",
        completed, chats, intact, lost, duplicates, resyncs, otherEndings);
  }
}
