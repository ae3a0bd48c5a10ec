package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Jakarta WebSocket client for integration tests that queues every frame it receives, signing in
 * with HTTP Basic and sending the {@code Origin} a browser would.
 */
final class SocketClient extends Endpoint {

  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile CloseReason closeReason;
  private Session session;

  static SocketClient open(URI uri, String authorization, String origin) throws Exception {
    ClientEndpointConfig config =
        ClientEndpointConfig.Builder.create()
            .configurator(
                new ClientEndpointConfig.Configurator() {
                  @Override
                  public void beforeRequest(Map<String, List<String>> headers) {
                    if (authorization != null) {
                      headers.put("Authorization", List.of(authorization));
                    }
                    headers.put("Origin", List.of(origin));
                  }
                })
            .build();
    SocketClient client = new SocketClient();
    client.session = ContainerProvider.getWebSocketContainer().connectToServer(client, config, uri);
    return client;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    session.addMessageHandler(
        String.class,
        (MessageHandler.Whole<String>)
            text -> frames.add(Json.createReader(new StringReader(text)).readObject()));
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    closeReason = reason;
    closed.countDown();
  }

  void send(String text) throws Exception {
    session.getBasicRemote().sendText(text);
  }

  /** Waits until the server has subscribed this connection, by asking about an unknown answer. */
  void awaitSubscribed() throws Exception {
    String probe = "probe-" + UUID.randomUUID();
    send("{\"type\":\"resume\",\"messageId\":\"" + probe + "\",\"afterSeq\":0}");
    JsonObject reply = next("status");
    while (!probe.equals(reply.getString("messageId"))) {
      // An answer already streaming is announced first.
      assertEquals("streaming", reply.getString("status"));
      reply = next("status");
    }
    assertEquals("unknown", reply.getString("status"));
  }

  /**
   * Every chunk number the chunk frames carry, up to {@code last}; other frames are skipped. A
   * frame of several chunks ({@code fromSeq} to {@code seq}: a replay, or chunks that queued behind
   * a send) counts each of them.
   */
  List<Long> chunkSeqsUntil(long last) throws Exception {
    List<Long> seqs = new ArrayList<>();
    while (seqs.isEmpty() || seqs.get(seqs.size() - 1) < last) {
      JsonObject chunk = next("chunk");
      long seq = chunk.getJsonNumber("seq").longValue();
      long from = chunk.containsKey("fromSeq") ? chunk.getJsonNumber("fromSeq").longValue() : seq;
      for (long s = from; s <= seq; s++) {
        seqs.add(s);
      }
    }
    return seqs;
  }

  /** The next frame of any type; fails after 10 s. */
  JsonObject nextFrame() throws Exception {
    JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
    assertNotNull(frame, "a frame within 10 s");
    return frame;
  }

  /** The next frame of {@code type}, skipping {@code status} frames; fails after 10 s. */
  JsonObject next(String type) throws Exception {
    while (true) {
      JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
      assertNotNull(frame, "a " + type + " frame within 10 s");
      if (frame.getString("type").equals(type)) {
        return frame;
      }
      assertEquals("status", frame.getString("type"), "unexpected frame " + frame);
    }
  }

  void assertRefused() throws Exception {
    assertTrue(closed.await(10, TimeUnit.SECONDS), "closed by the server");
    assertEquals(
        CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), closeReason.getCloseCode().getCode());
    assertTrue(frames.isEmpty(), "no data before the close: " + frames);
  }

  void close() throws Exception {
    session.close();
  }
}
