package dev.sluice.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Renders the streaming benchmark's figures as Markdown. */
final class Report {

  private Report() {}

  static String render(
      BenchOptions o,
      StreamingBenchmark.Measurement idle,
      StreamingBenchmark.Plateau plateau,
      StreamingBenchmark.Outcome outcome,
      LatencyHistogram firstToken,
      LatencyHistogram chunk) {
    StreamingBenchmark.Measurement peak = plateau.measurement;
    double heapPerStream = (peak.heapBytes() - idle.heapBytes()) / (double) o.streams();
    return String.format(
            Locale.ROOT,
            """
        # Streaming benchmark: %d concurrent streams

        Simulator (separate process): first token after %d ms, then %d tokens every %d ms.
        Measuring JVM: %s %s, %d cores, max heap %d MiB. Client: Sluice's OpenAI adapter (JDK HttpClient, HTTP/1.1).

        | figure | value |
        |---|---|
        | streams opened (all sent in) | %d (%d ms) |
        | streams completed | %d |
        | streams failed | %s |
        | chunks received / expected | %d / %d |
        | chunks lost | %d |
        | live threads idle / at plateau | %d / %d |
        | streams open at the plateau measurement (had their first token) | %d |
        | live heap idle / at plateau (after full GC) | %.1f MiB / %.1f MiB |
        | live heap per open stream | %.1f KiB |
        | added delay to first token p50 / p99 | %.1f ms / %.1f ms |
        | added delay between chunks p50 / p99 | %.1f ms / %.1f ms |
        | chunk gaps left out (they spanned the forced full GCs of the heap measurement) | %d |

        Added delay = observed gap minus the simulator's pace. Time to first token is counted from
        the moment each stream was started in a burst of all %d, so it includes sending the burst.
        """,
            o.streams(),
            o.firstTokenDelay().toMillis(),
            o.outputTokens(),
            o.interTokenDelay().toMillis(),
            System.getProperty("java.vm.name"),
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() >> 20,
            o.streams(),
            outcome.opened().toMillis(),
            outcome.completed(),
            outcome.failures().isEmpty() ? "0" : outcome.failures().toString(),
            outcome.chunks(),
            (long) o.streams() * o.outputTokens(),
            outcome.chunksLost(),
            idle.threads(),
            peak.threads(),
            plateau.streamsWithFirstToken,
            idle.heapBytes() / 1048576.0,
            peak.heapBytes() / 1048576.0,
            heapPerStream / 1024,
            firstToken.percentileMillis(50),
            firstToken.percentileMillis(99),
            chunk.percentileMillis(50),
            chunk.percentileMillis(99),
            plateau.window.skipped.get(),
            o.streams())
        + "\nThreads of the measuring JVM: "
        + ManagementFactory.getThreadMXBean().getThreadCount()
        + " at the end.\n";
  }
}
