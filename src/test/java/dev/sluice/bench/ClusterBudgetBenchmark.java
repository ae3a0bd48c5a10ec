package dev.sluice.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One lane's budget across the nodes of a running cluster (bin/bench-cluster-budget; issue 15),
 * measured where it matters: at the provider. Questions are offered round-robin to every node,
 * faster than the lane's cap, for a few periods; then the simulator's log of arrivals (time,
 * tokens) is slid over, one period wide, from every arrival. Reports the most requests and tokens
 * any window saw against the caps, and how much of the caps the cluster used while saturated. The
 * baseline of the same run is the offered load: what reached the nodes, which the gate held back.
 */
public final class ClusterBudgetBenchmark {

  private record Arrival(long atMillis, long tokens) {}

  private final List<URI> nodes = new ArrayList<>();
  private final URI simulator;
  private final long requestsCap;
  private final long tokensCap;
  private final long periodMillis;
  private final int periods;
  private final double overload;
  private final long tokensPerRequest;
  private final String password;
  private final String database;

  private ClusterBudgetBenchmark(Map<String, String> options) {
    for (String port : options.getOrDefault("ports", "9181,9182,9183").split(",")) {
      nodes.add(URI.create("http://127.0.0.1:" + port.trim() + "/"));
    }
    simulator = URI.create(options.getOrDefault("simulator", "http://127.0.0.1:8089/"));
    requestsCap = Long.parseLong(options.getOrDefault("requests", "300"));
    tokensCap = Long.parseLong(options.getOrDefault("tokens", "100000000"));
    periodMillis = Long.parseLong(options.getOrDefault("period-seconds", "20")) * 1000;
    periods = Integer.parseInt(options.getOrDefault("periods", "4"));
    overload = Double.parseDouble(options.getOrDefault("overload", "1.3"));
    tokensPerRequest = Long.parseLong(options.getOrDefault("answer-tokens", "20"));
    password = options.get("password");
    database = options.getOrDefault("database", "jdbc:postgresql://127.0.0.1:5432/sluice_cluster");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = NamedArgs.parse(args);
    ClusterBudgetBenchmark benchmark = new ClusterBudgetBenchmark(options);
    String report = benchmark.run();
    System.out.println(report);
    Path file =
        Path.of(
            "target",
            "bench",
            "cluster-budget-" + benchmark.requestsCap + "-" + benchmark.tokensCap + ".md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println("report written to " + file);
    System.exit(report.contains("RESULT: PASS") ? 0 : 1);
  }

  private String run() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    List<ChatClient> clients = new ArrayList<>();
    for (URI node : nodes) {
      clients.add(new ChatClient(node, "demo", password, executor));
    }
    HttpClient http = HttpClient.newBuilder().executor(executor).build();
    http.send(
        HttpRequest.newBuilder(simulator.resolve("/_sim/reset"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.discarding());

    // Offered faster than the caps allow, for the periods measured.
    double capPerSecond =
        Math.min(requestsCap, tokensCap / (double) estimatedTokens()) * 1000.0 / periodMillis;
    double perSecond = capPerSecond * overload;
    long offered = Math.round(perSecond * periodMillis / 1000.0 * periods);
    AtomicLong refused = new AtomicLong();
    List<CompletableFuture<?>> questions = new java.util.concurrent.CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    OpenLoopSchedule schedule =
        new OpenLoopSchedule(
            start,
            OpenLoopSchedule.periodNanos(perSecond),
            (int) offered,
            System::nanoTime,
            i -> questions.add(ask(clients.get(i % clients.size()), i, refused)));
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    schedule.run(timer, Duration.ofMinutes(1));
    timer.shutdownNow();
    long offeredMillis = (System.nanoTime() - start) / 1_000_000;
    CompletableFuture.allOf(questions.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    List<Arrival> arrivals = arrivals(http);
    List<Arrival> admissions = admissions();
    executor.shutdownNow();
    return report(offered, offeredMillis, refused.get(), arrivals, admissions);
  }

  private CompletableFuture<?> ask(ChatClient client, int i, AtomicLong refused) {
    return client
        .createChat("budget " + i)
        .thenCompose(chat -> client.ask(chat, "[sim:tokens=" + tokensPerRequest + "] A question"))
        .thenAccept(
            response -> {
              if (response.statusCode() != 202) {
                refused.incrementAndGet();
              }
            })
        .exceptionally(
            e -> {
              refused.incrementAndGet();
              return null;
            });
  }

  /** What the gate charges a question at admission: prompt plus the answer's maximum. */
  private long estimatedTokens() {
    return Math.max(1, tokensPerRequest + 20);
  }

  private List<Arrival> arrivals(HttpClient http) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(simulator.resolve("/_sim/arrivals")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    JsonArray rows = Json.createReader(new StringReader(response.body())).readArray();
    List<Arrival> arrivals = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonArray row = rows.getJsonArray(i);
      // The chat calls the lane admitted; not the nodes' model listings nor refused calls.
      if (row.getInt(1) == 200 && row.getString(3).equals("POST /v1/chat/completions")) {
        arrivals.add(
            new Arrival(row.getJsonNumber(0).longValue(), row.getJsonNumber(2).longValue()));
      }
    }
    arrivals.sort((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
    return arrivals;
  }

  /**
   * When the gates admitted the lane's calls, from the nodes' generation records: the call's start
   * plus its wait in the gate. Their tokens are the provider's count of the call.
   */
  private List<Arrival> admissions() throws Exception {
    List<Arrival> admissions = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(database, "postgres", "");
        PreparedStatement query =
            db.prepareStatement(
                "SELECT started_at, gate_wait_ms, input_tokens + output_tokens FROM generation"
                    + " WHERE provider = 'bench' AND status = 'COMPLETED'");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        long at = rows.getTimestamp(1).toInstant().toEpochMilli() + rows.getLong(2);
        admissions.add(new Arrival(at, rows.getLong(3)));
      }
    }
    admissions.sort((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
    return admissions;
  }

  /** The most requests and tokens any window of one period holds, from each arrival on. */
  private long[] mostInAWindow(List<Arrival> arrivals) {
    long maxRequests = 0;
    long maxTokens = 0;
    int end = 0;
    long tokensInWindow = 0;
    for (int first = 0; first < arrivals.size(); first++) {
      if (end < first) {
        end = first;
        tokensInWindow = 0;
      }
      long limit = arrivals.get(first).atMillis() + periodMillis;
      while (end < arrivals.size() && arrivals.get(end).atMillis() < limit) {
        tokensInWindow += arrivals.get(end).tokens();
        end++;
      }
      maxRequests = Math.max(maxRequests, end - first);
      maxTokens = Math.max(maxTokens, tokensInWindow);
      tokensInWindow -= arrivals.get(first).tokens();
    }
    return new long[] {maxRequests, maxTokens};
  }

  private String report(
      long offered,
      long offeredMillis,
      long refused,
      List<Arrival> arrivals,
      List<Arrival> admissions) {
    long[] most = mostInAWindow(arrivals);
    long maxRequests = most[0];
    long maxTokens = most[1];
    long[] gate = mostInAWindow(admissions);
    long spanMillis =
        arrivals.isEmpty()
            ? 0
            : arrivals.get(arrivals.size() - 1).atMillis() - arrivals.get(0).atMillis();
    long totalTokens = arrivals.stream().mapToLong(Arrival::tokens).sum();
    // Saturated from the first arrival to the last: the caps allow the span at their pace, plus
    // the burst the bucket starts with (2 % of a period).
    double allowedPeriods = 0.02 + spanMillis / (double) periodMillis;
    double requestsUsed = arrivals.size() / (allowedPeriods * requestsCap);
    double tokensUsed = totalTokens / (allowedPeriods * tokensCap);
    boolean requestsHold = maxRequests <= Math.round(requestsCap * 1.01);
    boolean tokensHold = maxTokens <= Math.round(tokensCap * 1.01);
    boolean nearlyUsed = Math.max(requestsUsed, tokensUsed) >= 0.95;
    boolean pass = refused == 0 && requestsHold && tokensHold && nearlyUsed;
    return String.format(
        "# One budget for the cluster%n%n"
            + "%d nodes; the lane's caps: %d requests and %d tokens per %d s period.%n"
            + "Offered (baseline): %d questions in %.1f s, %.1f/s round-robin over the nodes,"
            + " %.0f %% of the caps' pace; %d refused.%n%n"
            + "| at the simulator | most in any one-period window | cap | within 1 %% |%n"
            + "|---|---|---|---|%n"
            + "| requests | %d | %d | %s |%n"
            + "| tokens | %d | %d | %s |%n%n"
            + "At the gates (the generation records' start plus wait in the gate, %d calls): at"
            + " most %d requests and %d tokens in one period.%n%n"
            + "%d requests and %d tokens arrived in %.1f s: %.1f %% of the request cap and"
            + " %.1f %% of the token cap over that span (the binding one must be at least 95 %%).%n"
            + "%nRESULT: %s%n",
        nodes.size(),
        requestsCap,
        tokensCap,
        periodMillis / 1000,
        offered,
        offeredMillis / 1000.0,
        offered * 1000.0 / Math.max(1, offeredMillis),
        overload * 100,
        refused,
        maxRequests,
        requestsCap,
        requestsHold ? "yes" : "NO",
        maxTokens,
        tokensCap,
        tokensHold ? "yes" : "NO",
        admissions.size(),
        gate[0],
        gate[1],
        arrivals.size(),
        totalTokens,
        spanMillis / 1000.0,
        requestsUsed * 100,
        tokensUsed * 100,
        pass ? "PASS" : "FAIL");
  }
}
