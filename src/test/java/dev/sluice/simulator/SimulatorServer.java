package dev.sluice.simulator;

import dev.sluice.llm.simulated.SimulatorSettings;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The LLM simulator as an HTTP server on 127.0.0.1: one Vert.x HTTP server per event loop sharing
 * one port, every answer paced by event-loop timers, so thousands of slow streams cost memory, not
 * threads. Tests call {@link #start}; benchmarks run {@link #main} through {@code bin/simulator}.
 */
public final class SimulatorServer implements AutoCloseable {

  private final Vertx vertx;
  private final SimulatorState state;
  private final int port;

  private SimulatorServer(Vertx vertx, SimulatorState state, int port) {
    this.vertx = vertx;
    this.state = state;
    this.port = port;
  }

  /** Starts a simulator that accepts any request; port 0 picks a free port. */
  public static SimulatorServer start(SimulatorSettings settings, int port) {
    return start(settings, port, null);
  }

  /** Starts a simulator; with an API key, requests without it get 401. */
  public static SimulatorServer start(SimulatorSettings settings, int port, String apiKey) {
    return start(settings, port, apiKey, BatchSettings.defaults());
  }

  /** Starts a simulator whose batch APIs take their time and limits from {@code batches}. */
  public static SimulatorServer start(
      SimulatorSettings settings, int port, String apiKey, BatchSettings batches) {
    int loops = Math.max(2, Runtime.getRuntime().availableProcessors());
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    SimulatorState state = new SimulatorState(settings, apiKey, batches);
    try {
      int actual = deploy(vertx, state, port == 0 ? freePort() : port, loops);
      return new SimulatorServer(vertx, state, actual);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("simulator could not listen on port " + port, e);
    }
  }

  /**
   * A port nobody listens on now. Vert.x shares one port among servers only when they name it, so
   * port 0 is resolved here rather than left to the first server.
   */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static int deploy(Vertx vertx, SimulatorState state, int port, int instances)
      throws Exception {
    AtomicInteger actual = new AtomicInteger();
    vertx
        .deployVerticle(
            () -> new Listener(state, port, actual),
            new DeploymentOptions().setInstances(instances))
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    return actual.get();
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port>}; the API paths start with {@code /v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public SimulatorStats.Snapshot stats() {
    return state.stats().snapshot();
  }

  /** The most recent requests' arrivals (up to 200,000), in the order they were answered. */
  public List<Arrival> arrivals() {
    return state.arrivals().snapshot();
  }

  /** Zeroes the counters, forgets the arrivals and the batches, and restarts the fault draws. */
  public void reset() {
    state.reset();
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("simulator did not close cleanly", e);
    }
  }

  /** Runs the simulator until the process ends; see {@link SimulatorCommandLine} for flags. */
  public static void main(String[] args) {
    SimulatorCommandLine line;
    try {
      line = SimulatorCommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(SimulatorCommandLine.USAGE);
      System.exit(2);
      return;
    }
    if (line.help()) {
      System.out.println(SimulatorCommandLine.USAGE);
      return;
    }
    SimulatorServer server = start(line.settings(), line.port(), line.apiKey(), line.batches());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "simulator-shutdown"));
    System.out.println("simulator listening on " + server.baseUrl());
  }

  /** One HTTP server on one event loop. */
  private static final class Listener extends AbstractVerticle {
    private final SimulatorState state;
    private final int port;
    private final AtomicInteger actual;

    Listener(SimulatorState state, int port, AtomicInteger actual) {
      this.state = state;
      this.port = port;
      this.actual = actual;
    }

    @Override
    public void start(Promise<Void> started) {
      HttpServerOptions options =
          new HttpServerOptions()
              .setHost("127.0.0.1")
              .setPort(port)
              .setAcceptBacklog(16_384)
              .setTcpNoDelay(true)
              .setReuseAddress(true)
              .setIdleTimeout(0)
              .setHandle100ContinueAutomatically(true);
      vertx
          .createHttpServer(options)
          .requestHandler(new SimulatorRouter(vertx, state))
          .listen()
          .onSuccess(
              server -> {
                actual.set(server.actualPort());
                started.complete();
              })
          .onFailure(started::fail);
    }
  }
}
