package dev.sluice.llm.openai;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.StreamEvent;
import dev.sluice.llm.http.LocalServer;
import dev.sluice.llm.http.RawServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a call is abandoned closes its connection from the client side, even when the server
 * sends nothing more that would reveal the abandoned stream.
 */
class StreamAbortTest {

  private static final ChatRequest REQUEST =
      ChatRequest.of("gpt-4o-mini", List.of(ChatMessage.user("Tell a long story")));
  private static final String FIRST =
      "data: {\"choices\":[{\"delta\":{\"content\":\"Once\"}}]}\n\n";

  private RawServer server;
  private LocalServer runtimeHost;

  @AfterEach
  void stop() throws Exception {
    server.close();
    runtimeHost.close();
  }

  private ChatStream call(
      String firstChunk, Duration firstToken, Duration idle, CompletableFuture<Void> text)
      throws Exception {
    server = new RawServer(firstChunk);
    runtimeHost = new LocalServer();
    ProviderSettings settings =
        ProviderSettings.defaults(
                "openai", ProviderType.OPENAI, server.baseUrl(), "sk-test-key-123")
            .withTimeouts(Duration.ofSeconds(2), firstToken, idle);
    return new OpenAiProvider(settings, runtimeHost.runtime())
        .stream(
            REQUEST,
            event -> {
              if (event instanceof StreamEvent.TextDelta) {
                text.complete(null);
              }
            });
  }

  private static LlmException failure(ChatStream stream) throws Exception {
    try {
      stream.result().toCompletableFuture().get(5, SECONDS);
    } catch (ExecutionException failed) {
      return (LlmException) failed.getCause();
    }
    throw new AssertionError("the call should have failed");
  }

  @Test
  void firstTokenTimeoutWhileWaitingForHeadersClosesTheConnection() throws Exception {
    ChatStream stream =
        call(null, Duration.ofMillis(1000), Duration.ofSeconds(30), new CompletableFuture<>());
    server.requestReceived.get(5, SECONDS);
    assertThat(failure(stream).kind()).isEqualTo(LlmErrorKind.FIRST_TOKEN_TIMEOUT);
    server.clientClosed.get(5, SECONDS);
  }

  @Test
  void idleTimeoutClosesTheConnection() throws Exception {
    ChatStream stream =
        call(FIRST, Duration.ofSeconds(30), Duration.ofMillis(300), new CompletableFuture<>());
    LlmException error = failure(stream);
    assertThat(error.interruptedBy()).isEqualTo(LlmErrorKind.IDLE_TIMEOUT);
    server.clientClosed.get(5, SECONDS);
  }

  @Test
  void cancelMidStreamClosesTheConnection() throws Exception {
    CompletableFuture<Void> text = new CompletableFuture<>();
    ChatStream stream = call(FIRST, Duration.ofSeconds(30), Duration.ofSeconds(30), text);
    text.get(5, SECONDS);
    stream.cancel();
    assertThat(failure(stream).kind()).isEqualTo(LlmErrorKind.CANCELLED);
    server.clientClosed.get(5, SECONDS);
  }

  @Test
  void cancelBeforeTheHeadersClosesTheConnection() throws Exception {
    ChatStream stream =
        call(null, Duration.ofSeconds(30), Duration.ofSeconds(30), new CompletableFuture<>());
    server.requestReceived.get(5, SECONDS);
    stream.cancel();
    assertThat(failure(stream).kind()).isEqualTo(LlmErrorKind.CANCELLED);
    server.clientClosed.get(5, SECONDS);
  }
}
