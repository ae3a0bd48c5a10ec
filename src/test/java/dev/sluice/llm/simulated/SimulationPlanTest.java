package dev.sluice.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ContentPart;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.Role;
import dev.sluice.llm.TokenCounter;
import dev.sluice.llm.simulated.SimulationPlan.Fault;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationPlanTest {

  private final SimulatorSettings settings = SimulatorSettings.defaults();

  private SimulationPlan plan(String prompt) {
    return SimulationPlan.of(settings, ChatRequest.of("m", List.of(ChatMessage.user(prompt))), 1);
  }

  @Test
  void normalPlanFollowsTheSettings() {
    ChatRequest request = ChatRequest.of("m", List.of(ChatMessage.user("Hello there")));
    SimulationPlan p = SimulationPlan.of(settings, request, 1);
    assertThat(p.fault()).isEqualTo(Fault.NONE);
    assertThat(p.pieces()).hasSize(48);
    assertThat(p.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(p.firstTokenDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(p.interTokenDelay()).isEqualTo(Duration.ofMillis(20));
    assertThat(p.inputTokens()).isEqualTo(TokenCounter.instance().countPrompt(request));
  }

  @Test
  void maxOutputTokensCapsTheAnswerWithLength() {
    ChatRequest request =
        ChatRequest.of("m", List.of(ChatMessage.user("Hello"))).withMaxOutputTokens(5);
    SimulationPlan p = SimulationPlan.of(settings, request, 1);
    assertThat(p.pieces()).hasSize(5);
    assertThat(p.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void faultDirectives() {
    SimulationPlan rl = plan("hi [sim:rate-limit retry-after=3]");
    assertThat(rl.fault()).isEqualTo(Fault.RATE_LIMITED);
    assertThat(rl.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(plan("[sim:rate-limit] hi").retryAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(plan("[sim:server-error] hi").fault()).isEqualTo(Fault.SERVER_ERROR);
    assertThat(plan("[sim:overloaded] hi").fault()).isEqualTo(Fault.OVERLOADED);
    assertThat(plan("[sim:malformed] hi").fault()).isEqualTo(Fault.MALFORMED);
    SimulationPlan cut = plan("hi [sim:cut-after=5]");
    assertThat(cut.fault()).isEqualTo(Fault.CUT);
    assertThat(cut.cutAfter()).isEqualTo(5);
    SimulationPlan slow = plan("hi [sim:slow-first-token=3000]");
    assertThat(slow.fault()).isEqualTo(Fault.SLOW_FIRST_TOKEN);
    assertThat(slow.firstTokenDelay()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void paceAndLengthDirectives() {
    SimulationPlan p = plan("hi [sim:tokens=10] [sim:delay=50] [sim:first-token=100]");
    assertThat(p.fault()).isEqualTo(Fault.NONE);
    assertThat(p.pieces()).hasSize(10);
    assertThat(p.interTokenDelay()).isEqualTo(Duration.ofMillis(50));
    assertThat(p.firstTokenDelay()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void directivesAreStrippedBeforeTheTextIsWritten() {
    assertThat(plan("Tell me about rivers [sim:tokens=30]").text())
        .isEqualTo(plan("Tell me about rivers [sim:tokens=30] [sim:delay=1]").text())
        .startsWith("Simulated answer about \"Tell me about rivers\":");
  }

  @Test
  void unknownOrBadDirectivesAreRejected() {
    assertThatThrownBy(() -> plan("[sim:explode]")).hasMessageContaining("explode");
    assertThatThrownBy(() -> plan("[sim:tokens=many]")).hasMessageContaining("tokens");
  }

  @Test
  void anImageInTheLastUserMessageIsDescribed() {
    ChatMessage withImage =
        new ChatMessage(
            Role.USER,
            List.of(
                new ContentPart.Text("What is this?"), new ContentPart.Image("image/png", "AAAA")));
    SimulationPlan p = SimulationPlan.of(settings, ChatRequest.of("m", List.of(withImage)), 1);
    assertThat(p.text()).contains("image/png").contains("3 bytes");
  }

  @Test
  void ratioFaultsLandNearTheirRatios() {
    SimulatorSettings s =
        SimulatorSettings.from(
            Map.of(
                "rate-limit-ratio", "0.1",
                "server-error-ratio", "0.05",
                "overloaded-ratio", "0.05",
                "cut-ratio", "0.02",
                "slow-first-token-ratio", "0.03",
                "malformed-ratio", "0.01"));
    Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
    for (long ordinal = 1; ordinal <= 10_000; ordinal++) {
      counts.merge(SimulationPlan.drawFault(s, ordinal), 1, Integer::sum);
    }
    assertThat(counts.get(Fault.RATE_LIMITED)).isBetween(880, 1120);
    assertThat(counts.get(Fault.SERVER_ERROR)).isBetween(410, 590);
    assertThat(counts.get(Fault.OVERLOADED)).isBetween(410, 590);
    assertThat(counts.get(Fault.CUT)).isBetween(140, 260);
    assertThat(counts.get(Fault.SLOW_FIRST_TOKEN)).isBetween(230, 370);
    assertThat(counts.get(Fault.MALFORMED)).isBetween(60, 140);
    assertThat(counts.get(Fault.NONE)).isBetween(7400, 7800);
  }

  @Test
  void noFaultsWithoutRatios() {
    for (long ordinal = 1; ordinal <= 1000; ordinal++) {
      assertThat(SimulationPlan.drawFault(settings, ordinal)).isEqualTo(Fault.NONE);
    }
  }
}
