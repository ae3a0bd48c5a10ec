package dev.sluice.bench;

import dev.sluice.admission.Priority;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Computes and renders the gate benchmark's figures as Markdown. */
final class GateReport {

  private static final long MINUTE = 60_000_000_000L;

  private GateReport() {}

  static String render(GateOptions o, GateRecorder r) {
    List<GateRecorder.Send> sends =
        r.sends.stream()
            .filter(s -> s.nanos <= r.stopNanos)
            .sorted(Comparator.comparingLong(s -> s.nanos))
            .toList();
    double minutes = (r.stopNanos - r.startNanos) / (double) MINUTE;
    long[] worst = worstWindow(sends, r.stopNanos);
    StringBuilder waits = new StringBuilder();
    for (Priority p : r.waits.keySet()) {
      LatencyHistogram h = r.waits.get(p);
      waits.append(
          String.format(
              Locale.ROOT,
              "| wait before first send, %s (p50 / p99, %d calls) | %.0f ms / %.0f ms |%n",
              p.name().toLowerCase(Locale.ROOT),
              h.count(),
              h.percentileMillis(50),
              h.percentileMillis(99)));
    }
    return String.format(
        Locale.ROOT,
        """
        # Admission gate benchmark

        Budget: %d requests and %d tokens per minute, %d in flight. Demand: %d calls per minute
        (10%% high, 20%% normal, 70%% batch) for %.1f minutes. Simulator (separate process): %.0f%%
        of requests answered 429 with Retry-After %s, otherwise 50 ms to first token and %d tokens.

        | figure | value |
        |---|---|
        | requests sent per minute / budget (goodput of the budget) | %.1f / %d = %.1f%% |
        | successful calls per minute / budget | %.1f / %d = %.1f%% |
        | 429s received | %d |
        | early sends (after a 429 was known, before its not-before) | %d |
        | worst 60-s window, requests / cap | %d / %d (%.2f%%) |
        | worst 60-s window, tokens / cap | %d / %d (%.2f%%) |
        %s| calls submitted / still waiting at the end | %d / %d |
        """,
        o.rpm(),
        o.tpm(),
        o.maxInFlight(),
        o.demand(),
        minutes,
        o.rateLimitRatio() * 100,
        o.retryAfter(),
        o.outputTokens(),
        sends.size() / minutes,
        o.rpm(),
        100 * sends.size() / minutes / o.rpm(),
        r.completed.get() / minutes,
        o.rpm(),
        100 * r.completed.get() / minutes / o.rpm(),
        r.rateLimited.get(),
        earlySends(sends, r.retryAfterWindows),
        worst[0],
        o.rpm(),
        100.0 * worst[0] / o.rpm(),
        worst[1],
        o.tpm(),
        100.0 * worst[1] / o.tpm(),
        waits,
        r.submitted.get(),
        r.submitted.get() - countFirstSends(r));
  }

  /** The most requests and the most tokens in any 60-s window that ends before the stop. */
  static long[] worstWindow(List<GateRecorder.Send> sends, long stop) {
    long maxRequests = 0;
    long maxTokens = 0;
    int end = 0;
    long tokens = 0;
    for (int start = 0; start < sends.size(); start++) {
      long windowEnd = sends.get(start).nanos + MINUTE;
      if (windowEnd > stop) {
        break;
      }
      while (end < sends.size() && sends.get(end).nanos < windowEnd) {
        tokens += sends.get(end++).tokens;
      }
      maxRequests = Math.max(maxRequests, end - start);
      maxTokens = Math.max(maxTokens, tokens);
      tokens -= sends.get(start).tokens;
    }
    return new long[] {maxRequests, maxTokens};
  }

  static long earlySends(List<GateRecorder.Send> sends, List<long[]> windows) {
    return sends.stream()
        .filter(s -> windows.stream().anyMatch(w -> s.nanos > w[0] && s.nanos < w[1]))
        .count();
  }

  private static long countFirstSends(GateRecorder r) {
    return r.waits.values().stream().mapToLong(LatencyHistogram::count).sum();
  }
}
