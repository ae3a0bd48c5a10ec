package dev.sluice.llm.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ContentPart;
import dev.sluice.llm.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicRequestWriterTest {

  @Test
  void textOnlyWithDefaultMaxTokens() {
    ChatRequest request = ChatRequest.of("claude-haiku-4-5", List.of(ChatMessage.user("Hi")));
    assertThat(AnthropicRequestWriter.write(request, 4096))
        .isEqualTo(
            "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":4096,\"messages\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}],"
                + "\"stream\":true}");
  }

  @Test
  void systemMessagesAreGatheredAndSameRoleMessagesMerged() {
    ChatRequest request =
        ChatRequest.of(
                "claude-sonnet-4-5",
                List.of(
                    ChatMessage.system("You are terse."),
                    ChatMessage.user("One"),
                    ChatMessage.system("Answer in French."),
                    ChatMessage.user("Two"),
                    ChatMessage.assistant("Un, deux")))
            .withMaxOutputTokens(100)
            .withTemperature(0.5)
            .withStop(List.of("trois"));
    assertThat(AnthropicRequestWriter.write(request, 4096))
        .isEqualTo(
            "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,"
                + "\"system\":\"You are terse.\\n\\nAnswer in French.\","
                + "\"messages\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"One\"},"
                + "{\"type\":\"text\",\"text\":\"Two\"}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Un, deux\"}]}],"
                + "\"temperature\":0.5,\"stop_sequences\":[\"trois\"],\"stream\":true}");
  }

  @Test
  void imagesAreBase64Blocks() {
    ChatMessage message =
        new ChatMessage(
            Role.USER,
            List.of(
                new ContentPart.Image("image/jpeg", "/9j/4AAQ"), new ContentPart.Text("What?")));
    assertThat(AnthropicRequestWriter.write(ChatRequest.of("claude", List.of(message)), 1024))
        .isEqualTo(
            "{\"model\":\"claude\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/jpeg\","
                + "\"data\":\"/9j/4AAQ\"}},"
                + "{\"type\":\"text\",\"text\":\"What?\"}]}],\"stream\":true}");
  }

  @Test
  void jsonOutputIsAskedForInTheSystemPrompt() {
    ChatRequest request =
        ChatRequest.of(
                "claude", List.of(ChatMessage.system("Extract fields."), ChatMessage.user("x")))
            .withJsonOutput(true);
    assertThat(AnthropicRequestWriter.write(request, 1024))
        .isEqualTo(
            "{\"model\":\"claude\",\"max_tokens\":1024,\"system\":\"Extract fields.\\n\\n"
                + AnthropicRequestWriter.JSON_INSTRUCTION
                + "\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}],"
                + "\"stream\":true}");
  }
}
