package dev.sluice.llm.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.http.JsonSupport;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request files written as they are read: each provider's format, and its limits. */
class BatchFileTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void anOpenAiFileHoldsOneChatCompletionsRequestALine() throws IOException {
    BatchFile file = api(ProviderType.OPENAI, BatchLimits.OPENAI).newFile(dir.resolve("a.jsonl"));
    assertThat(file.add(item("a", "Hello"))).isTrue();
    assertThat(file.add(item("b", "Again"))).isTrue();
    file.close();

    List<String> lines = Files.readAllLines(file.path());
    assertThat(lines).hasSize(2);
    JsonObject first = JsonSupport.parseObject(lines.get(0));
    assertThat(first.getString("custom_id")).isEqualTo("a");
    assertThat(first.getString("url")).isEqualTo("/v1/chat/completions");
    assertThat(first.getJsonObject("body").getJsonArray("messages")).hasSize(1);
    assertThat(file.count()).isEqualTo(2);
    assertThat(file.bytes()).isEqualTo(Files.size(file.path()));
  }

  @Test
  void anAnthropicFileIsTheBodysRequestsArrayWithoutItsBrackets() throws IOException {
    BatchFile file =
        api(ProviderType.ANTHROPIC, BatchLimits.ANTHROPIC).newFile(dir.resolve("a.json"));
    file.add(item("a", "Hello"));
    file.add(item("b", "Again"));
    file.close();

    String body = "{\"requests\":[" + Files.readString(file.path(), StandardCharsets.UTF_8) + "]}";
    List<JsonObject> requests =
        JsonSupport.parseObject(body).getJsonArray("requests").getValuesAs(JsonObject.class);
    assertThat(requests).extracting(r -> r.getString("custom_id")).containsExactly("a", "b");
    assertThat(requests.get(1).getJsonObject("params").getInt("max_tokens")).isPositive();
  }

  @Test
  void aRequestPastALimitIsRefusedAndTheFileKeptAsItWas() throws IOException {
    for (ProviderType type : List.of(ProviderType.OPENAI, ProviderType.ANTHROPIC)) {
      BatchFile byCount = api(type, new BatchLimits(2, 1_000_000)).newFile(dir.resolve("c"));
      assertThat(byCount.add(item("a", "x"))).isTrue();
      assertThat(byCount.add(item("b", "x"))).isTrue();
      assertThat(byCount.add(item("c", "x"))).as(type + ": a third of two").isFalse();
      assertThat(byCount.count()).isEqualTo(2);

      long one = oneRequestBytes(type);
      // Room for the framing and one request, not two: the second is refused.
      BatchFile bySize = api(type, new BatchLimits(100, one + 20)).newFile(dir.resolve("s"));
      assertThat(bySize.add(item("a", "x"))).isTrue();
      long before = bySize.bytes();
      assertThat(bySize.add(item("b", "x"))).as(type + ": past the bytes").isFalse();
      assertThat(bySize.bytes()).isEqualTo(before);
      bySize.close();
      assertThat(Files.size(bySize.path())).isEqualTo(before);
    }
  }

  @Test
  void aRequestLargerThanAWholeBatchIsRefusedOutright() throws IOException {
    BatchFile file = api(ProviderType.OPENAI, new BatchLimits(10, 500)).newFile(dir.resolve("b"));

    assertThatThrownBy(() -> file.add(item("big", "x".repeat(600))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("500 bytes");
  }

  @Test
  void aClosedFileTakesNoMoreAndAnEmptyOneIsNoBatch() throws IOException {
    ProviderBatchApi api = api(ProviderType.ANTHROPIC, BatchLimits.ANTHROPIC);
    BatchFile empty = api.newFile(dir.resolve("e"));

    assertThatThrownBy(() -> api.create(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one request");
    assertThatThrownBy(() -> empty.add(item("a", "x"))).isInstanceOf(IllegalStateException.class);
  }

  /** The bytes a file of one short request takes, framing included. */
  private long oneRequestBytes(ProviderType type) throws IOException {
    try (BatchFile probe = api(type, BatchLimits.OPENAI).newFile(dir.resolve("probe"))) {
      probe.add(item("a", "x"));
      return probe.bytes() + (type == ProviderType.ANTHROPIC ? "{\"requests\":[]}".length() : 0);
    }
  }

  private static ProviderBatchApi api(ProviderType type, BatchLimits limits) {
    ProviderSettings settings =
        ProviderSettings.defaults("unit", type, URI.create("http://127.0.0.1:9/v1"), "sk-unit");
    return type == ProviderType.OPENAI
        ? new OpenAiBatchApi(settings, CLIENT, limits)
        : new AnthropicBatchApi(settings, CLIENT, limits);
  }

  private static BatchRequest item(String id, String text) {
    return new BatchRequest(id, ChatRequest.of("m", List.of(ChatMessage.user(text))));
  }
}
