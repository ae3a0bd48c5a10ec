package dev.sluice.documents.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.Role;
import dev.sluice.llm.http.JsonSupport;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invalid structured output gets exactly one repair attempt before the analysis fails. */
class RepairTest {

  private final Fixture fixture = new Fixture();

  @Test
  void invalidSentimentIsRepairedOnce() {
    AnalysisOutcome outcome =
        fixture.run(Fixture.text("A fine day. [sim:invalid-json]"), AnalysisKind.SENTIMENT, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(JsonSupport.parseObject(outcome.output()).getString("label"))
        .isIn(SentimentFormat.LABELS);
    assertThat(fixture.gate.calls()).isEqualTo(2);
    ChatRequest repair = fixture.gate.requests.get(1);
    List<ChatMessage> messages = repair.messages();
    ChatMessage invalid = messages.get(messages.size() - 2);
    assertThat(invalid.role()).isEqualTo(Role.ASSISTANT);
    assertThat(invalid.text()).isEqualTo(fixture.gate.answers.get(0).content());
    assertThat(repair.lastUserText()).startsWith("That answer is not valid: not valid JSON");
    assertThat(repair.jsonOutput()).isTrue();
    assertThat(outcome.attempts()).isEqualTo(2);
    assertThat(outcome.costUsd())
        .isEqualByComparingTo(ScriptedGate.COST.multiply(BigDecimal.valueOf(2)));
    assertThat(outcome.inputTokens() + outcome.outputTokens())
        .isEqualTo(fixture.gate.tokensAnswered());
  }

  @Test
  void stillInvalidAfterTheRepairFails() {
    fixture
        .gate
        .then(ScriptedGate.answer("{\"label\": \"ecstatic\", \"score\": 2}"))
        .then(ScriptedGate.answer("I think it is quite positive."));

    AnalysisOutcome outcome =
        fixture.run(Fixture.text("A fine day."), AnalysisKind.SENTIMENT, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.FAILED);
    assertThat(outcome.errorCode()).isEqualTo("INVALID_OUTPUT");
    assertThat(outcome.errorMessage())
        .startsWith("the model's answer was still invalid after one repair attempt");
    assertThat(outcome.output()).isNull();
    assertThat(fixture.gate.calls()).isEqualTo(2);
    assertThat(fixture.gate.requests.get(1).lastUserText()).contains("\"label\" must be one of");
    assertThat(outcome.attempts()).isEqualTo(2);
    assertThat(outcome.modelAnswered()).isEqualTo("big");
  }

  @Test
  void aBulletedListOfKeyPointsIsAcceptedWithoutRepair() {
    fixture.gate.then(ScriptedGate.answer("Key points:\n- The river rose.\n- The town waited."));

    AnalysisOutcome outcome = fixture.run(Fixture.text("Text."), AnalysisKind.KEY_POINTS, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(outcome.output()).isEqualTo("[\"The river rose.\",\"The town waited.\"]");
    assertThat(fixture.gate.calls()).isEqualTo(1);
  }

  @Test
  void keyPointsWithoutAnyListAreRepaired() {
    fixture
        .gate
        .then(ScriptedGate.answer("The text is about a river."))
        .then(ScriptedGate.answer("```json\n{\"points\": [\"A river rose.\"]}\n```"));

    AnalysisOutcome outcome = fixture.run(Fixture.text("Text."), AnalysisKind.KEY_POINTS, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(outcome.output()).isEqualTo("[\"A river rose.\"]");
    assertThat(fixture.gate.requests.get(1).lastUserText())
        .contains("{\"points\": [\"...\", \"...\"]}");
  }

  @Test
  void anEmptySummaryIsRepairedToo() {
    fixture.gate.then(ScriptedGate.answer("   "));

    AnalysisOutcome outcome = fixture.run(Fixture.text("Text."), AnalysisKind.SUMMARY, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(outcome.output()).startsWith("Simulated answer");
    assertThat(fixture.gate.requests.get(1).lastUserText())
        .startsWith("That answer is not valid: the answer was empty");
  }
}
