package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.chat.events.AnswerChunk;
import dev.sluice.chat.events.AnswerCompleted;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /ws/chats/{id}} inside the container: the test fires the answer events itself (as the job
 * runner will) and watches them arrive over real WebSocket connections signed in as the test users.
 */
@ExtendWith(ArquillianExtension.class)
class ChatSocketIT {

  private static final int CHUNKS = 20;

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.war().addClasses(ChatSocketIT.class, Http.class, Credentials.class);
  }

  @ArquillianResource URL base;

  @Inject Event<AnswerChunk> chunks;
  @Inject Event<AnswerCompleted> completions;

  private String chatId;

  @BeforeEach
  void demoHasAChat() {
    HttpResponse<String> created =
        new Http(base)
            .as(Credentials.demo())
            .send(
                HttpRequest.newBuilder(new Http(base).resolve("/api/chats"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"socket\"}")));
    assertEquals(201, created.statusCode(), created.body());
    chatId = Http.json(created).asJsonObject().getString("id");
  }

  @Test
  void everyTabGetsEveryChunkInOrderAndAReattachingTabExactlyWhatItMissed() throws Exception {
    String messageId = UUID.randomUUID().toString();
    Client watcher = Client.open(socketUri(), Credentials.demo().header(), origin());
    Client leaver = Client.open(socketUri(), Credentials.demo().header(), origin());
    watcher.awaitSubscribed();
    leaver.awaitSubscribed();

    fire(messageId, 1, 5);
    assertEquals(seqs(1, 5), leaver.chunkSeqsUntil(5));
    leaver.close();
    fire(messageId, 6, 12);

    Client back = Client.open(socketUri(), Credentials.demo().header(), origin());
    back.awaitSubscribed();
    back.send("{\"type\":\"resume\",\"messageId\":\"" + messageId + "\",\"afterSeq\":5}");
    assertEquals(seqs(6, 12), back.chunkSeqsUntil(12));
    fire(messageId, 13, CHUNKS);
    StringBuilder content = new StringBuilder();
    LongStream.rangeClosed(1, CHUNKS).forEach(seq -> content.append(delta(seq)));
    completions.fire(
        new AnswerCompleted(
            chatId,
            messageId,
            CHUNKS,
            content.toString(),
            "sim-large",
            12,
            CHUNKS,
            0,
            new BigDecimal("0.00001"),
            40L,
            900));

    assertEquals(seqs(1, CHUNKS), watcher.chunkSeqsUntil(CHUNKS));
    JsonObject completed = watcher.next("completed");
    assertEquals(content.toString(), completed.getString("content"));
    assertEquals(CHUNKS, completed.getJsonNumber("lastSeq").longValue());
    assertEquals(seqs(13, CHUNKS), back.chunkSeqsUntil(CHUNKS));
    assertEquals(content.toString(), back.next("completed").getString("content"));
    watcher.close();
    back.close();
  }

  @Test
  void anAdminMayWatchSomeoneElsesChat() throws Exception {
    Client admin = Client.open(socketUri(), Credentials.admin().header(), origin());

    admin.awaitSubscribed();
    admin.close();
  }

  @Test
  void anotherUserIsRefusedWithoutData() throws Exception {
    Client other = Client.open(socketUri(), Credentials.of("demo2").header(), origin());

    other.assertRefused();
  }

  @Test
  void aForeignOriginIsRefused() throws Exception {
    Client foreign = Client.open(socketUri(), Credentials.demo().header(), "http://evil.example");

    foreign.assertRefused();
  }

  @Test
  void anonymousCallersAreRefused() throws Exception {
    Client anonymous;
    try {
      anonymous = Client.open(socketUri(), null, origin());
    } catch (Exception refusedAtTheHandshake) {
      return;
    }
    anonymous.assertRefused();
  }

  private void fire(String messageId, long from, long to) {
    for (long seq = from; seq <= to; seq++) {
      chunks.fire(new AnswerChunk(chatId, messageId, seq, delta(seq)));
    }
  }

  private static List<Long> seqs(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  private static String delta(long seq) {
    return "w" + seq + " ";
  }

  private URI socketUri() {
    return URI.create(
        new Http(base).resolve("/ws/chats/" + chatId).toString().replaceFirst("^http", "ws"));
  }

  private String origin() {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
  }

  /** A WebSocket client that queues every frame it receives. */
  static final class Client extends Endpoint {

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile CloseReason closeReason;
    private Session session;

    static Client open(URI uri, String authorization, String origin) throws Exception {
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
      Client client = new Client();
      client.session =
          ContainerProvider.getWebSocketContainer().connectToServer(client, config, uri);
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
     * The seq of every chunk frame up to the one numbered {@code last}; other frames are skipped.
     */
    List<Long> chunkSeqsUntil(long last) throws Exception {
      List<Long> seqs = new ArrayList<>();
      while (seqs.isEmpty() || seqs.get(seqs.size() - 1) < last) {
        seqs.add(next("chunk").getJsonNumber("seq").longValue());
      }
      return seqs;
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
}
