package dev.sluice.llm.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.anthropic.AnthropicRequestWriter;
import dev.sluice.llm.batch.BatchResult.Outcome;
import dev.sluice.llm.http.JsonSupport;
import dev.sluice.llm.openai.OpenAiRequestWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshot's JSON, the factory, and reading result lines, without a server. */
class ProviderBatchTest {

  private static final String KEY = "sk-unit-batch-key-0123456789";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void anOperatorsCapLowersTheRequestsOfABatchButNeverRaisesThem() {
    assertThat(BatchLimits.OPENAI.capped(200))
        .isEqualTo(new BatchLimits(200, BatchLimits.OPENAI.maxBytes()));
    assertThat(BatchLimits.ANTHROPIC.capped(Integer.MAX_VALUE)).isEqualTo(BatchLimits.ANTHROPIC);
  }

  @Test
  void aSnapshotSurvivesItsJson() {
    ProviderBatch full =
        new ProviderBatch(
            ProviderType.OPENAI,
            "batch_abc",
            ProviderBatch.Status.EXPIRED,
            10,
            6,
            1,
            3,
            0,
            0,
            Instant.parse("2026-12-05T10:15:30Z"),
            Instant.parse("2026-12-06T10:15:30Z"),
            "file-out",
            "file-err",
            null);
    ProviderBatch running =
        new ProviderBatch(
            ProviderType.ANTHROPIC,
            "msgbatch_1",
            ProviderBatch.Status.IN_PROGRESS,
            4,
            1,
            0,
            0,
            0,
            3,
            Instant.parse("2026-12-05T10:15:30.123Z"),
            null,
            null,
            null,
            "https://api.anthropic.com/v1/messages/batches/msgbatch_1/results");

    for (ProviderBatch batch : List.of(full, running)) {
      String json = batch.toJson();
      assertThat(ProviderBatch.fromJson(json)).isEqualTo(batch);
      assertThat(json).hasSizeLessThan(400).doesNotContain("null");
    }
  }

