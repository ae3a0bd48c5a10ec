package dev.sluice.bench;

import java.util.Locale;

/** Renders the chat benchmark's figures as Markdown. */
final class ChatReport {

  private static final double MIB = 1024.0 * 1024.0;

  /** The outcomes of the benchmark's rounds, in the order they ran. */
  record Rounds(ChatOutcome warmup, ChatOutcome plateau, ChatOutcome timed) {}

  private ChatReport() {}

  static String render(
      ChatOptions o, Rounds rounds, ServerSnapshot idle, PlateauReading plateau, RoundTally timed) {
    return header(o, plateau.snapshot)
        + timings(o, rounds.timed(), timed)
        + server(o, idle, plateau, rounds.plateau())
        + growth(idle, plateau.snapshot)
        + String.format(
            Locale.ROOT,
            "%nWarm-up round: %s. Plateau round: %s.%n",
            rounds.warmup().summary(),
            rounds.plateau().summary());
  }

  private static String header(ChatOptions o, ServerSnapshot server) {
    return String.format(
        Locale.ROOT,
        """
        # Chat jobs benchmark: %d concurrent chats

        Each chat: `POST /api/chats`, a WebSocket on `/ws/chats/{id}`, then `POST /api/chats/{id}/messages`,
        all questions in one burst. Simulator (its own process, OpenAI wire format): first token after
        %d ms, then %d tokens every %d ms. Server: Sluice on Open Liberty (server `%s`, H2, embedded
        JMS), max heap %d MiB. Client: JDK HttpClient and WebSocket, %s %s. %d cores shared by all three.
        Rounds: a warm-up; a plateau round that reads the server's heap and threads while its answers
        stream; a timed round, undisturbed by that reading, for everything else.

        """,
        o.chats(),
        o.firstTokenDelay().toMillis(),
        o.outputTokens(),
        o.interTokenDelay().toMillis(),
        o.serverName(),
        server.maxHeapBytes() >> 20,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
  }

  private static String timings(ChatOptions o, ChatOutcome out, RoundTally t) {
    return String.format(
        Locale.ROOT,
        """
        | timed round | value |
        |---|---|
        | answers completed | %d / %d (intact: %d) |
        | answers not completed | %s |
        | frames lost (goal 0) | %d |
        | chunks received twice / completed texts not matching their chunks | %d / %d |
        | resyncs (server dropped a socket's backlog; the client resumed) | %d |
        | chunks received / expected | %d / %d |
        | added time to first token p50 / p99 | %.1f ms / %.1f ms |
        | added inter-token delay p50 / p99 | %.1f ms / %.1f ms |
        | burst of questions sent in / POST answered (202) p50 / p99 | %d ms / %.1f ms / %.1f ms |
        | most answers streaming at once | %d |
        %s
        Added = observed minus the simulator's pace (a gap shorter than the pace counts as 0). Time to
        first token counts from the moment the chat's question was posted: the REST call, the
        database, the JMS queue, the admission gate, the provider call and the WebSocket relay, and
        the client's own share of the cores.

        """,
        out.completed(),
        out.chats(),
        out.intact(),
        out.otherEndings().isEmpty() ? "0" : out.otherEndings().toString(),
        out.lost(),
        out.duplicates(),
        out.textMismatches(),
        out.resyncs(),
        out.chunks(),
        (long) o.chats() * o.outputTokens(),
        t.firstTokenDelay.percentileMillis(50),
        t.firstTokenDelay.percentileMillis(99),
        t.chunkDelay.percentileMillis(50),
        t.chunkDelay.percentileMillis(99),
        out.posting().toMillis(),
        t.postLatency.percentileMillis(50),
        t.postLatency.percentileMillis(99),
        out.peakStreaming(),
        out.allStarted() ? "" : "\n**Not every answer started before the deadline.**\n");
  }

  private static String server(
      ChatOptions o, ServerSnapshot idle, PlateauReading plateau, ChatOutcome round) {
    ServerSnapshot peak = plateau.snapshot;
    double perChat = (peak.liveHeapBytes() - idle.liveHeapBytes()) / (double) o.chats();
    return String.format(
        Locale.ROOT,
        """
        | plateau round (server JVM) | value |
        |---|---|
        | answers streaming before / after the reading (%d ms) / most at once | %d / %d / %d |
        | live heap idle / at plateau | %.1f MiB / %.1f MiB |
        | **live heap per active chat** | %.1f KiB |
        | threads idle / at plateau / most since start | %d / %d / %d |

        Live heap by %s: idle after the warm-up, once its answers had left the replay buffers; at the
        plateau every one of the %d chats had its socket open and its answer queued, streaming, or
        just ended and still replayable, so the growth is divided by %d.
        """,
        plateau.took.toMillis(),
        plateau.streamingBefore,
        plateau.streamingAfter,
        round.peakStreaming(),
        idle.liveHeapBytes() / MIB,
        peak.liveHeapBytes() / MIB,
        perChat / 1024,
        idle.threads(),
        peak.threads(),
        peak.peakThreads(),
        peak.method(),
        o.chats(),
        o.chats());
  }

  private static String growth(ServerSnapshot idle, ServerSnapshot peak) {
    if (peak.histogram().isEmpty() || idle.histogram().isEmpty()) {
      return "";
    }
    StringBuilder table =
        new StringBuilder(
            "\nLive heap growth from idle to plateau, largest first:\n\n"
                + "| class | instances | KiB |\n|---|---:|---:|\n");
    for (HeapHistogram.Growth g : peak.histogram().growthSince(idle.histogram(), 12)) {
      table.append(
          String.format(
              Locale.ROOT,
              "| `%s` | %d | %.1f |%n",
              g.className(),
              g.instances(),
              g.bytes() / 1024.0));
    }
    return table.toString();
  }
}
