package dev.sluice.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpErrorClassifierTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String KEY = "sk-live-secretsecret42";
  private static final HttpErrorClassifier CLASSIFIER =
      new HttpErrorClassifier(
          "openai", "gpt-4o", Clock.fixed(NOW, ZoneOffset.UTC), SecretRedactor.of(KEY));

  private static final String OPENAI_CONTEXT =
      "{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens.\","
          + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}";
  private static final String ANTHROPIC_CONTEXT =
      "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
          + "\"message\":\"prompt is too long: 210000 tokens > 200000 maximum\"}}";
  private static final String QUOTA =
      "{\"error\":{\"message\":\"You exceeded your current quota.\",\"type\":\"insufficient_quota\","
          + "\"param\":null,\"code\":\"insufficient_quota\"}}";
  private static final String RATE =
      "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\","
          + "\"code\":\"rate_limit_exceeded\"}}";
  private static final String OVERLOADED =
      "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";

  private static LlmException classify(int status, String body) {
    return CLASSIFIER.fromResponse(
        status,
        Headers.of("x-request-id", "req_123"),
        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "400 | BAD_MODEL         | INVALID_REQUEST",
        "404 | BAD_MODEL         | INVALID_REQUEST",
        "413 | NONE              | INVALID_REQUEST",
        "422 | BAD_MODEL         | INVALID_REQUEST",
        "400 | OPENAI_CONTEXT    | CONTEXT_LENGTH_EXCEEDED",
        "400 | ANTHROPIC_CONTEXT | CONTEXT_LENGTH_EXCEEDED",
        "413 | ANTHROPIC_CONTEXT | CONTEXT_LENGTH_EXCEEDED",
        "401 | BAD_KEY           | AUTHENTICATION",
        "403 | NONE              | AUTHENTICATION",
        "429 | RATE              | RATE_LIMITED",
        "429 | QUOTA             | AUTHENTICATION",
        "503 | NONE              | OVERLOADED",
        "529 | OVERLOADED        | OVERLOADED",
        "500 | NONE              | SERVER_ERROR",
        "502 | HTML              | SERVER_ERROR",
        "504 | NONE              | SERVER_ERROR",
        "408 | NONE              | SERVER_ERROR",
        "409 | NONE              | SERVER_ERROR",
      })
  void statusAndBodyGiveTheKind(int status, String body, LlmErrorKind kind) {
    LlmException error = classify(status, bodyNamed(body));
    assertThat(error.kind()).isEqualTo(kind);
    assertThat(error.httpStatus()).isEqualTo(status);
    assertThat(error.provider()).isEqualTo("openai");
    assertThat(error.model()).isEqualTo("gpt-4o");
    assertThat(error.providerRequestId()).isEqualTo("req_123");
    assertThat(error.getMessage()).doesNotContain(KEY).doesNotContain("sk-");
  }

  private static String bodyNamed(String name) {
    return switch (name) {
      case "BAD_MODEL" ->
          "{\"error\":{\"message\":\"The model `gpt-9` does not exist\",\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}}";
      case "OPENAI_CONTEXT" -> OPENAI_CONTEXT;
      case "ANTHROPIC_CONTEXT" -> ANTHROPIC_CONTEXT;
      case "BAD_KEY" ->
          "{\"error\":{\"message\":\"Incorrect API key provided: sk-live-se**************et42.\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";
      case "RATE" -> RATE;
      case "QUOTA" -> QUOTA;
      case "OVERLOADED" -> OVERLOADED;
      case "HTML" -> "<html><body>Bad gateway " + KEY + "</body></html>";
      default -> null;
    };
  }

  @Test
  void messagesComeFromEitherProvidersBodyOrTheStatusText() {
    assertThat(classify(400, OPENAI_CONTEXT).getMessage())
        .isEqualTo("HTTP 400: This model's maximum context length is 128000 tokens.");
    assertThat(classify(529, OVERLOADED).getMessage()).isEqualTo("HTTP 529: Overloaded");
    assertThat(classify(500, null).getMessage()).isEqualTo("HTTP 500: Internal Server Error");
    assertThat(classify(502, bodyNamed("HTML")).getMessage()).contains("[redacted]");
  }

  @Test
  void rateLimitsCarryTheirNotBeforeButQuotaDoesNot() {
    HttpHeaders headers = Headers.of("retry-after", "7", "request-id", "req_anthropic");
    LlmException limited =
        CLASSIFIER.fromResponse(429, headers, RATE.getBytes(StandardCharsets.UTF_8));
    assertThat(limited.notBefore()).isEqualTo(NOW.plusSeconds(7));
    assertThat(limited.retryable()).isTrue();
    assertThat(limited.providerRequestId()).isEqualTo("req_anthropic");
    LlmException quota =
        CLASSIFIER.fromResponse(429, headers, QUOTA.getBytes(StandardCharsets.UTF_8));
    assertThat(quota.notBefore()).isNull();
    assertThat(quota.retryable()).isFalse();
  }

  @Test
  void transportFailures() {
    assertThat(CLASSIFIER.fromTransport(new HttpConnectTimeoutException("slow"), false).kind())
        .isEqualTo(LlmErrorKind.CONNECT_TIMEOUT);
    assertThat(CLASSIFIER.fromTransport(new HttpTimeoutException("no headers"), false).kind())
        .isEqualTo(LlmErrorKind.FIRST_TOKEN_TIMEOUT);
    assertThat(
            CLASSIFIER
                .fromTransport(new CompletionException(new ConnectException("refused")), false)
                .kind())
        .isEqualTo(LlmErrorKind.CONNECTION_FAILED);
    assertThat(CLASSIFIER.fromTransport(new IOException("reset"), false).kind())
        .isEqualTo(LlmErrorKind.CONNECTION_FAILED);
    LlmException broken = CLASSIFIER.fromTransport(new IOException("EOF"), true);
    assertThat(broken.kind()).isEqualTo(LlmErrorKind.SERVER_ERROR);
    assertThat(broken.getMessage()).startsWith("stream ended early");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "overloaded_error, OVERLOADED",
    "rate_limit_error, RATE_LIMITED",
    "api_error, SERVER_ERROR",
    "invalid_request_error, INVALID_REQUEST",
    "authentication_error, AUTHENTICATION",
    "permission_error, AUTHENTICATION",
    "not_found_error, INVALID_REQUEST",
    "something_new, SERVER_ERROR"
  })
  void anthropicErrorEvents(String type, LlmErrorKind kind) {
    String event = "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"m\"}}";
    assertThat(CLASSIFIER.fromStreamEvent(JsonSupport.parseObject(event)).kind()).isEqualTo(kind);
  }

  @Test
  void openAiErrorChunks() {
    String server = "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"code\":null}}";
    assertThat(CLASSIFIER.fromStreamEvent(JsonSupport.parseObject(server)).kind())
        .isEqualTo(LlmErrorKind.SERVER_ERROR);
    assertThat(CLASSIFIER.fromStreamEvent(JsonSupport.parseObject(RATE)).kind())
        .isEqualTo(LlmErrorKind.RATE_LIMITED);
    assertThat(CLASSIFIER.fromStreamEvent(JsonSupport.parseObject(OPENAI_CONTEXT)).kind())
        .isEqualTo(LlmErrorKind.CONTEXT_LENGTH_EXCEEDED);
  }

  @Test
  void longMessagesAreBounded() {
    String body = "{\"error\":{\"message\":\"" + "x".repeat(5000) + "\"}}";
    assertThat(classify(400, body).getMessage()).hasSizeLessThan(600);
  }
}
