package dev.sluice.llm.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.llm.ProviderRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 (the JDK's built-in one) for engine tests, plus the runtime the
 * client side runs on. Server handlers may block: they run on the server's own threads.
 */
public final class LocalServer implements AutoCloseable {

  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final HttpServer server;
  private final ExecutorService serverThreads = Executors.newCachedThreadPool();
  private final ExecutorService clientThreads = Executors.newCachedThreadPool();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  /** Released when the test ends, so handlers parked on it finish. */
  public final CountDownLatch release = new CountDownLatch(1);

  /** Completed by {@link #writeUntilClosed} with the failure that showed the client had gone. */
  public final CompletableFuture<IOException> clientGone = new CompletableFuture<>();

  public LocalServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(serverThreads);
    server.start();
  }

  public void handle(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /** Wall clock fixed at {@link #NOW}, monotonic clock real. */
  public ProviderRuntime runtime() {
    return new ProviderRuntime(
        clientThreads, scheduler, Clock.fixed(NOW, ZoneOffset.UTC), System::nanoTime);
  }

  public static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * Keeps writing SSE comments until a write fails, which is how a server notices the client closed
   * the connection; bounded so a broken test cannot loop forever.
   */
  public void writeUntilClosed(HttpExchange exchange) {
    try {
      OutputStream out = exchange.getResponseBody();
      for (int i = 0; i < 500; i++) {
        write(out, ": still here " + "x".repeat(1024) + "\n\n");
        Thread.sleep(10);
      }
    } catch (IOException gone) {
      clientGone.complete(gone);
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }

  public void awaitRelease() {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    serverThreads.shutdownNow();
    clientThreads.shutdownNow();
    scheduler.shutdownNow();
  }
}
