package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatDraftTest {

  private static final Set<String> CATALOG = Set.of("sim-large", "sim-small");

  private static ChatDraft draft(String title, String model, String prompt) {
    return ChatDraft.of(title, model, prompt, CATALOG::contains, "sim-large");
  }

  @Test
  void absentFieldsGetTheDefaults() {
    ChatDraft draft = draft(null, null, null);

    assertThat(draft.title()).isEqualTo(ChatDraft.DEFAULT_TITLE);
    assertThat(draft.model()).isEqualTo("sim-large");
    assertThat(draft.systemPrompt()).isNull();
  }

  @Test
  void blankFieldsCountAsAbsentAndTitlesAreTrimmed() {
    ChatDraft draft = draft("  Rivers  ", " ", "   ");

    assertThat(draft.title()).isEqualTo("Rivers");
    assertThat(draft.model()).isEqualTo("sim-large");
    assertThat(draft.systemPrompt()).isNull();
  }

  @Test
  void limitsAreInclusive() {
    ChatDraft draft = draft("t".repeat(200), "sim-small", "p".repeat(20_000));

    assertThat(draft.title()).hasSize(200);
    assertThat(draft.model()).isEqualTo("sim-small");
    assertThat(draft.systemPrompt()).hasSize(20_000);
  }

  @Test
  void anUnknownModelIsA400NamingModel() {
    assertThat(fieldsOf(() -> draft("t", "gpt-9", null))).containsExactly("model");
  }

  @Test
  void everyWrongFieldIsNamedAtOnce() {
    Problem problem = problemOf(() -> draft("t".repeat(201), "gpt-9", "p".repeat(20_001)));

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors())
        .extracting(Problem.FieldError::field)
        .containsExactly("title", "model", "systemPrompt");
    assertThat(problem.detail()).contains("title").contains("gpt-9").contains("systemPrompt");
  }

  private static java.util.List<String> fieldsOf(Runnable call) {
    return problemOf(call).errors().stream().map(Problem.FieldError::field).toList();
  }

  private static Problem problemOf(Runnable call) {
    ProblemException thrown =
        (ProblemException)
            org.assertj.core.api.Assertions.catchThrowableOfType(ProblemException.class, call::run);
    assertThat(thrown).as("a problem is thrown").isNotNull();
    return thrown.problem();
  }

  @Test
  void aProblemIsAProblemException() {
    assertThatThrownBy(() -> draft(null, "nope", null)).isInstanceOf(ProblemException.class);
  }
}
