package dev.sluice.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Streams across the nodes of a running cluster (bin/cluster; issue 15): N answers asked at once,
 * spread over the nodes, each chat watched by one WebSocket on every node. The node that generated
 * an answer (its owner in the database) is that answer's same-node path, measured in the same run;
 * the other nodes' sockets are the cross-node path. Reports, per path, chunks lost, reordered or
 * doubled and the final frames; the latency each chunk adds on the cross-node path (its arrival
 * there minus its arrival on the owner's socket); and the p99 of the gaps between chunks on both.
 */
public final class ClusterStreamBenchmark {

  /** One socket's view of one answer: chunk sequence numbers and arrival times, in order. */
  private static final class Track {
    final List<long[]> chunks = new ArrayList<>();
    long outOfOrder;
    long duplicates;
    String end;
    long endLastSeq = -1;

    synchronized void chunk(long seq, long at) {
      long last = chunks.isEmpty() ? 0 : chunks.get(chunks.size() - 1)[0];
      if (seq == last) {
        duplicates++;
      } else if (seq != last + 1) {
        outOfOrder++;
      }
      chunks.add(new long[] {seq, at});
    }
  }

  private final List<URI> nodes;
  private final int answers;
  private final int tokens;
  private final int delayMs;
  private final String password;
  private final String database;

  /** answer id → node index → track. */
  private final Map<String, Track[]> tracks = new ConcurrentHashMap<>();

  private final java.util.concurrent.atomic.AtomicLong closedEarly =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean closing;

  /** chat id → answer id, once the question is posted. */
  private final Map<String, String> answerOfChat = new ConcurrentHashMap<>();

  private ClusterStreamBenchmark(Map<String, String> options) {
    nodes = new ArrayList<>();
    for (String port : options.getOrDefault("ports", "9181,9182,9183").split(",")) {
      nodes.add(URI.create("http://127.0.0.1:" + port.trim() + "/"));
    }
    answers = Integer.parseInt(options.getOrDefault("answers", "300"));
    tokens = Integer.parseInt(options.getOrDefault("tokens", "100"));
    delayMs = Integer.parseInt(options.getOrDefault("delay-ms", "50"));
    password = options.getOrDefault("password", System.getenv("SLUICE_DEMO_PASSWORD"));
    database = options.getOrDefault("database", "jdbc:postgresql://127.0.0.1:5432/sluice_cluster");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = NamedArgs.parse(args);
    ClusterStreamBenchmark benchmark = new ClusterStreamBenchmark(options);
    String report = benchmark.run();
    System.out.println(report);
    Path file = Path.of("target", "bench", "cluster-streams-" + benchmark.answers + ".md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println("report written to " + file);
    System.exit(report.contains("RESULT: PASS") ? 0 : 1);
  }

  private String run() throws Exception {
    ExecutorService executor = Executors.newCachedThreadPool();
    List<ChatClient> clients = new ArrayList<>();
    for (URI node : nodes) {
      clients.add(new ChatClient(node, "demo", password, executor, null));
    }
    CountDownLatch ended = new CountDownLatch(answers * nodes.size());
    List<String> chats = new ArrayList<>();
    List<WebSocket> sockets = new ArrayList<>();
    for (int i = 0; i < answers; i++) {
      String chat = clients.get(i % nodes.size()).createChat("cluster streams " + i).get();
      chats.add(chat);
      for (int n = 0; n < nodes.size(); n++) {
        sockets.add(clients.get(n).watch(chat, listener(chat, n, ended)).get(30, TimeUnit.SECONDS));
      }
    }
    String question = "[sim:tokens=" + tokens + "] [sim:delay=" + delayMs + "] Tell a story";
    List<CompletableFuture<?>> posted = new ArrayList<>();
    for (int i = 0; i < answers; i++) {
      String chat = chats.get(i);
      posted.add(
          clients
              .get(i % nodes.size())
              .ask(chat, question)
              .thenAccept(
                  response -> {
                    if (response.statusCode() != 202) {
                      throw new IllegalStateException(
                          response.statusCode() + " " + response.body());
                    }
                    answerOfChat.put(chat, answerId(response.body()));
                  }));
    }
    CompletableFuture.allOf(posted.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    // Answers take tokens × delay each, all at once; then a socket that still waits has lost its
    // end.
    long deadline =
        System.nanoTime()
            + TimeUnit.MILLISECONDS.toNanos(tokens * (long) delayMs) * 4
            + TimeUnit.MINUTES.toNanos(2);
    while (!ended.await(10, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
      System.out.println("waiting for " + ended.getCount() + " sockets' final frames");
    }
    boolean allEnded = ended.getCount() == 0;
    closing = true;
    sockets.forEach(WebSocket::abort);
    executor.shutdownNow();
    return report(allEnded, owners());
  }

  private WebSocket.Listener listener(String chat, int node, CountDownLatch ended) {
    return new WebSocket.Listener() {
      private final StringBuilder text = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        long at = System.nanoTime();
        text.append(data);
        if (last) {
          JsonObject frame = Json.createReader(new StringReader(text.toString())).readObject();
          text.setLength(0);
          onFrame(chat, node, frame, at, ended);
        }
        socket.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
        if (!closing) {
          System.out.println(
              "socket of chat "
                  + chat
                  + " on node "
                  + (node + 1)
                  + " closed: "
                  + status
                  + " "
                  + reason);
          closedEarly.incrementAndGet();
        }
        return null;
      }
    };
  }

  private void onFrame(String chat, int node, JsonObject frame, long at, CountDownLatch ended) {
    String type = frame.getString("type", "");
    if (!frame.containsKey("messageId")) {
      return;
    }
    Track track = tracks.computeIfAbsent(frame.getString("messageId"), id -> newTracks())[node];
    switch (type) {
      case "chunk" -> track.chunk(frame.getJsonNumber("seq").longValue(), at);
      case "completed", "failed", "interrupted", "cancelled" -> {
        synchronized (track) {
          if (track.end == null) {
            track.end = type;
            track.endLastSeq = frame.getJsonNumber("lastSeq").longValue();
            ended.countDown();
          }
        }
      }
      default -> {}
    }
  }

  private Track[] newTracks() {
    Track[] all = new Track[nodes.size()];
    for (int n = 0; n < all.length; n++) {
      all[n] = new Track();
    }
    return all;
  }

  /** Answer id → index of the node that generated it, from the database. */
  private Map<String, Integer> owners() throws Exception {
    Map<String, Integer> owners = new HashMap<>();
    try (Connection db = DriverManager.getConnection(database, "postgres", "");
        PreparedStatement query =
            db.prepareStatement(
                "SELECT m.id, n.name FROM chat_message m JOIN cluster_node n"
                    + " ON n.id = m.owner_node WHERE m.id = ANY (?)")) {
      query.setArray(1, db.createArrayOf("varchar", answerOfChat.values().toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          // bin/cluster's names: node1 on the first port, node2 on the second, ...
          owners.put(rows.getString(1), Integer.parseInt(rows.getString(2).substring(4)) - 1);
        }
      }
    }
    return owners;
  }

  private String report(boolean allEnded, Map<String, Integer> owners) {
    LatencyHistogram added = new LatencyHistogram();
    LatencyHistogram sameGaps = new LatencyHistogram();
    LatencyHistogram crossGaps = new LatencyHistogram();
    long sameChunks = 0;
    long crossChunks = 0;
    long lost = 0;
    long reordered = 0;
    long doubled = 0;
    long notCompleted = 0;
    long unowned = 0;
    for (String answer : answerOfChat.values()) {
      Track[] all = tracks.get(answer);
      Integer owner = owners.get(answer);
      if (all == null || owner == null) {
        unowned++;
        continue;
      }
      Track local = all[owner];
      if (System.getenv("BENCH_TRACE") != null) {
        for (int n = 0; n < all.length; n++) {
          StringBuilder line = new StringBuilder("answer " + answer + " node " + (n + 1) + ":");
          long t0 = local.chunks.isEmpty() ? 0 : local.chunks.get(0)[1];
          all[n].chunks.forEach(c -> line.append(' ').append((c[1] - t0) / 1_000_000));
          System.out.println(line);
        }
      }
      Map<Long, Long> localAt = new HashMap<>();
      local.chunks.forEach(c -> localAt.put(c[0], c[1]));
      for (int n = 0; n < all.length; n++) {
        Track track = all[n];
        boolean cross = n != owner;
        if (!"completed".equals(track.end)) {
          notCompleted++;
          if (notCompleted <= 5) {
            System.out.println(
                "answer "
                    + answer
                    + " on node "
                    + (n + 1)
                    + " (generated on node "
                    + (owner + 1)
                    + "): ended "
                    + track.end
                    + " after "
                    + track.chunks.size()
                    + " chunks");
          }
        }
        lost += Math.max(0, track.endLastSeq - track.chunks.size() + track.duplicates);
        reordered += track.outOfOrder;
        doubled += track.duplicates;
        gaps(track, cross ? crossGaps : sameGaps);
        if (cross) {
          crossChunks += track.chunks.size();
          for (long[] c : track.chunks) {
            Long there = localAt.get(c[0]);
            if (there != null) {
              added.record(c[1] - there);
            }
          }
        } else {
          sameChunks += track.chunks.size();
        }
      }
    }
    double addedGapP99 = crossGaps.percentileMillis(99) - sameGaps.percentileMillis(99);
    boolean pass =
        allEnded
            && closedEarly.get() == 0
            && unowned == 0
            && lost == 0
            && reordered == 0
            && doubled == 0
            && notCompleted == 0
            && answerOfChat.size() == answers;
    StringBuilder out = new StringBuilder();
    out.append("# Streams across nodes\n\n")
        .append(
            String.format(
                "%d answers of %d tokens, %d ms apart, asked round-robin on %d nodes; every chat"
                    + " watched by one WebSocket on each node.%n%n",
                answers, tokens, delayMs, nodes.size()))
        .append("| path | chunks | inter-chunk gap p50 | p99 |\n|---|---|---|---|\n")
        .append(row("same node (baseline, this run)", sameChunks, sameGaps))
        .append(row("another node", crossChunks, crossGaps))
        .append(
            String.format(
                "%nAdded by the cross-node path, per chunk (arrival on another node minus on the"
                    + " generating node): p50 %.1f ms, p99 %.1f ms, max %.1f ms.%n",
                added.percentileMillis(50),
                added.percentileMillis(99),
                added.percentileMillis(100)))
        .append(
            String.format("Inter-chunk gap p99, cross minus same node: %.1f ms.%n", addedGapP99))
        .append(
            String.format(
                "%nLost %d, reordered %d, doubled %d; sockets without a completed frame %d,"
                    + " closed by the server %d; answers without an owner or a frame %d.%n",
                lost, reordered, doubled, notCompleted, closedEarly.get(), unowned))
        .append(pass ? "\nRESULT: PASS\n" : "\nRESULT: FAIL\n");
    return out.toString();
  }

  private static void gaps(Track track, LatencyHistogram histogram) {
    for (int i = 1; i < track.chunks.size(); i++) {
      histogram.record(track.chunks.get(i)[1] - track.chunks.get(i - 1)[1]);
    }
  }

  private static String row(String path, long chunks, LatencyHistogram gaps) {
    return String.format(
        "| %s | %d | %.1f ms | %.1f ms |%n",
        path, chunks, gaps.percentileMillis(50), gaps.percentileMillis(99));
  }

  private static String answerId(String body) {
    return Json.createReader(new StringReader(body))
        .readObject()
        .getJsonObject("assistantMessage")
        .getString("id");
  }
}
