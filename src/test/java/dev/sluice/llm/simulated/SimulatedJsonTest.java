package dev.sluice.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.http.JsonSupport;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON-mode requests get an object shaped by what the system prompt asks for. */
class SimulatedJsonTest {

  private final SimulatorSettings settings = SimulatorSettings.defaults();

  private SimulationPlan plan(String system, String user) {
    ChatRequest request =
        ChatRequest.of("m", List.of(ChatMessage.system(system), ChatMessage.user(user)))
            .withJsonOutput(true);
    return SimulationPlan.of(settings, request, 1);
  }

  @Test
  void sentimentPromptsGetALabelAScoreAndAReason() {
    JsonObject o = JsonSupport.parseObject(plan("Judge the sentiment.", "A fine day.").text());

    assertThat(o.getString("label")).isIn("positive", "neutral", "negative", "mixed");
    double score = o.getJsonNumber("score").doubleValue();
    assertThat(score).isBetween(-1.0, 1.0);
    if (o.getString("label").equals("positive")) {
      assertThat(score).isPositive();
    }
    assertThat(o.getString("reason")).endsWith(".");
  }

  @Test
  void pointsPromptsGetAListOfPoints() {
    JsonObject o = JsonSupport.parseObject(plan("List the key points.", "A fine day.").text());

    assertThat(o.getJsonArray("points")).hasSizeBetween(3, 5);
    assertThat(o.getJsonArray("points").getString(0)).isNotBlank();
  }

  @Test
  void otherPromptsGetAnAnswerField() {
    JsonObject o = JsonSupport.parseObject(plan("Be helpful.", "A fine day.").text());

    assertThat(o.getString("answer")).isNotBlank();
  }

  @Test
  void theSamePromptGetsTheSameObjectAndAnotherPromptAnother() {
    assertThat(plan("sentiment", "A fine day.").text())
        .isEqualTo(plan("sentiment", "A fine day. [sim:delay=1]").text());
    assertThat(plan("points", "A fine day.").text()).isNotEqualTo(plan("points", "Rain.").text());
  }

  @Test
  void invalidJsonDirectiveCutsTheObject() {
    String text = plan("sentiment", "A fine day. [sim:invalid-json]").text();

    assertThat(text).startsWith("{");
    assertThatThrownBy(() -> JsonSupport.parseObject(text)).isNotNull();
  }

  @Test
  void maxOutputTokensCutsJsonLikeARealModel() {
    ChatRequest request =
        ChatRequest.of("m", List.of(ChatMessage.system("sentiment"), ChatMessage.user("Hi")))
            .withJsonOutput(true)
            .withMaxOutputTokens(3);
    SimulationPlan p = SimulationPlan.of(settings, request, 1);

    assertThat(p.pieces()).hasSize(3);
    assertThat(p.finishReason()).isEqualTo(FinishReason.LENGTH);
  }
}
