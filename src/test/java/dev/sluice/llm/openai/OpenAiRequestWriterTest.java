package dev.sluice.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ContentPart;
import dev.sluice.llm.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiRequestWriterTest {

  private static final String STREAM =
      "\"stream\":true,\"stream_options\":{\"include_usage\":true}";

  @Test
  void textOnlyMessagesAreStrings() {
    ChatRequest request =
        ChatRequest.of(
            "gpt-4o-mini",
            List.of(
                ChatMessage.system("Be brief."),
                ChatMessage.user("Hi \"there\""),
                ChatMessage.assistant("Hello.")));
    assertThat(OpenAiRequestWriter.write(request))
        .isEqualTo(
            "{\"model\":\"gpt-4o-mini\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"Hi \\\"there\\\"\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hello.\"}],"
                + STREAM
                + "}");
  }

  @Test
  void imagesMakeAPartsArrayWithDataUrls() {
    ChatMessage message =
        new ChatMessage(
            Role.USER,
            List.of(
                new ContentPart.Text("What is this?"),
                new ContentPart.Image("image/png", "iVBORw0K")));
    assertThat(OpenAiRequestWriter.write(ChatRequest.of("gpt-4o", List.of(message))))
        .isEqualTo(
            "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"What is this?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0K\"}}]}],"
                + STREAM
                + "}");
  }

  @Test
  void optionsJsonModeAndStopSequences() {
    ChatRequest request =
        ChatRequest.of("gpt-4o-mini", List.of(ChatMessage.user("List as JSON")))
            .withTemperature(0.2)
            .withMaxOutputTokens(300)
            .withStop(List.of("END", "\n\n"))
            .withJsonOutput(true);
    assertThat(OpenAiRequestWriter.write(request))
        .isEqualTo(
            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"List as JSON\"}],"
                + "\"temperature\":0.2,\"max_tokens\":300,\"stop\":[\"END\",\"\\n\\n\"],"
                + "\"response_format\":{\"type\":\"json_object\"},"
                + STREAM
                + "}");
  }
}
