package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.platform.socket.SocketLimits;
import dev.sluice.testing.Poll;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limits every WebSocket endpoint keeps, seen from a raw TCP client inside the container (so
 * the test can read the per-user counts): a frame over the bound is refused with 1009 before the
 * server reads it, a request split into many frames is bounded too, binary frames are refused, a
 * user holds at most {@code sluice.socket.max-per-user} sockets, a quiet socket is closed after the
 * idle timeout, and however a socket ends its place is given back.
 */
@ExtendWith(ArquillianExtension.class)
class SocketLimitsIT {

  private static final int TOO_BIG = 1009;
  private static final int CANNOT_ACCEPT = 1003;
  private static final int POLICY = 1008;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(20);

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.withTests();
  }

  @ArquillianResource URL base;

  @Inject SocketLimits limits;

  @Test
  void aFrameOverTheBoundIsRefusedBeforeTheServerReadsIt() throws Exception {
    String chat = chatOf(Credentials.demo());
    for (long size : List.of(8L << 20, 128L << 20)) {
      try (RawSocket socket = open(chatSocket(chat), Credentials.demo())) {
        long start = System.nanoTime();
        long sent = socket.sendFrameOf(RawSocket.TEXT, true, size);

        assertClosed(socket, TOO_BIG);
        System.out.printf(
            "SocketLimitsIT: a %d MiB frame was refused after %d bytes had gone out, in %d ms%n",
            size >> 20, sent, (System.nanoTime() - start) / 1_000_000);
        // What went out before the close is what the kernel's buffers took, not the frame.
        assertTrue(sent < size, "the server stopped reading after " + sent + " of " + size);
      }
    }
    awaitNoSocketsOf("demo");
  }

  @Test
  void aRequestSplitIntoManySmallFramesIsBoundedToo() throws Exception {
    String chat = chatOf(Credentials.demo());
    long size = 8L << 20;
    try (RawSocket socket = open(chatSocket(chat), Credentials.demo())) {
      long sent = socket.sendFragmented(size, 1000);

      assertClosed(socket, TOO_BIG);
      assertTrue(sent < size, "the server stopped reading after " + sent + " of " + size);
    }
    awaitNoSocketsOf("demo");
  }

  @Test
  void aRequestInSeveralFramesStillWorks() throws Exception {
    String chat = chatOf(Credentials.demo());
    try (RawSocket socket = open(chatSocket(chat), Credentials.demo())) {
      byte[] request =
          "{\"type\":\"resume\",\"messageId\":\"nope\",\"afterSeq\":0}".getBytes("UTF-8");
      socket.send(RawSocket.TEXT, false, java.util.Arrays.copyOfRange(request, 0, 10));
      socket.send(RawSocket.CONTINUATION, false, java.util.Arrays.copyOfRange(request, 10, 30));
      socket.send(
          RawSocket.CONTINUATION, true, java.util.Arrays.copyOfRange(request, 30, request.length));

      RawSocket.Frame reply = socket.nextFrame(CLOSE_WAIT).orElseThrow();
      var status = Json.createReader(new java.io.StringReader(reply.text())).readObject();
      assertEquals("nope", status.getString("messageId"));
      assertEquals("unknown", status.getString("status"));
    }
    awaitNoSocketsOf("demo");
  }

  @Test
  void binaryFramesAreRefusedAndALargeOneUnread() throws Exception {
    String chat = chatOf(Credentials.demo());
    try (RawSocket socket = open(chatSocket(chat), Credentials.demo())) {
      long size = 8L << 20;
      long sent = socket.sendFrameOf(RawSocket.BINARY, true, size);

      assertClosed(socket, TOO_BIG);
      assertTrue(sent < size, "the server stopped reading after " + sent + " of " + size);
    }
    try (RawSocket socket = open(chatSocket(chat), Credentials.demo())) {
      socket.send(RawSocket.BINARY, true, new byte[] {1, 2, 3});

      assertClosed(socket, CANNOT_ACCEPT);
    }
    awaitNoSocketsOf("demo");
  }

  @Test
  void theBatchSocketTakesNoMessages() throws Exception {
    String batch = batchOfDemo();
    try (RawSocket socket = open(batchSocket(batch), Credentials.demo())) {
      long size = 8L << 20;
      long sent = socket.sendFrameOf(RawSocket.TEXT, true, size);

      assertClosed(socket, TOO_BIG);
      assertTrue(sent < size, "the server stopped reading after " + sent + " of " + size);
    }
    try (RawSocket socket = open(batchSocket(batch), Credentials.demo())) {
      socket.sendText("{}");

      assertClosed(socket, CANNOT_ACCEPT);
    }
    awaitNoSocketsOf("demo");
  }

  @Test
  void aUserHoldsAtMostTheQuotaAndGetsPlacesBackAsSocketsClose() throws Exception {
    Credentials demo2 = Credentials.of("demo2");
    String chat = chatOf(demo2);
    awaitNoSocketsOf("demo2");
    int max = limits.quota().maxPerUser();
    List<SocketClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < max; i++) {
        SocketClient client = SocketClient.open(chatSocket(chat), demo2.header(), origin());
        client.awaitSubscribed();
        open.add(client);
      }
      assertEquals(max, limits.quota().openBy("demo2"));

      SocketClient refused = SocketClient.open(chatSocket(chat), demo2.header(), origin());
      refused.assertRefused();
      assertEquals(max, limits.quota().openBy("demo2"), "a refused socket holds no place");
      // The quota is the user's: someone else still gets in.
      SocketClient other =
          SocketClient.open(
              chatSocket(chatOf(Credentials.demo())), Credentials.demo().header(), origin());
      other.awaitSubscribed();
      other.close();

      open.remove(0).close();
      Poll.until(
          () -> Optional.of(true).filter(x -> limits.quota().openBy("demo2") == max - 1),
          () -> "the closed socket's place back");
      SocketClient again = SocketClient.open(chatSocket(chat), demo2.header(), origin());
      again.awaitSubscribed();
      open.add(again);
    } finally {
      for (SocketClient client : open) {
        client.close();
      }
    }
    awaitNoSocketsOf("demo2");
  }

  @Test
  void everyWayASocketEndsGivesItsPlaceBack() throws Exception {
    String chat = chatOf(Credentials.demo());
    awaitNoSocketsOf("demo");

    // Dropped without a close frame, as a crashed client or a lost network would.
    RawSocket dropped = open(chatSocket(chat), Credentials.demo());
    awaitSocketsOf("demo", 1);
    dropped.close();
    awaitNoSocketsOf("demo");

    // Closed by the server: a malformed request.
    try (RawSocket malformed = open(chatSocket(chat), Credentials.demo())) {
      malformed.sendText("not json");
      assertClosed(malformed, CANNOT_ACCEPT);
    }
    awaitNoSocketsOf("demo");

    // Refused before admission: someone else's chat takes no place at all.
    try (RawSocket foreign =
        open(chatSocket(chatOf(Credentials.of("demo2"))), Credentials.demo())) {
      assertClosed(foreign, POLICY);
    }
    assertEquals(0, limits.quota().openBy("demo"));
  }

  @Test
  void aQuietSocketIsClosedAfterTheIdleTimeout() throws Exception {
    String chat = chatOf(Credentials.demo());
    Duration idle = limits.idleTimeout();
    assertTrue(idle.toSeconds() <= 60, "the test server's idle timeout is short: " + idle);
    try (RawSocket quiet = open(chatSocket(chat), Credentials.demo())) {
      long start = System.nanoTime();

      Optional<RawSocket.Frame> close = quiet.awaitClose(idle.plusSeconds(30));

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(close.isPresent(), "closed within " + idle.plusSeconds(30));
      assertTrue(took.compareTo(idle.minusSeconds(2)) >= 0, "not before the timeout: " + took);
    }
    awaitNoSocketsOf("demo");
  }

  @Test
  void aHandshakeWithoutSignInIsRefused() {
    assertThrows(
        java.io.IOException.class,
        () -> RawSocket.open(chatSocket(chatOf(Credentials.demo())), null, origin()));
  }

  private RawSocket open(URI uri, Credentials user) throws Exception {
    return RawSocket.open(uri, user.header(), origin());
  }

  private static void assertClosed(RawSocket socket, int code) throws Exception {
    RawSocket.Frame close =
        socket
            .awaitClose(CLOSE_WAIT)
            .orElseThrow(() -> new AssertionError("no close frame within " + CLOSE_WAIT));
    assertEquals(code, close.closeCode(), "close reason: " + close.closeReason());
  }

  private void awaitNoSocketsOf(String user) {
    awaitSocketsOf(user, 0);
  }

  private void awaitSocketsOf(String user, int count) {
    Poll.until(
        () -> Optional.of(true).filter(x -> limits.quota().openBy(user) == count),
        () -> count + " sockets of " + user + ", not " + limits.quota().openBy(user));
  }

  private String chatOf(Credentials user) {
    HttpResponse<String> created =
        new Http(base).as(user).postJson("/api/chats", "{\"title\":\"limits\"}");
    assertEquals(201, created.statusCode(), created.body());
    return Http.json(created).asJsonObject().getString("id");
  }

  private String batchOfDemo() {
    Http demo = new Http(base).as(Credentials.demo());
    HttpResponse<String> doc =
        demo.postJson(
            "/api/documents",
            "{\"title\":\"socket limits "
                + java.util.UUID.randomUUID()
                + "\",\"text\":\"Some text.\"}");
    assertEquals(201, doc.statusCode(), doc.body());
    String docId = Http.json(doc).asJsonObject().getString("id");
    HttpResponse<String> created =
        demo.postJson(
            "/api/batches", "{\"documentIds\":[\"" + docId + "\"],\"analyses\":[\"summary\"]}");
    assertEquals(202, created.statusCode(), created.body());
    return Http.json(created).asJsonObject().getString("id");
  }

  private URI chatSocket(String chat) {
    return socket("/ws/chats/" + chat);
  }

  private URI batchSocket(String batch) {
    return socket("/ws/batches/" + batch);
  }

  private URI socket(String path) {
    return URI.create(new Http(base).resolve(path).toString().replaceFirst("^http", "ws"));
  }

  private String origin() {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
  }
}
