package dev.sluice.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver in the test JVM that records every body POSTed to {@code /hook} and answers
 * 204. The test server allow-lists loopback on {@link #ALLOWED_PORT} only (arquillian.xml); a
 * listener on any other port is one Sluice must not reach.
 */
final class WebhookListener implements AutoCloseable {

  /** The one loopback port the test server's {@code sluice.webhooks.allowed-hosts} opens. */
  static final int ALLOWED_PORT = Integer.getInteger("sluice.it.webhook-port", 18452);

  private final HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final CountDownLatch first = new CountDownLatch(1);

  private WebhookListener(InetAddress address, int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
          first.countDown();
        });
    server.start();
  }

  /** Listens on the allow-listed loopback port. */
  static WebhookListener allowed() {
    return new WebhookListener(InetAddress.getLoopbackAddress(), ALLOWED_PORT);
  }

  /** Listens on a free port of {@code address}: closed to webhooks by default. */
  static WebhookListener on(InetAddress address) {
    return new WebhookListener(address, 0);
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<String> bodies() {
    return List.copyOf(bodies);
  }

  /** Whether a first webhook arrived within the time given. */
  boolean heardWithin(long seconds) throws InterruptedException {
    return first.await(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
