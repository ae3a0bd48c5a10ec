package dev.sluice.documents.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Priority;
import dev.sluice.admission.service.TransientLlmFailure;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Every failure becomes a FAILED outcome with a safe code and message; the stage never fails. */
class FailureMappingTest {

  private final Fixture fixture = new Fixture();

  @Test
  void aProviderFailureKeepsItsKindAndLosesAnyKey() {
    fixture.gate.then(
        ScriptedGate.fails(
            LlmErrorKind.AUTHENTICATION, "Incorrect API key provided: sk-abc123def456ghi", 1));

    AnalysisOutcome outcome = fixture.run(Fixture.text("Text."), AnalysisKind.SUMMARY, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.FAILED);
    assertThat(outcome.errorCode()).isEqualTo("AUTHENTICATION");
    assertThat(outcome.errorMessage()).isEqualTo("Incorrect API key provided: [redacted]");
  }

  @Test
  void attemptsOfAFailedCallAreCounted() {
    fixture.gate.then(ScriptedGate.fails(LlmErrorKind.RATE_LIMITED, "slow down", 4));

    AnalysisOutcome outcome = fixture.run(Fixture.text("Text."), AnalysisKind.SENTIMENT, null);

    assertThat(outcome.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(outcome.attempts()).isEqualTo(4);
    assertThat(outcome.costUsd()).isZero();
  }

  @Test
  void aFailingSectionFailsTheWholeDocumentAndStopsStartingSections() {
    fixture.sectionParallelism = 1;
    fixture
        .gate
        .then(ScriptedGate.answer("First part."))
        .then(ScriptedGate.fails(LlmErrorKind.OVERLOADED, "overloaded", 4));
    String text = "Paragraph about rivers and gates and water. ".repeat(400);

    AnalysisOutcome outcome = fixture.run(Fixture.text(text), AnalysisKind.SUMMARY, "tiny");

    assertThat(outcome.errorCode()).isEqualTo("OVERLOADED");
    assertThat(fixture.gate.calls()).isEqualTo(2);
    assertThat(outcome.attempts()).isEqualTo(5);
  }

  @Test
  void aTranscriptionFailureIsUnwrapped() {
    LlmException cause = LlmException.builder(LlmErrorKind.SERVER_ERROR, "upstream 500").build();
    fixture.transcriber = request -> CompletableFuture.failedFuture(new TransientLlmFailure(cause));

    AnalysisOutcome outcome = fixture.run(Fixture.audio(null), AnalysisKind.KEY_POINTS, null);

    assertThat(outcome.errorCode()).isEqualTo("SERVER_ERROR");
    assertThat(outcome.errorMessage()).isEqualTo("upstream 500");
    assertThat(outcome.attempts()).isEqualTo(1);
    assertThat(fixture.gate.calls()).isZero();
  }

  @Test
  void unexpectedExceptionsAreInternalWithAGenericMessage() {
    AnalysisInput broken =
        new AnalysisInput(
            "d-9",
            "x",
            "image/png",
            null,
            () -> {
              throw new IllegalStateException("database password=hunter2 is wrong");
            });

    AnalysisOutcome outcome = fixture.run(broken, AnalysisKind.DESCRIBE_IMAGE, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.FAILED);
    assertThat(outcome.errorCode()).isEqualTo("INTERNAL");
    assertThat(outcome.errorMessage()).isEqualTo("the analysis could not be completed");
  }

  @Test
  void aGateThatThrowsIsInternalToo() {
    fixture.gate.then(
        request -> {
          throw new IllegalStateException("boom");
        });

    AnalysisOutcome outcome = fixture.run(Fixture.text("Text."), AnalysisKind.SUMMARY, null);

    assertThat(outcome.errorCode()).isEqualTo("INTERNAL");
  }

  @Test
  void unknownModelsAndMissingTextAreNamed() {
    assertThat(fixture.run(Fixture.text("Text."), AnalysisKind.SUMMARY, "nope").errorMessage())
        .isEqualTo("unknown model 'nope'");
    assertThat(fixture.run(Fixture.text(" \n"), AnalysisKind.SUMMARY, null).errorCode())
        .isEqualTo("NO_TEXT");
    assertThat(fixture.run(Fixture.text(null), AnalysisKind.SUMMARY, null).errorCode())
        .isEqualTo("NO_TEXT");
    assertThat(fixture.gate.calls()).isZero();
  }

  @Test
  void aLongTextForAModelTooSmallToReadItInSectionsFailsClearly() {
    String text = "A sentence about rivers. ".repeat(200);

    AnalysisOutcome outcome = fixture.run(Fixture.text(text), AnalysisKind.SUMMARY, "wee");

    assertThat(outcome.errorCode()).isEqualTo("CONTEXT_TOO_SMALL");
    assertThat(outcome.errorMessage()).contains("'wee'").contains("600 tokens");
    assertThat(fixture.gate.calls()).isZero();
  }

  @Test
  void theOutcomeWaitsForTheGateWithoutBlocking() {
    CompletableFuture<ChatResult> answer = new CompletableFuture<>();
    fixture.gate.then(ScriptedGate.opens(answer));

    CompletableFuture<AnalysisOutcome> outcome =
        fixture
            .engine()
            .analyze(
                Fixture.text("Text."),
                AnalysisKind.SUMMARY,
                new AnalysisOptions(null, Priority.BATCH, null))
            .toCompletableFuture();

    assertThat(outcome).isNotDone();
    answer.complete(ScriptedGate.result(fixture.gate.requests.get(0), "Later."));
    assertThat(outcome).isCompleted();
    assertThat(outcome.join().output()).isEqualTo("Later.");
  }
}
