package dev.sluice.documents.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.admission.Priority;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.platform.problem.Problem.FieldError;
import dev.sluice.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class UploadAnalysesTest {

  @Test
  void noAnalyzeParameterAsksForNothing() {
    assertThat(UploadAnalyses.of(null, "x", "soon", null, m -> false)).isNull();
  }

  @Test
  void namesAreReadOnceEachInOrderWithNormalPriority() {
    UploadAnalyses asked =
        UploadAnalyses.of(" summary,KEY_POINTS,,summary ", null, null, null, m -> true);

    assertThat(asked.analyses()).containsExactly(AnalysisKind.SUMMARY, AnalysisKind.KEY_POINTS);
    assertThat(asked.priority()).isEqualTo(Priority.NORMAL);
    assertThat(asked.model()).isNull();
    assertThat(asked.instruction()).isNull();
  }

  @Test
  void modelPriorityAndInstructionAreKept() {
    UploadAnalyses asked =
        UploadAnalyses.of("custom", " sim-small ", "low", " Count the rivers. ", m -> true);

    assertThat(asked.analyses()).containsExactly(AnalysisKind.CUSTOM);
    assertThat(asked.model()).isEqualTo("sim-small");
    assertThat(asked.priority()).isEqualTo(Priority.LOW);
    assertThat(asked.instruction()).isEqualTo("Count the rivers.");
  }

  @Test
  void anUnknownAnalysisIsNamedAsAnalyze() {
    assertThat(fields("summary,poetry", null, null, null)).containsExactly("analyze");
  }

  @Test
  void anEmptyAnalyzeAsksForAtLeastOne() {
    assertThat(fields(" , ", null, null, null)).containsExactly("analyze");
  }

  @Test
  void everyWrongParameterIsNamedAtOnce() {
    assertThat(fields("custom,poetry", "no-such-model", "soon", null))
        .containsExactlyInAnyOrder("analyze", "model", "priority", "instruction");
  }

  @Test
  void anOverlongInstructionIsRefused() {
    assertThat(fields("summary", null, null, "x".repeat(UploadAnalyses.MAX_INSTRUCTION + 1)))
        .containsExactly("instruction");
  }

  private static Iterable<String> fields(
      String analyze, String model, String priority, String instruction) {
    ProblemException problem =
        catchThrowableOfType(
            ProblemException.class,
            () -> UploadAnalyses.of(analyze, model, priority, instruction, m -> false));
    assertThat(problem.problem().status()).isEqualTo(400);
    return problem.problem().errors().stream().map(FieldError::field).toList();
  }
}
