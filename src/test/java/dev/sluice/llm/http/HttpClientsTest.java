package dev.sluice.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpClientsTest {

  private static ProviderSettings settings(String base, boolean http2) {
    return new ProviderSettings(
        "p",
        ProviderType.OPENAI,
        base == null ? null : URI.create(base),
        null,
        false,
        Duration.ofSeconds(3),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        Map.of(),
        http2,
        1024);
  }

  @Test
  void http2OnlyOverTls() {
    assertThat(HttpClients.versionFor(settings("https://api.openai.com/v1", true)))
        .isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(HttpClients.versionFor(settings("https://api.openai.com/v1", false)))
        .isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(HttpClients.versionFor(settings("http://localhost:11434/v1", true)))
        .isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(HttpClients.versionFor(settings(null, true))).isEqualTo(HttpClient.Version.HTTP_2);
  }

  @Test
  void theClientNeverFollowsRedirectsAndUsesTheConnectTimeout() throws IOException {
    try (LocalServer server = new LocalServer()) {
      HttpClient client =
          HttpClients.forProvider(settings("http://127.0.0.1/v1", true), server.runtime());
      assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
      assertThat(client.connectTimeout()).contains(Duration.ofSeconds(3));
      assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }
  }

  @Test
  void endpointsAppendToTheBaseWithOrWithoutATrailingSlash() {
    assertThat(HttpClients.endpoint(URI.create("http://h/v1/"), "/messages"))
        .isEqualTo(URI.create("http://h/v1/messages"));
    assertThat(HttpClients.endpoint(URI.create("http://h/v1"), "/chat/completions"))
        .isEqualTo(URI.create("http://h/v1/chat/completions"));
  }
}
