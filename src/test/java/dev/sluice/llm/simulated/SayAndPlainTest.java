package dev.sluice.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.TokenCounter;
import dev.sluice.llm.simulated.SimulationPlan.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The directives that decide what an answer says rather than how it arrives. */
class SayAndPlainTest {

  private static final String MARKDOWN =
      "# Title\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n```js\nlet a = `b`;\n```\n";

  private final SimulatorSettings settings = SimulatorSettings.defaults();

  private SimulationPlan plan(String prompt) {
    return plan(ChatRequest.of("m", List.of(ChatMessage.user(prompt))));
  }

  private SimulationPlan plan(ChatRequest request) {
    return SimulationPlan.of(settings, request, 1);
  }

  @Test
  void sayAnswersTheMessageVerbatim() {
    SimulationPlan p = plan("[sim:say delay=20]\n" + MARKDOWN);
    assertThat(p.text()).isEqualTo(MARKDOWN);
    assertThat(p.pieces()).isEqualTo(TokenCounter.instance().split(MARKDOWN));
    assertThat(p.interTokenDelay()).isEqualTo(Duration.ofMillis(20));
    assertThat(p.fault()).isEqualTo(Fault.NONE);
    assertThat(p.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void sayKeepsMarkupBracketsAndEntities() {
    String text = "a ] b <img src=x onerror=alert(1)> <script>x()</script> &amp; `tick`\n  end";
    assertThat(plan("[sim:say] " + text).text()).isEqualTo(text);
  }

  @Test
  void sayIgnoresTokensButNotMaxOutputTokens() {
    assertThat(plan("[sim:say tokens=2] one two three four five six").text())
        .isEqualTo("one two three four five six");
    ChatRequest capped =
        ChatRequest.of("m", List.of(ChatMessage.user("[sim:say] one two three four five six")))
            .withMaxOutputTokens(3);
    SimulationPlan p = plan(capped);
    assertThat(p.pieces()).hasSize(3);
    assertThat(p.text()).isEqualTo("one two three");
    assertThat(p.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void sayWinsOverJsonMode() {
    ChatRequest json =
        ChatRequest.of("m", List.of(ChatMessage.user("[sim:say]{\"points\": []}")))
            .withJsonOutput(true);
    assertThat(plan(json).text()).isEqualTo("{\"points\": []}");
  }

  @Test
  void sayCanBeCut() {
    SimulationPlan p = plan("[sim:say cut-after=3]\n" + MARKDOWN);
    assertThat(p.fault()).isEqualTo(Fault.CUT);
    assertThat(p.cutAfter()).isEqualTo(3);
    assertThat(p.text()).isEqualTo(MARKDOWN);
  }

  @Test
  void aLongAnswerIsMarkdownUnlessPlainIsAsked() {
    String markdown = plan("Tell me about rivers [sim:tokens=200]").text();
    assertThat(markdown).startsWith("Simulated answer about \"Tell me about rivers\":");
    assertThat(markdown.lines()).anyMatch(l -> l.startsWith("## "));
    SimulationPlan plain = plan("Tell me about rivers [sim:tokens=200 plain]");
    assertThat(plain.pieces()).hasSize(200);
    assertThat(plain.text())
        .startsWith("Simulated answer about \"Tell me about rivers\":")
        .matches("[A-Za-z .:\"']+");
  }
}
