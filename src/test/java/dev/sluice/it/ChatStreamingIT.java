package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole chat path on Liberty: a question posted over REST is queued over JMS, answered by the
 * message-driven bean through the gate from the simulated provider, and streamed to a WebSocket
 * subscriber chunk by chunk; the final frame equals the stored answer. (In the container because
 * the server provides the WebSocket client.)
 */
@ExtendWith(ArquillianExtension.class)
class ChatStreamingIT {

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.withTests();
  }

  @ArquillianResource URL base;

  @Test
  void aPostedQuestionStreamsEveryChunkInOrderAndEndsAsTheStoredAnswer() throws Exception {
    Http demo = new Http(base).as(Credentials.demo());
    String chatId = id(post(demo, "/api/chats", "{\"title\":\"streaming\"}"), "id");
    SocketClient socket =
        SocketClient.open(socketUri(chatId), Credentials.demo().header(), origin());
    socket.awaitSubscribed();

    HttpResponse<String> posted =
        post(
            demo,
            "/api/chats/" + chatId + "/messages",
            "{\"content\":\"[sim:tokens=12] [sim:delay=30] rivers?\"}");
    assertEquals(202, posted.statusCode(), posted.body());
    String answerId =
        Http.json(posted).asJsonObject().getJsonObject("assistantMessage").getString("id");

    List<Long> seqs = new ArrayList<>();
    StringBuilder streamed = new StringBuilder();
    JsonObject completed = null;
    while (completed == null) {
      JsonObject frame = socket.nextFrame();
      String type = frame.getString("type");
      if (type.equals("chunk") && frame.getString("messageId").equals(answerId)) {
        // A frame may carry several chunks (fromSeq to seq) that queued behind a send.
        long seq = frame.getJsonNumber("seq").longValue();
        long from = frame.containsKey("fromSeq") ? frame.getJsonNumber("fromSeq").longValue() : seq;
        for (long s = from; s <= seq; s++) {
          seqs.add(s);
        }
        streamed.append(frame.getString("delta"));
      } else if (type.equals("completed") && frame.getString("messageId").equals(answerId)) {
        completed = frame;
      } else {
        assertEquals("status", type, "unexpected frame " + frame);
      }
    }
    socket.close();

    // The simulated provider is in the server: each of its 12 tokens is a chunk.
    assertEquals(12, seqs.size(), "one chunk per token");
    for (int i = 0; i < seqs.size(); i++) {
      assertEquals(i + 1L, seqs.get(i), "chunks in order, no gap, no duplicate");
    }
    assertEquals(streamed.toString(), completed.getString("content"));
    JsonObject stored = storedAnswer(demo, chatId, answerId);
    assertEquals("completed", stored.getString("status").toLowerCase());
    assertEquals(completed.getString("content"), stored.getString("content"));
    assertTrue(completed.getJsonNumber("outputTokens").longValue() > 0);
  }

  private JsonObject storedAnswer(Http demo, String chatId, String answerId) {
    HttpResponse<String> messages = demo.get("/api/chats/" + chatId + "/messages");
    assertEquals(200, messages.statusCode(), messages.body());
    return Http.json(messages).asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("id").equals(answerId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("answer not stored: " + messages.body()));
  }

  private static HttpResponse<String> post(Http http, String path, String json) {
    return http.send(
        HttpRequest.newBuilder(http.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String id(HttpResponse<String> created, String field) {
    assertEquals(201, created.statusCode(), created.body());
    return Http.json(created).asJsonObject().getString(field);
  }

  private URI socketUri(String chatId) {
    return URI.create(
        new Http(base).resolve("/ws/chats/" + chatId).toString().replaceFirst("^http", "ws"));
  }

  private String origin() {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
  }
}
