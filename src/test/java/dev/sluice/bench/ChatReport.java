package dev.sluice.bench;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the chat benchmark's figures as Markdown: one summary table (a row per scenario, Sluice
 * against the simulator read directly), then each scenario's details.
 */
final class ChatReport {

  private static final double MIB = 1024.0 * 1024.0;
  private static final String NOT_RUN = " not run | — | — | — | — | — | — |";

  private ChatReport() {}

  static String render(ChatOptions o, ChatResults r) {
    StringBuilder out = new StringBuilder();
    out.append(header(o, r));
    out.append(summary(o, r));
    if (r.idle != null) {
      out.append(idle(o, r.idle));
    }
    if (r.burst != null) {
      out.append(burst(o, r));
    }
    if (r.steady != null) {
      out.append(steady(o, r.steady));
    }
    if (r.intakeSluice != null) {
      out.append(intake(o, r.intakeSluice, r.intakeDirect));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%nWarm-up: Sluice %s; direct %s.%n",
            r.warmup.summary(),
            r.directWarmup.summary()));
    return out.toString();
  }

  private static String header(ChatOptions o, ChatResults r) {
    long maxHeap = r.idleServer == null ? -1 : r.idleServer.maxHeapBytes() >> 20;
    return String.format(
        Locale.ROOT,
        """
        # Chat jobs benchmark: %s

        Database: **%s**.

        Sluice on Open Liberty (server `%s`, embedded JMS%s). Simulator in its own process (OpenAI
        wire format): first token after %d ms, then %d tokens every %d ms. Client: JDK HttpClient
        and WebSocket on 2 callback threads, %s %s. %d cores shared by all three.
        Each Sluice question: `POST /api/chats/{id}/messages` to a chat whose socket on
        `/ws/chats/{id}` is already open. Each direct question (the baseline): the same client,
        `POST /v1/chat/completions` with `"stream": true` straight to the simulator, its server-sent
        events parsed by the client; sent as the Sluice ones were, right after them.

        Command: `%s`

        """,
        scenarioTitle(o),
        r.database.describe(),
        o.serverName(),
        maxHeap < 0 ? "" : ", max heap " + maxHeap + " MiB",
        o.firstTokenDelay().toMillis(),
        o.outputTokens(),
        o.interTokenDelay().toMillis(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        r.commandLine);
  }

  private static String scenarioTitle(ChatOptions o) {
    StringBuilder title = new StringBuilder();
    for (ChatOptions.Scenario s : o.scenarios()) {
      title.append(title.length() == 0 ? "" : ", ");
      title.append(
          switch (s) {
            case IDLE -> "idle";
            case BURST -> "burst of " + o.chats();
            case STEADY -> String.format(Locale.ROOT, "steady %.0f/s", o.rate());
            case INTAKE -> "intake";
          });
    }
    return title.toString();
  }

  private static String summary(ChatOptions o, ChatResults r) {
    StringBuilder t = new StringBuilder();
    t.append(
        """
        ## Summary

        | scenario | Sluice TTFT p50 / p99 | direct TTFT p50 / p99 | added by Sluice p50 / p99 | frames lost | inter-chunk p99 added | live heap per chat | intake q/s Sluice / direct |
        |---|---|---|---|---|---|---|---|
        """);
    t.append("| idle, one question at a time (").append(o.idleQuestions()).append(") |");
    t.append(r.idle == null ? NOT_RUN : row(r.idle, "—") + " — |").append('\n');
    t.append("| burst of ").append(o.chats()).append(" at once |");
    t.append(r.burst == null ? NOT_RUN : row(r.burst, heapPerChat(o, r)) + " — |").append('\n');
    t.append(
        String.format(
            Locale.ROOT,
            "| steady %.0f/s for %d s (%d questions) |",
            o.rate(),
            o.duration().toSeconds(),
            o.steadyQuestions()));
    t.append(r.steady == null ? NOT_RUN : row(r.steady, "—") + " — |").append('\n');
    t.append(
        String.format(
            Locale.ROOT,
            "| intake, %d clients, %d-token answers |",
            o.intakeClients(),
            o.intakeTokens()));
    if (r.intakeSluice == null) {
      t.append(NOT_RUN);
    } else {
      Comparison c = Comparison.of(r.intakeSluice.firstToken(), r.intakeDirect.firstToken());
      t.append(
          String.format(
              Locale.ROOT,
              " %s | %s | %s | — | — | — | %.1f accepted, %.1f reached the provider / %.1f |",
              pair(c.sluiceP50(), c.sluiceP99()),
              pair(c.directP50(), c.directP99()),
              pair(c.addedP50(), c.addedP99()),
              r.intakeSluice.acceptedPerSecond(),
              r.intakeSluice.providerPerSecond(),
              r.intakeDirect.providerPerSecond()));
    }
    t.append('\n');
    t.append(
        """

        TTFT: time to first token as the client observed it, from sending the question to the
        answer's first chunk (Sluice: the socket's first chunk frame; direct: the first content
        event). Added by Sluice: Sluice's percentile less the direct one, both measured in this run.
        Frames lost: chunks the final frame numbered that never arrived (goal 0). Inter-chunk p99
        added: p99 of the gaps between consecutive chunks of an answer, Sluice's less the direct
        one's. Intake: questions accepted (202) and requests that reached the simulator per second,
        counted by its `/_sim/stats` over the window; direct: requests that reached the simulator
        per second in the same closed loop.

        """);
    return t.toString();
  }

  /** Columns 2 to 7 of a round's summary row. */
  private static String row(ScenarioResult s, String heap) {
    Comparison ttft = s.firstToken();
    Comparison gaps = s.chunkGaps();
    return String.format(
        Locale.ROOT,
        " %s | %s | %s | %d | %s | %s |",
        pair(ttft.sluiceP50(), ttft.sluiceP99()),
        pair(ttft.directP50(), ttft.directP99()),
        pair(ttft.addedP50(), ttft.addedP99()),
        s.sluice().outcome().lost(),
        ms(gaps.addedP99()),
        heap);
  }

  private static String heapPerChat(ChatOptions o, ChatResults r) {
    if (r.plateau == null || r.plateau.snapshot == null || r.idleServer == null) {
      return "—";
    }
    double perChat =
        (r.plateau.snapshot.liveHeapBytes() - r.idleServer.liveHeapBytes()) / (double) o.chats();
    return String.format(Locale.ROOT, "%.1f KiB", perChat / 1024);
  }

  private static String idle(ChatOptions o, ScenarioResult s) {
    Comparison ttft = s.firstToken();
    return String.format(
            Locale.ROOT,
            """
            ## Idle: one question at a time

            %d questions after the warm-up and %d s of settling, each to a new chat, each sent %s.
            TTFT max: Sluice %s, direct %s, added %s.

            """,
            o.idleQuestions(),
            o.settle().toSeconds(),
            new Arrivals.OneAtATime(ChatBenchmark.IDLE_GAP),
            ms(ttft.sluiceMax()),
            ms(ttft.directMax()),
            ms(ttft.addedMax()))
        + roundTable(o, s);
  }

  private static String burst(ChatOptions o, ChatResults r) {
    ScenarioResult s = r.burst;
    return String.format(
            Locale.ROOT,
            """
            ## Burst: %d questions at once

            Every chat's socket open first, then all %d questions in one burst (sent in %d ms), so the
            answers stream together; then the same %d straight to the simulator.

            """,
            o.chats(),
            o.chats(),
            s.sluice().posting().took().toMillis(),
            o.chats())
        + roundTable(o, s)
        + plateau(o, r)
        + growth(r.idleServer, r.plateau.snapshot)
        + String.format(Locale.ROOT, "%nPlateau round: %s.%n%n", r.plateauRound.summary());
  }

  private static String steady(ChatOptions o, ScenarioResult s) {
    OpenLoopSchedule sluice = s.sluice().posting().schedule();
    OpenLoopSchedule direct = s.direct().posting().schedule();
    return String.format(
            Locale.ROOT,
            """
            ## Steady arrival: %.0f questions a second for %d s

            %d questions, each to its own chat whose socket was opened before the first; each sent at
            its scheduled time by a timer at a fixed rate, open loop (a late server makes answers
            late, never questions). Schedule lag: how late a question went out after its due time.

            | schedule | Sluice | direct |
            |---|---|---|
            | questions sent / scheduled | %d / %d | %d / %d |
            | rate achieved | %.1f /s | %.1f /s |
            | schedule lag p50 / p99 / max | %s / %s / %s | %s / %s / %s |

            """,
            o.rate(),
            o.duration().toSeconds(),
            o.steadyQuestions(),
            sluice.sent(),
            sluice.count(),
            direct.sent(),
            direct.count(),
            sluice.achievedRate(),
            direct.achievedRate(),
            ms(sluice.lag.percentileMillis(50)),
            ms(sluice.lag.percentileMillis(99)),
            ms(sluice.maxLagNanos() / 1e6),
            ms(direct.lag.percentileMillis(50)),
            ms(direct.lag.percentileMillis(99)),
            ms(direct.maxLagNanos() / 1e6))
        + roundTable(o, s);
  }

  /** A round through Sluice beside its direct baseline. */
  private static String roundTable(ChatOptions o, ScenarioResult s) {
    ChatOutcome a = s.sluice().outcome();
    ChatOutcome b = s.direct().outcome();
    RoundTally x = s.sluice().tally();
    RoundTally y = s.direct().tally();
    return String.format(
        Locale.ROOT,
        """
        | figure | Sluice | direct |
        |---|---|---|
        | answers completed (intact) | %d / %d (%d) | %d / %d (%d) |
        | answers not completed | %s | %s |
        | frames lost / doubled / texts not matching / resyncs | %d / %d / %d / %d | %d / — / — / — |
        | chunks received / expected | %d / %d | %d / %d |
        | TTFT p50 / p99 / max | %s / %s / %s | %s / %s / %s |
        | TTFT added over the simulator's pace p50 / p99 | %s / %s | %s / %s |
        | gap between chunks p50 / p99 | %s / %s | %s / %s |
        | gap added over the simulator's pace p50 / p99 | %s / %s | %s / %s |
        | question accepted p50 / p99 (Sluice: POST 202; direct: response headers) | %s / %s | %s / %s |
        | most answers streaming at once | %d | %d |
        %s
        """,
        a.completed(),
        a.chats(),
        a.intact(),
        b.completed(),
        b.chats(),
        b.intact(),
        endings(a.otherEndings()),
        endings(b.otherEndings()),
        a.lost(),
        a.duplicates(),
        a.textMismatches(),
        a.resyncs(),
        b.lost(),
        a.chunks(),
        (long) a.chats() * o.outputTokens(),
        b.chunks(),
        (long) b.chats() * o.outputTokens(),
        ms(x.firstToken.percentileMillis(50)),
        ms(x.firstToken.percentileMillis(99)),
        ms(x.firstToken.percentileMillis(100)),
        ms(y.firstToken.percentileMillis(50)),
        ms(y.firstToken.percentileMillis(99)),
        ms(y.firstToken.percentileMillis(100)),
        ms(x.firstTokenDelay.percentileMillis(50)),
        ms(x.firstTokenDelay.percentileMillis(99)),
        ms(y.firstTokenDelay.percentileMillis(50)),
        ms(y.firstTokenDelay.percentileMillis(99)),
        ms(x.chunkGap.percentileMillis(50)),
        ms(x.chunkGap.percentileMillis(99)),
        ms(y.chunkGap.percentileMillis(50)),
        ms(y.chunkGap.percentileMillis(99)),
        ms(x.chunkDelay.percentileMillis(50)),
        ms(x.chunkDelay.percentileMillis(99)),
        ms(y.chunkDelay.percentileMillis(50)),
        ms(y.chunkDelay.percentileMillis(99)),
        ms(x.postLatency.percentileMillis(50)),
        ms(x.postLatency.percentileMillis(99)),
        ms(y.postLatency.percentileMillis(50)),
        ms(y.postLatency.percentileMillis(99)),
        a.peakStreaming(),
        b.peakStreaming(),
        a.allStarted() && b.allStarted()
            ? ""
            : "\n**Not every answer started before the deadline.**\n");
  }

  private static String plateau(ChatOptions o, ChatResults r) {
    PlateauReading plateau = r.plateau;
    ServerSnapshot idle = r.idleServer;
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

        The plateau round is a burst of its own, before the timed one: its heap reading stops the
        server's world, which would distort the timings. Live heap by %s: idle after the idle
        scenario, once the warm-up's answers had left the replay buffers; at the plateau every one of
        the %d chats had its socket open and its answer queued, streaming, or just ended and still
        replayable, so the growth is divided by %d.
        """,
        plateau.took.toMillis(),
        plateau.streamingBefore,
        plateau.streamingAfter,
        r.plateauRound.peakStreaming(),
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

  private static String intake(ChatOptions o, IntakeResult s, IntakeResult d) {
    double bound = o.intakeClients() / (o.intakeFirstToken().toNanos() / 1e9);
    return String.format(
        Locale.ROOT,
        """

        ## Intake at saturation: %d clients, %d-token answers

        Closed loop: each client has its own chat (socket open) or, directly, its own stream; it sends
        its next question as soon as its previous answer's first chunk arrives (`[sim:tokens=%d]` and
        `[sim:first-token=%d]` in the question keep streaming and waiting small). %d s of ramp, then a
        %.1f s window: events are counted
        by when they arrived. A client that waits the simulator's %d ms to first token alone bounds
        the loop at %.0f questions a second.

        | in the window | Sluice | direct |
        |---|---|---|
        | questions accepted (Sluice 202, direct 200) per second | **%.1f** | %.1f |
        | requests that reached the simulator (`/_sim/stats`) per second | **%.1f** | %.1f |
        | answers whose first chunk arrived, per second | %.1f | %.1f |
        | questions refused / went nowhere | %d / %d | %d / %d |
        | TTFT p50 / p99 | %s / %s | %s / %s |
        | question accepted p50 / p99 | %s / %s | %s / %s |
        | questions sent in all (ramp and drain too) / left without a first chunk | %d / %d | %d / %d |
        | CPU per question that reached the simulator: Sluice's server / the simulator | **%s** / %s | — / %s |

        CPU per question is the process's CPU time (user and system) over the window divided by the
        requests the simulator counted: a steadier figure than the rates on a shared machine, and
        the one that says how many questions a core can take.
        """,
        o.intakeClients(),
        o.intakeTokens(),
        o.intakeTokens(),
        o.intakeFirstToken().toMillis(),
        o.intakeRamp().toSeconds(),
        s.window().toNanos() / 1e9,
        o.intakeFirstToken().toMillis(),
        bound,
        s.acceptedPerSecond(),
        d.acceptedPerSecond(),
        s.providerPerSecond(),
        d.providerPerSecond(),
        s.startedPerSecond(),
        d.startedPerSecond(),
        s.rejected(),
        s.failed(),
        d.rejected(),
        d.failed(),
        ms(s.firstToken().percentileMillis(50)),
        ms(s.firstToken().percentileMillis(99)),
        ms(d.firstToken().percentileMillis(50)),
        ms(d.firstToken().percentileMillis(99)),
        ms(s.acceptLatency().percentileMillis(50)),
        ms(s.acceptLatency().percentileMillis(99)),
        ms(d.acceptLatency().percentileMillis(50)),
        ms(d.acceptLatency().percentileMillis(99)),
        s.askedTotal(),
        s.leftOutstanding(),
        d.askedTotal(),
        d.leftOutstanding(),
        cpu(s.serverMillisPerQuestion()),
        cpu(s.simulatorMillisPerRequest()),
        cpu(d.simulatorMillisPerRequest()));
  }

  /** Milliseconds of CPU, or "unknown". */
  static String cpu(Optional<Double> millis) {
    return millis.map(m -> String.format(Locale.ROOT, "%.2f ms", m)).orElse("unknown");
  }

  private static String endings(Map<String, Integer> others) {
    return others.isEmpty() ? "0" : others.toString();
  }

  private static String pair(double p50, double p99) {
    return ms(p50) + " / " + ms(p99);
  }

  /** Milliseconds: one decimal below 10 s, whole above; "—" when nothing was recorded. */
  static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return "—";
    }
    return Math.abs(millis) < 10_000
        ? String.format(Locale.ROOT, "%.1f ms", millis)
        : String.format(Locale.ROOT, "%,.0f ms", millis);
  }
}
