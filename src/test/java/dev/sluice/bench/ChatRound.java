package dev.sluice.bench;

import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One round of the benchmark: N chats, each created and watched on its socket first, then one
 * question to each as the {@link Arrivals} say (by default in one burst, so the answers stream
 * together); an optional measurement runs at the plateau, when the most answers stream at once, and
 * the round ends when all have ended.
 */
final class ChatRound {

  /** Chats set up at once: setting up is not measured, and must not swamp the server. */
  static final int SETUP_CONCURRENCY = 32;

  private static final long QUIET_MILLIS = 1000;

  /** What to do while the answers stream. */
  interface Plateau {
    void measure(ChatRound round) throws Exception;
  }

  private final ChatClient client;
  private final ChatOptions options;
  private final int chats;
  final RoundTally tally;
  private final List<ChatProbe> probes = new ArrayList<>();
  private final List<String> chatIds = new ArrayList<>();
  private ScheduledExecutorService timer;
  Arrivals.Posting posting;

  ChatRound(ChatClient client, ChatOptions options, int chats) {
    this.client = client;
    this.options = options;
    this.chats = chats;
    this.tally = new RoundTally(options, chats);
  }

  /** The timer of a fixed-rate round. */
  ChatRound timer(ScheduledExecutorService timer) {
    this.timer = timer;
    return this;
  }

  /** Posts every question in one burst. */
  ChatOutcome run(Plateau plateau) throws Exception {
    return run(new Arrivals.Burst(), plateau);
  }

  ChatOutcome run(Arrivals arrivals, Plateau plateau) throws Exception {
    setUp();
    if (!(arrivals instanceof Arrivals.Burst)) {
      // Paced questions start on a quiet server, not in the tail of the set-up's work.
      Thread.sleep(QUIET_MILLIS);
    }
    posting =
        arrivals.post(
            chats, this::ask, i -> probes.get(i).ending() != null, timer, options.deadline());
    if (plateau != null) {
      awaitPlateau();
      plateau.measure(this);
    }
    long deadline = options.deadline().toMillis();
    boolean allStarted = tally.started.await(deadline, TimeUnit.MILLISECONDS);
    tally.ended.await(deadline, TimeUnit.MILLISECONDS);
    probes.forEach(ChatProbe::close);
    return ChatOutcome.of(probes, posting.took(), allStarted && posting.complete());
  }

  private void ask(int i) {
    ChatProbe probe = probes.get(i);
    probe.posting();
    client.ask(chatIds.get(i), "Benchmark question " + i).whenComplete(probe::posted);
  }

  /**
   * Waits until every answer has started or, when starts are spread wider than an answer lasts, the
   * number streaming has stopped rising: once an answer has ended, 200 ms without a new high.
   */
  private void awaitPlateau() throws InterruptedException {
    long end = System.nanoTime() + options.deadline().toNanos();
    long lastRise = System.nanoTime();
    int high = 0;
    while (tally.started.getCount() > 0 && System.nanoTime() < end) {
      Thread.sleep(20);
      int now = streaming();
      if (now > high) {
        high = now;
        lastRise = System.nanoTime();
      } else if (tally.ended.getCount() < chats && System.nanoTime() - lastRise > 200_000_000L) {
        return;
      }
    }
  }

  /** Answers that have sent their first chunk and not ended. */
  int streaming() {
    return (int)
        probes.stream().filter(p -> p.firstChunkNanos() != 0 && p.ending() == null).count();
  }

  private void setUp() throws Exception {
    Semaphore slots = new Semaphore(SETUP_CONCURRENCY);
    List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
    String[] ids = new String[chats];
    for (int i = 0; i < chats; i++) {
      ChatProbe probe = new ChatProbe(tally);
      probes.add(probe);
      int index = i;
      slots.acquire();
      sockets.add(
          client
              .createChat("Benchmark chat " + i)
              .thenCompose(
                  id -> {
                    ids[index] = id;
                    return client.watch(id, probe);
                  })
              .whenComplete((socket, error) -> slots.release()));
    }
    CompletableFuture.allOf(sockets.toArray(CompletableFuture[]::new))
        .get(options.deadline().toMillis(), TimeUnit.MILLISECONDS);
    chatIds.addAll(List.of(ids));
  }
}
