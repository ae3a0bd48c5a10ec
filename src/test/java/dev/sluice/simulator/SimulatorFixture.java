package dev.sluice.simulator;

import dev.sluice.llm.simulated.SimulatorSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One simulator for a test class, reset before each test, and raw HTTP helpers. */
abstract class SimulatorFixture {

  static SimulatorServer server;
  static final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    server = SimulatorServer.start(quick(), 0);
  }

  /** Short answers, quickly: 12 tokens, 5 ms to the first, 1 ms between. */
  static SimulatorSettings quick() {
    return SimulatorSettings.from(
        Map.of("first-token-delay", "5ms", "inter-token-delay", "1ms", "output-tokens", "12"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String openAi(String prompt, String extra) {
    return "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},"
        + "{\"role\":\"user\",\"content\":\""
        + prompt
        + "\"}]"
        + extra
        + "}";
  }

  static String anthropic(String prompt, String extra) {
    return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"system\":\"Be brief\","
        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\""
        + prompt
        + "\"}]}]"
        + extra
        + "}";
  }
}
