package dev.sluice.llm.anthropic;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.StreamListener;
import dev.sluice.llm.Usage;
import dev.sluice.llm.http.LocalServer;
import dev.sluice.llm.http.Transcripts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicProviderHttpTest {

  private static final String KEY = "sk-ant-api03-testtesttest";
  private static final ChatRequest REQUEST =
      ChatRequest.of(
          "claude-sonnet-4-5", List.of(ChatMessage.system("Be kind."), ChatMessage.user("Hello")));

  private LocalServer server;
  private final CompletableFuture<Headers> headers = new CompletableFuture<>();
  private final CompletableFuture<String> body = new CompletableFuture<>();

  @BeforeEach
  void start() throws IOException {
    server = new LocalServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AnthropicProvider provider() {
    return new AnthropicProvider(
        ProviderSettings.defaults("anthropic", ProviderType.ANTHROPIC, server.baseUrl(), KEY),
        server.runtime());
  }

  @Test
  void aFullStreamBecomesAChatResult() throws Exception {
    server.handle(
        "/v1/messages",
        exchange -> {
          headers.complete(exchange.getRequestHeaders());
          body.complete(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.getResponseHeaders().add("request-id", "req_011CQ");
          exchange.getResponseHeaders().add("anthropic-ratelimit-requests-limit", "50");
          exchange.getResponseHeaders().add("anthropic-ratelimit-requests-remaining", "49");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(Transcripts.load("anthropic/normal.sse"));
          }
        });
    ChatResult result =
        provider().stream(REQUEST, StreamListener.IGNORE)
            .result()
            .toCompletableFuture()
            .get(5, SECONDS);

    assertThat(result.content()).isEqualTo("Hello, wörld — 日本語 👋🏽");
    assertThat(result.usage()).isEqualTo(new Usage(135, 15, 100));
    assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(result.providerRequestId()).isEqualTo("req_011CQ");
    assertThat(result.rateLimits().requestsRemaining()).isEqualTo(49L);
    Headers sent = headers.get(1, SECONDS);
    assertThat(sent.getFirst("x-api-key")).isEqualTo(KEY);
    assertThat(sent.getFirst("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(sent.getFirst("accept")).isEqualTo("text/event-stream");
    assertThat(sent.containsKey("Authorization")).isFalse();
    assertThat(body.get(1, SECONDS)).isEqualTo(AnthropicRequestWriter.write(REQUEST, 4096));
  }

  @Test
  void overloadedIsRetryable() throws Exception {
    server.handle(
        "/v1/messages",
        exchange -> {
          byte[] out =
              "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(529, out.length);
          try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(out);
          }
        });
    try {
      provider().stream(REQUEST, StreamListener.IGNORE)
          .result()
          .toCompletableFuture()
          .get(5, SECONDS);
      throw new AssertionError("should fail");
    } catch (ExecutionException failed) {
      LlmException error = (LlmException) failed.getCause();
      assertThat(error.kind()).isEqualTo(LlmErrorKind.OVERLOADED);
      assertThat(error.getMessage()).isEqualTo("HTTP 529: Overloaded");
    }
  }
}
