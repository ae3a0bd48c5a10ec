package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.chat.events.AnswerChunk;
import dev.sluice.chat.events.AnswerCompleted;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
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
    return SluiceDeployment.withTests();
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
    SocketClient watcher = SocketClient.open(socketUri(), Credentials.demo().header(), origin());
    SocketClient leaver = SocketClient.open(socketUri(), Credentials.demo().header(), origin());
    watcher.awaitSubscribed();
    leaver.awaitSubscribed();

    fire(messageId, 1, 5);
    assertEquals(seqs(1, 5), leaver.chunkSeqsUntil(5));
    leaver.close();
    fire(messageId, 6, 12);

    SocketClient back = SocketClient.open(socketUri(), Credentials.demo().header(), origin());
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
    SocketClient admin = SocketClient.open(socketUri(), Credentials.admin().header(), origin());

    admin.awaitSubscribed();
    admin.close();
  }

  @Test
  void anotherUserIsRefusedWithoutData() throws Exception {
    SocketClient other = SocketClient.open(socketUri(), Credentials.of("demo2").header(), origin());

    other.assertRefused();
  }

  @Test
  void aForeignOriginIsRefused() throws Exception {
    SocketClient foreign =
        SocketClient.open(socketUri(), Credentials.demo().header(), "http://evil.example");

    foreign.assertRefused();
  }

  @Test
  void anonymousCallersAreRefused() throws Exception {
    SocketClient anonymous;
    try {
      anonymous = SocketClient.open(socketUri(), null, origin());
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
}
