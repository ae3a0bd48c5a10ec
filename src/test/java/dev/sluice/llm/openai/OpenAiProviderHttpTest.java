package dev.sluice.llm.openai;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.StreamEvent;
import dev.sluice.llm.StreamListener;
import dev.sluice.llm.Usage;
import dev.sluice.llm.http.LocalServer;
import dev.sluice.llm.http.Transcripts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiProviderHttpTest {

  private static final String KEY = "sk-test-0123456789abcdef";
  private static final ChatRequest REQUEST =
      ChatRequest.of("gpt-4o-mini", List.of(ChatMessage.user("Say hello")));

  private LocalServer server;
  private final CompletableFuture<HttpExchange> received = new CompletableFuture<>();
  private final CompletableFuture<String> receivedBody = new CompletableFuture<>();

  @BeforeEach
  void start() throws IOException {
    server = new LocalServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiProvider provider(Duration firstToken, Duration idle) {
    ProviderSettings settings =
        ProviderSettings.defaults("openai", ProviderType.OPENAI, server.baseUrl(), KEY)
            .withTimeouts(Duration.ofSeconds(2), firstToken, idle);
    return new OpenAiProvider(settings, server.runtime());
  }

  private OpenAiProvider provider() {
    return provider(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  private void record(HttpExchange exchange) throws IOException {
    receivedBody.complete(
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    received.complete(exchange);
  }

  private static LlmException failure(ChatStream stream) {
    ExecutionException failed =
        catchThrowableOfType(
            ExecutionException.class, () -> stream.result().toCompletableFuture().get(5, SECONDS));
    assertThat(failed).as("the call should fail").isNotNull();
    return (LlmException) failed.getCause();
  }

  @Test
  void aFullStreamBecomesAChatResult() throws Exception {
    server.handle(
        "/v1/chat/completions",
        exchange -> {
          record(exchange);
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.getResponseHeaders().add("x-request-id", "req_abc");
          exchange.getResponseHeaders().add("x-ratelimit-remaining-requests", "99");
          exchange.getResponseHeaders().add("x-ratelimit-reset-tokens", "1s");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(Transcripts.load("openai/normal.sse"));
          }
        });
    List<StreamEvent> events = new CopyOnWriteArrayList<>();
    ChatResult result =
        provider().stream(REQUEST, events::add).result().toCompletableFuture().get(5, SECONDS);

    assertThat(result.content()).isEqualTo("Bonjour café, 日本 🎉!");
    assertThat(result.usage()).isEqualTo(new Usage(20, 6, 8));
    assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(result.answeredModel()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(result.providerRequestId()).isEqualTo("req_abc");
    assertThat(result.timeToFirstToken()).isNotNull().isPositive();
    assertThat(result.totalTime()).isGreaterThanOrEqualTo(result.timeToFirstToken());
    assertThat(result.rateLimits().requestsRemaining()).isEqualTo(99L);
    assertThat(result.rateLimits().tokensResetAt()).isEqualTo(LocalServer.NOW.plusSeconds(1));
    assertThat(events.get(0)).isInstanceOf(StreamEvent.RateLimitsObserved.class);

    HttpExchange exchange = received.get(1, SECONDS);
    assertThat(exchange.getRequestMethod()).isEqualTo("POST");
    assertThat(exchange.getRequestHeaders().getFirst("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(exchange.getRequestHeaders().getFirst("Accept")).isEqualTo("text/event-stream");
    assertThat(receivedBody.get(1, SECONDS)).isEqualTo(OpenAiRequestWriter.write(REQUEST));
  }

  @Test
  void aKeylessServerGetsNoAuthorizationHeader() throws Exception {
    server.handle(
        "/v1/chat/completions",
        exchange -> {
          record(exchange);
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(Transcripts.load("openai/no-done.sse"));
          }
        });
    ProviderSettings keyless =
        ProviderSettings.defaults("ollama", ProviderType.OPENAI, server.baseUrl(), null);
    keyless =
        new ProviderSettings(
            keyless.name(),
            keyless.type(),
            keyless.baseUrl(),
            null,
            false,
            keyless.connectTimeout(),
            keyless.firstTokenTimeout(),
            keyless.idleTimeout(),
            keyless.requestTimeout(),
            Map.of("X-Org", "sluice"),
            true,
            1024);
    ChatResult result =
        new OpenAiProvider(keyless, server.runtime())
            .stream(REQUEST, StreamListener.IGNORE).result().toCompletableFuture().get(5, SECONDS);
    assertThat(result.content()).isEqualTo("Hi there");
    HttpExchange exchange = received.get(1, SECONDS);
    assertThat(exchange.getRequestHeaders().containsKey("Authorization")).isFalse();
    assertThat(exchange.getRequestHeaders().getFirst("X-Org")).isEqualTo("sluice");
  }

  @Test
  void aRateLimitCarriesItsNotBefore() {
    server.handle(
        "/v1/chat/completions",
        exchange -> {
          byte[] body =
              "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Retry-After", "3");
          exchange.getResponseHeaders().add("x-request-id", "req_429");
          exchange.sendResponseHeaders(429, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    LlmException error = failure(provider().stream(REQUEST, StreamListener.IGNORE));
    assertThat(error.kind()).isEqualTo(LlmErrorKind.RATE_LIMITED);
    assertThat(error.notBefore()).isEqualTo(LocalServer.NOW.plusSeconds(3));
    assertThat(error.httpStatus()).isEqualTo(429);
    assertThat(error.providerRequestId()).isEqualTo("req_429");
    assertThat(error.getMessage()).contains("Rate limit reached");
  }

  @Test
  void anInternalErrorIsAServerError() {
    server.handle(
        "/v1/chat/completions",
        exchange -> {
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    LlmException error = failure(provider().stream(REQUEST, StreamListener.IGNORE));
    assertThat(error.kind()).isEqualTo(LlmErrorKind.SERVER_ERROR);
    assertThat(error.httpStatus()).isEqualTo(500);
    assertThat(error.retryable()).isTrue();
  }

  @Test
  void aServerClosingMidStreamInterruptsItWithThePartialContent() {
    server.handle(
        "/v1/chat/completions",
        exchange -> {
          byte[] partial = Transcripts.load("openai/truncated.sse");
          // Promise more bytes than are sent, then drop the connection.
          exchange.sendResponseHeaders(200, partial.length + 10_000L);
          OutputStream out = exchange.getResponseBody();
          out.write(partial);
          out.flush();
          exchange.close();
        });
    LlmException error = failure(provider().stream(REQUEST, StreamListener.IGNORE));
    assertThat(error.kind()).isEqualTo(LlmErrorKind.STREAM_INTERRUPTED);
    assertThat(error.partialContent()).isEqualTo("Once upon a time");
    assertThat(error.interruptedBy()).isEqualTo(LlmErrorKind.SERVER_ERROR);
  }

  @Test
  void noFirstTokenInTimeFailsAndClosesTheConnection() throws Exception {
    server.handle(
        "/v1/chat/completions",
        exchange -> {
          server.awaitRelease();
          exchange.sendResponseHeaders(200, 0);
          server.writeUntilClosed(exchange);
        });
    ChatStream stream =
        provider(Duration.ofMillis(1000), Duration.ofSeconds(5)).stream(
            REQUEST, StreamListener.IGNORE);
    LlmException error = failure(stream);
    assertThat(error.kind()).isEqualTo(LlmErrorKind.FIRST_TOKEN_TIMEOUT);
    assertThat(error.retryable()).isTrue();
    server.release.countDown();
    assertThat(server.clientGone.get(5, SECONDS)).isInstanceOf(IOException.class);
  }

  @Test
  void silenceAfterTheFirstTokenIsAnIdleTimeout() throws Exception {
    server.handle(
        "/v1/chat/completions",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          LocalServer.write(out, "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n");
          server.awaitRelease();
          server.writeUntilClosed(exchange);
        });
    ChatStream stream =
        provider(Duration.ofSeconds(5), Duration.ofMillis(300)).stream(
            REQUEST, StreamListener.IGNORE);
    LlmException error = failure(stream);
    assertThat(error.kind()).isEqualTo(LlmErrorKind.STREAM_INTERRUPTED);
    assertThat(error.interruptedBy()).isEqualTo(LlmErrorKind.IDLE_TIMEOUT);
    assertThat(error.partialContent()).isEqualTo("Hel");
    server.release.countDown();
    assertThat(server.clientGone.get(5, SECONDS)).isInstanceOf(IOException.class);
  }

  @Test
  void cancellingMidStreamClosesTheConnection() throws Exception {
    server.handle(
        "/v1/chat/completions",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          LocalServer.write(
              exchange.getResponseBody(),
              "data: {\"choices\":[{\"delta\":{\"content\":\"Once\"}}]}\n\n");
          server.writeUntilClosed(exchange);
        });
    CompletableFuture<Void> firstText = new CompletableFuture<>();
    ChatStream stream =
        provider().stream(
            REQUEST,
            event -> {
              if (event instanceof StreamEvent.TextDelta) {
                firstText.complete(null);
              }
            });
    firstText.get(5, SECONDS);
    stream.cancel();
    LlmException error = failure(stream);
    assertThat(error.kind()).isEqualTo(LlmErrorKind.CANCELLED);
    assertThat(error.partialContent()).isEqualTo("Once");
    assertThat(server.clientGone.get(5, SECONDS)).isInstanceOf(IOException.class);
  }

  @Test
  void aRefusedConnectionFailsBeforeAnyResponse() throws Exception {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1");
    }
    ProviderSettings settings =
        ProviderSettings.defaults("openai", ProviderType.OPENAI, closed, KEY);
    LlmException error =
        failure(
            new OpenAiProvider(settings, server.runtime()).stream(REQUEST, StreamListener.IGNORE));
    assertThat(error.kind()).isEqualTo(LlmErrorKind.CONNECTION_FAILED);
  }
}
