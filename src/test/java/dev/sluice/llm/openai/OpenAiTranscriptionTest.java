package dev.sluice.llm.openai;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.Transcription;
import dev.sluice.llm.TranscriptionRequest;
import dev.sluice.llm.http.LocalServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiTranscriptionTest {

  private static final byte[] AUDIO = {'I', 'D', '3', 0, (byte) 0xFF, '\r', '\n', '-', '-'};

  private LocalServer server;
  private final CompletableFuture<String> contentType = new CompletableFuture<>();
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();

  @BeforeEach
  void start() throws IOException {
    server = new LocalServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiProvider provider() {
    return new OpenAiProvider(
        ProviderSettings.defaults(
            "openai", ProviderType.OPENAI, server.baseUrl(), "sk-abcdef123456"),
        server.runtime());
  }

  private void answer(HttpExchange exchange, int status, String json) throws IOException {
    contentType.complete(exchange.getRequestHeaders().getFirst("Content-Type"));
    body.complete(exchange.getRequestBody().readAllBytes());
    byte[] out = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("x-request-id", "req_audio");
    exchange.sendResponseHeaders(status, out.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(out);
    }
  }

  @Test
  void audioGoesOutAsAMultipartFormAndTheTextComesBack() throws Exception {
    server.handle("/v1/audio/transcriptions", e -> answer(e, 200, "{\"text\":\"Bonjour à tous\"}"));
    TranscriptionRequest request =
        new TranscriptionRequest("whisper-1", AUDIO, "memo \"1\".mp3", "audio/mpeg", "fr");

    Transcription result = provider().transcribe(request).toCompletableFuture().get(5, SECONDS);

    assertThat(result.text()).isEqualTo("Bonjour à tous");
    assertThat(result.model()).isEqualTo("whisper-1");
    assertThat(result.provider()).isEqualTo("openai");
    assertThat(result.providerRequestId()).isEqualTo("req_audio");
    String type = contentType.get(1, SECONDS);
    assertThat(type).startsWith("multipart/form-data; boundary=sluice-");
    String boundary = type.substring(type.indexOf('=') + 1);
    String form = new String(body.get(1, SECONDS), StandardCharsets.ISO_8859_1);
    String audio = new String(AUDIO, StandardCharsets.ISO_8859_1);
    assertThat(form)
        .isEqualTo(
            "--"
                + boundary
                + "\r\n"
                + "Content-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                + "--"
                + boundary
                + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"memo %221%22.mp3\"\r\n"
                + "Content-Type: audio/mpeg\r\n\r\n"
                + audio
                + "\r\n"
                + "--"
                + boundary
                + "\r\n"
                + "Content-Disposition: form-data; name=\"language\"\r\n\r\nfr\r\n"
                + "--"
                + boundary
                + "\r\n"
                + "Content-Disposition: form-data; name=\"response_format\"\r\n\r\njson\r\n"
                + "--"
                + boundary
                + "--\r\n");
  }

  @Test
  void errorsGoThroughTheClassifier() {
    server.handle(
        "/v1/audio/transcriptions",
        e ->
            answer(
                e,
                401,
                "{\"error\":{\"message\":\"Incorrect API key provided: sk-abcd***3456.\"}}"));
    TranscriptionRequest request =
        new TranscriptionRequest("whisper-1", AUDIO, "memo.mp3", "audio/mpeg", null);
    ExecutionException failed =
        catchThrowableOfType(
            ExecutionException.class,
            () -> provider().transcribe(request).toCompletableFuture().get(5, SECONDS));
    LlmException error = (LlmException) failed.getCause();
    assertThat(error.kind()).isEqualTo(LlmErrorKind.AUTHENTICATION);
    assertThat(error.getMessage()).doesNotContain("sk-abcd").contains("[redacted]");
  }

  @Test
  void theWholeCallIsBoundedByTheRequestTimeout() throws Exception {
    server.handle(
        "/v1/audio/transcriptions",
        exchange -> {
          server.awaitRelease();
          exchange.sendResponseHeaders(200, 0);
          server.writeUntilClosed(exchange);
        });
    ProviderSettings d =
        ProviderSettings.defaults(
            "openai", ProviderType.OPENAI, server.baseUrl(), "sk-abcdef123456");
    ProviderSettings quick =
        new ProviderSettings(
            d.name(),
            d.type(),
            d.baseUrl(),
            d.apiKey(),
            true,
            d.connectTimeout(),
            d.firstTokenTimeout(),
            d.idleTimeout(),
            Duration.ofMillis(1000),
            Map.of(),
            false,
            1024);
    TranscriptionRequest request =
        new TranscriptionRequest("whisper-1", AUDIO, "memo.mp3", "audio/mpeg", null);
    ExecutionException failed =
        catchThrowableOfType(
            ExecutionException.class,
            () ->
                new OpenAiProvider(quick, server.runtime())
                    .transcribe(request)
                    .toCompletableFuture()
                    .get(5, SECONDS));
    assertThat(((LlmException) failed.getCause()).kind())
        .isEqualTo(LlmErrorKind.FIRST_TOKEN_TIMEOUT);
    server.release.countDown();
    assertThat(server.clientGone.get(5, SECONDS)).isInstanceOf(IOException.class);
  }
}