  @Test
  void textThatIsNoSnapshotIsRefused() {
    for (String bad :
        List.of("", "[]", "{}", "{\"type\":\"OPENAI\",\"id\":\"b\",\"status\":\"SLEEPING\"}")) {
      assertThatThrownBy(() -> ProviderBatch.fromJson(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void onlyFinalStatusesHaveEnded() {
    assertThat(Arrays.stream(ProviderBatch.Status.values()).filter(ProviderBatch.Status::ended))
        .containsExactlyInAnyOrder(
            ProviderBatch.Status.COMPLETED,
            ProviderBatch.Status.EXPIRED,
            ProviderBatch.Status.CANCELLED,
            ProviderBatch.Status.FAILED);
  }

  @Test
  void theFactoryKnowsWhichProvidersHaveABatchApi() {
    assertThat(ProviderBatchApis.forProvider(settings(ProviderType.OPENAI), CLIENT))
        .get()
        .isInstanceOf(OpenAiBatchApi.class)
        .extracting(ProviderBatchApi::limits)
        .isEqualTo(new BatchLimits(50_000, 200L * 1024 * 1024));
    assertThat(ProviderBatchApis.forProvider(settings(ProviderType.ANTHROPIC), CLIENT))
        .get()
        .isInstanceOf(AnthropicBatchApi.class)
        .extracting(ProviderBatchApi::limits)
        .isEqualTo(new BatchLimits(100_000, 256L * 1024 * 1024));
    assertThat(ProviderBatchApis.forProvider(settings(ProviderType.SIMULATED), CLIENT)).isEmpty();
  }

  @Test
  void customIdsFitBothProviders() {
    ChatRequest request = ChatRequest.of("m", List.of(ChatMessage.user("hi")));
    assertThat(new BatchRequest("doc-17_a", request).customId()).isEqualTo("doc-17_a");
    for (String bad : List.of("", "has space", "x".repeat(65), "ä")) {
      assertThatThrownBy(() -> new BatchRequest(bad, request))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void openAiErrorLinesBecomeTheirOutcomesWithTheKeyRedacted() {
    BatchResult failed =
        openAiLine(
            "{\"custom_id\":\"a\",\"response\":{\"status_code\":401,\"body\":{\"error\":"
                + "{\"message\":\"Incorrect API key provided: "
                + KEY
                + "\",\"type\":\"invalid_request_error\"}}},\"error\":null}");
    BatchResult cancelled =
        openAiLine(
            "{\"custom_id\":\"b\",\"response\":null,\"error\":{\"code\":\"batch_cancelled\","
                + "\"message\":\"This request was not executed.\"}}");
    BatchResult expired =
        openAiLine(
            "{\"custom_id\":\"c\",\"response\":null,\"error\":{\"code\":\"batch_expired\","
                + "\"message\":\"Too late.\"}}");

    assertThat(failed.outcome()).isEqualTo(Outcome.ERRORED);
    assertThat(failed.error()).startsWith("HTTP 401").contains("Incorrect").doesNotContain(KEY);
    assertThat(cancelled.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(cancelled.error()).contains("not executed");
    assertThat(expired.outcome()).isEqualTo(Outcome.EXPIRED);
  }

  @Test
  void anthropicResultLinesBecomeTheirOutcomes() {
    AnthropicBatchApi api =
        new AnthropicBatchApi(settings(ProviderType.ANTHROPIC), CLIENT, BatchLimits.ANTHROPIC);

    BatchResult answered =
        api.result(
            json(
                "{\"custom_id\":\"a\",\"result\":{\"type\":\"succeeded\",\"message\":{\"id\":"
                    + "\"msg_1\",\"type\":\"message\",\"model\":\"claude-x\",\"content\":[{\"type\":"
                    + "\"text\",\"text\":\"Hel\"},{\"type\":\"text\",\"text\":\"lo\"}],"
                    + "\"stop_reason\":\"max_tokens\",\"usage\":{\"input_tokens\":5,"
                    + "\"cache_read_input_tokens\":2,\"output_tokens\":3}}}}"));
    BatchResult errored =
        api.result(
            json(
                "{\"custom_id\":\"b\",\"result\":{\"type\":\"errored\",\"error\":{\"type\":"
                    + "\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Busy\"}}}}"));

    assertThat(answered.result().content()).isEqualTo("Hello");
    assertThat(answered.result().usage().inputTokens()).isEqualTo(7);
    assertThat(answered.result().usage().cachedInputTokens()).isEqualTo(2);
    assertThat(answered.result().finishReason()).isEqualTo(dev.sluice.llm.FinishReason.LENGTH);
    assertThat(answered.result().answeredModel()).isEqualTo("claude-x");
    assertThat(answered.result().providerRequestId()).isEqualTo("msg_1");
    assertThat(errored.outcome()).isEqualTo(Outcome.ERRORED);
    assertThat(errored.error()).isEqualTo("errored: overloaded_error: Busy");
    assertThat(api.result(json("{\"custom_id\":\"c\",\"result\":{\"type\":\"canceled\"}}")))
        .extracting(BatchResult::outcome)
        .isEqualTo(Outcome.CANCELLED);
    assertThat(api.result(json("{\"custom_id\":\"d\",\"result\":{\"type\":\"expired\"}}")))
        .extracting(BatchResult::outcome)
        .isEqualTo(Outcome.EXPIRED);
  }

  @Test
  void batchBodiesAreTheAdaptersBodiesUnstreamed() {
    ChatRequest request =
        ChatRequest.of("m", List.of(ChatMessage.system("Be brief."), ChatMessage.user("hi")))
            .withMaxOutputTokens(100)
            .withStop(List.of("END"));
    jakarta.json.JsonObject openAiStreamed = json(OpenAiRequestWriter.write(request));
    jakarta.json.JsonObject anthropicStreamed = json(AnthropicRequestWriter.write(request, 4096));

    assertThat(OpenAiRequestWriter.unstreamed(request))
        .doesNotContainKeys("stream", "stream_options")
        .isEqualTo(without(openAiStreamed, "stream", "stream_options"));
    assertThat(AnthropicRequestWriter.unstreamed(request, 4096))
        .doesNotContainKey("stream")
        .isEqualTo(without(anthropicStreamed, "stream"));
  }

  @Test
  void withoutAKeyNothingIsSent() {
    ProviderSettings keyless =
        ProviderSettings.defaults(
            "unit", ProviderType.ANTHROPIC, URI.create("http://127.0.0.1:9/v1"), null);
    ChatRequest request = ChatRequest.of("m", List.of(ChatMessage.user("hi")));

    assertThatThrownBy(
            () ->
                new AnthropicBatchApi(keyless, CLIENT, BatchLimits.ANTHROPIC)
                    .create(List.of(new BatchRequest("a", request)))
                    .toCompletableFuture()
                    .join())
        .hasCauseInstanceOf(LlmException.class)
        .cause()
        .extracting(e -> ((LlmException) e).kind())
        .isEqualTo(LlmErrorKind.PROVIDER_UNAVAILABLE);
  }

  @Test
  void aSnapshotOfAnotherProviderIsRefused() {
    OpenAiBatchApi openAi =
        new OpenAiBatchApi(settings(ProviderType.OPENAI), CLIENT, BatchLimits.OPENAI);
    ProviderBatch anthropic =
        ProviderBatch.fromJson("{\"type\":\"ANTHROPIC\",\"id\":\"m\",\"status\":\"COMPLETED\"}");

    assertThatThrownBy(() -> openAi.status(anthropic))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ANTHROPIC");
  }

  private static BatchResult openAiLine(String line) {
    return new OpenAiBatchApi(settings(ProviderType.OPENAI), CLIENT, BatchLimits.OPENAI)
        .result(json(line));
  }

  private static ProviderSettings settings(ProviderType type) {
    return ProviderSettings.defaults("unit", type, URI.create("http://127.0.0.1:9/v1"), KEY);
  }

  private static jakarta.json.JsonObject without(jakarta.json.JsonObject json, String... keys) {
    jakarta.json.JsonObjectBuilder copy = JsonSupport.object();
    json.forEach(copy::add);
    Arrays.stream(keys).forEach(copy::remove);
    return copy.build();
  }

  private static jakarta.json.JsonObject json(String text) {
    return JsonSupport.parseObject(text);
  }
}
