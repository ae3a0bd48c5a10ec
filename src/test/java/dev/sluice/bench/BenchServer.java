package dev.sluice.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sluice in the Liberty server that {@code bin/bench-chats} built, started with {@code server
 * start} and configured through environment variables alone: the simulator as an OpenAI provider,
 * an admission lane too wide to throttle, and one user. The database is H2 unless the {@code
 * SLUICE_DB} variables name another ({@link BenchDatabase}); H2's file is deleted before each
 * start, another database must be empty ({@code bin/bench-chats} recreates a PostgreSQL one).
 */
final class BenchServer implements AutoCloseable {

  static final String API_KEY = "bench-key";
  static final String MODEL = "bench-model";
  static final String USER = "bench";

  private static final Pattern PID = Pattern.compile("process ID (\\d+)");

  private final ChatOptions options;
  private final BenchDatabase database = BenchDatabase.fromEnvironment();
  private final String password = "bench-" + UUID.randomUUID();
  private OptionalLong pid = OptionalLong.empty();
  private boolean running;

  BenchServer(ChatOptions options) {
    this.options = options;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + options.httpPort());
  }

  String password() {
    return password;
  }

  BenchDatabase database() {
    return database;
  }

  /** The server's process id, for {@code jcmd}; empty if Liberty did not print it. */
  OptionalLong pid() {
    return pid;
  }

  void start(URI simulator) throws IOException, InterruptedException {
    Path dir = options.liberty().resolve("usr/servers").resolve(options.serverName());
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + " does not exist: run bin/bench-chats, which creates it");
    }
    if (isRunning()) {
      // Its database is about to be deleted, and its configuration would not be this run's.
      throw new IOException(
          "server "
              + options.serverName()
              + " is already running; stop it first: "
              + String.join(" ", command("stop").command()));
    }
    deleteTree(dir.resolve("data"));
    writeOverrides(dir);
    ProcessBuilder start = command("start");
    start.environment().putAll(environment(simulator));
    String output = run(start, Duration.ofMinutes(3));
    running = true;
    Matcher m = PID.matcher(output);
    pid = m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    awaitReady(Duration.ofMinutes(2));
  }

  @Override
  public synchronized void close() throws IOException, InterruptedException {
    if (running) {
      running = false;
      run(command("stop"), Duration.ofMinutes(1));
    }
  }

  private Map<String, String> environment(URI simulator) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SLUICE_PROVIDERS", "simulated,bench");
    env.put("SLUICE_PROVIDERS_BENCH_TYPE", "openai");
    env.put("SLUICE_PROVIDERS_BENCH_BASE_URL", simulator + "/v1");
    env.put("SLUICE_PROVIDERS_BENCH_API_KEY", API_KEY);
    env.put("SLUICE_PROVIDERS_BENCH_MODELS", MODEL);
    env.put("SLUICE_PROVIDERS_BENCH_DEFAULT_MODEL", MODEL);
    // One lane for the provider, so the three budgets below are all it takes.
    env.put("SLUICE_PROVIDERS_BENCH_LANE_PER", "provider");
    env.put("SLUICE_ADMISSION_LANES_BENCH_MAX_IN_FLIGHT", "100000");
    env.put("SLUICE_ADMISSION_LANES_BENCH_REQUESTS_PER_MINUTE", "100000000");
    // Far above any burst, yet under the bucket's limit of one token per nanosecond (6e10/min).
    env.put("SLUICE_ADMISSION_LANES_BENCH_TOKENS_PER_MINUTE", "10000000000");
    // One user holds every chat's socket (6,000 in the steady scenario): far above the default 32.
    env.put("SLUICE_SOCKET_MAX_PER_USER", "1000000");
    env.put("SLUICE_USERS", USER);
    env.put("SLUICE_USERS_BENCH_ROLES", "user");
    env.put("SLUICE_USERS_BENCH_PASSWORD", password);
    // The process inherits them anyway; named here so what the server runs on is this run's choice.
    env.putAll(database.settings());
    return env;
  }

  /**
   * The messaging engine is used in-process only; its TCP ports (7276, 7286) would collide with any
   * other Sluice server on the machine, so the bench server opens none.
   */
  private static void writeOverrides(Path dir) throws IOException {
    Path file = dir.resolve("configDropins/overrides/bench-chats.xml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        """
        <server>
          <wasJmsEndpoint wasJmsPort="-1" wasJmsSSLPort="-1"/>
        </server>
        """);
  }

  private void awaitReady(Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(baseUrl().resolve("/health/ready")).build();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // The application is still starting.
      }
      Thread.sleep(500);
    }
    throw new IOException("Sluice was not ready within " + timeout);
  }

  private boolean isRunning() throws IOException, InterruptedException {
    Process status = command("status").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return status.waitFor() == 0;
  }

  private ProcessBuilder command(String action) {
    Path script = options.liberty().resolve("bin/server").toAbsolutePath();
    return new ProcessBuilder(List.of(script.toString(), action, options.serverName()))
        .redirectErrorStream(true);
  }

  private static String run(ProcessBuilder builder, Duration timeout)
      throws IOException, InterruptedException {
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", builder.command()) + " failed:\n" + output);
    }
    return output;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
