package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.simulated.SimulatedText;
import dev.sluice.llm.simulated.SimulatorSettings;
import dev.sluice.testing.Poll;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What happens to connections: cuts, clients that hang up, keys, and multipart uploads. */
class SimulatorConnectionTest {

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private SimulatorServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private SimulatorServer start(String apiKey) {
    server =
        SimulatorServer.start(
            SimulatorSettings.from(
                Map.of("first-token-delay", "5ms", "inter-token-delay", "1ms", "seed", "9")),
            0,
            apiKey);
    return server;
  }

  private HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static String chat(String prompt) {
    return "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\""
        + prompt
        + "\"}]}";
  }

  @Test
  void cutClosesTheConnectionAfterTheAskedContentEvents() throws Exception {
    start(null);
    String body = chat("hi [sim:cut-after=3]");
    // A raw socket, because an HTTP client may drop what it buffered once the connection breaks.
    String raw;
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
                      + "Content-Type: application/json\r\nContent-Length: "
                      + body.length()
                      + "\r\n\r\n"
                      + body)
                  .getBytes(StandardCharsets.UTF_8));
      raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> data = raw.lines().filter(l -> l.startsWith("data: ")).toList();
    assertThat(raw).startsWith("HTTP/1.1 200");
    assertThat(data).hasSize(4).noneMatch(l -> l.contains("[DONE]"));
    assertThat(raw).doesNotContain("\r\n0\r\n\r\n");
    assertThat(server.stats().streamsCut()).isEqualTo(1);
  }

  @Test
  void aClientHangingUpMidStreamIsCounted() throws Exception {
    start(null);
    HttpResponse<InputStream> response =
        client.send(
            post("/v1/chat/completions", chat("hi [sim:tokens=500] [sim:delay=20]")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    reader.readLine();
    assertThat(server.stats().streamsOpen()).isEqualTo(1);
    reader.close();
    Poll.untilTrue(
        () -> server.stats().streamsClosedByClient() > 0,
        () -> "the simulator to see the client hang up: " + server.stats());
    assertThat(server.stats().streamsClosedByClient()).isEqualTo(1);
    assertThat(server.stats().streamsOpen()).isZero();
    assertThat(server.stats().streamsCompleted()).isZero();
  }

  @Test
  void anApiKeyIsRequiredWhenConfigured() throws Exception {
    start("sekret");
    HttpResponse<String> none =
        client.send(
            post("/v1/chat/completions", chat("hi")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(none.body()).getJsonObject("error").getString("code"))
        .isEqualTo("invalid_api_key");
    HttpResponse<String> bearer =
        client.send(
            post("/v1/chat/completions", chat("hi"))
                .header("authorization", "Bearer sekret")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(bearer.statusCode()).isEqualTo(200);
    String messages =
        "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    HttpResponse<String> wrong =
        client.send(
            post("/v1/messages", messages).header("x-api-key", "other").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(wrong.body()).getJsonObject("error").getString("type"))
        .isEqualTo("authentication_error");
    HttpResponse<String> right =
        client.send(
            post("/v1/messages", messages).header("x-api-key", "sekret").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(right.body()).getJsonObject("usage").getInteger("output_tokens"))
        .isEqualTo(5);
  }

  @Test
  void transcribesAMultipartUpload() throws Exception {
    start(null);
    byte[] audio = new byte[4096];
    for (int i = 0; i < audio.length; i++) {
      audio[i] = (byte) (i * 31);
    }
    String boundary = "sim-boundary-42";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"memo.mp3\"\r\n"
                + "Content-Type: audio/mpeg\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(audio);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/audio/transcriptions"))
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getString("text"))
        .isEqualTo(new SimulatedText(9).transcribe(audio, "memo.mp3"));
    assertThat(server.arrivals())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.endpoint()).isEqualTo("POST /v1/audio/transcriptions");
              assertThat(a.status()).isEqualTo(200);
            });
  }
}
