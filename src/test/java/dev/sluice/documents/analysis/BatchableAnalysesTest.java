package dev.sluice.documents.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Priority;
import dev.sluice.llm.Capability;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.ModelCatalog;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.Price;
import dev.sluice.llm.http.JsonSupport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An analysis answered by a provider batch: its one call captured unsent, then the analysis run on
 * the provider's answer, giving what the same answer would have given interactively.
 */
class BatchableAnalysesTest {

  private final Fixture fixture = new Fixture();
  private final BatchableAnalyses batchable = fixture.batchable();
  private final AnalysisOptions options = new AnalysisOptions(null, Priority.BATCH, null);

  @Test
  void aTextThatFitsHasOneCallAndItsBatchAnswerGivesTheInteractiveOutput() {
    AnalysisInput input = Fixture.text("The river rose and the gates held.");

    ChatRequest call = batchable.singleCall(input, AnalysisKind.SUMMARY, options).orElseThrow();
    assertThat(fixture.gate.calls()).as("nothing sent while capturing").isZero();

    ChatResult answer = ScriptedGate.result(call, "The gates held the river.");
    AnalysisOutcome batched = answered(input, AnalysisKind.SUMMARY, call, answer, null);
    fixture.gate.then(ScriptedGate.answer("The gates held the river."));
    AnalysisOutcome interactive = fixture.run(input, AnalysisKind.SUMMARY, null);

    assertThat(fixture.gate.requests).containsExactly(call);
    assertThat(batched.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(batched.output()).isEqualTo(interactive.output());
    assertThat(batched.inputTokens()).isEqualTo(interactive.inputTokens());
    assertThat(batched.outputTokens()).isEqualTo(interactive.outputTokens());
    assertThat(batched.attempts()).isEqualTo(1);
  }

  @Test
  void anInvalidBatchAnswerIsRepairedThroughTheGate() {
    AnalysisInput input = Fixture.text("A fine day.");
    ChatRequest call = batchable.singleCall(input, AnalysisKind.SENTIMENT, options).orElseThrow();
    fixture.gate.then(
        ScriptedGate.answer(
            "{\"label\": \"positive\", \"score\": 0.8, \"reason\": \"It is fine.\"}"));

    AnalysisOutcome outcome =
        answered(
            input,
            AnalysisKind.SENTIMENT,
            call,
            ScriptedGate.result(call, "I think it is quite positive."),
            null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(JsonSupport.parseObject(outcome.output()).getString("label")).isEqualTo("positive");
    assertThat(fixture.gate.calls()).as("only the repair was sent").isEqualTo(1);
    assertThat(fixture.gate.requests.get(0).lastUserText()).startsWith("That answer is not valid");
    assertThat(outcome.attempts()).isEqualTo(2);
  }

  @Test
  void aRequestTheProviderFailedFailsTheAnalysisAsTheGatesFailureWould() {
    AnalysisInput input = Fixture.text("A fine day.");
    ChatRequest call = batchable.singleCall(input, AnalysisKind.SUMMARY, options).orElseThrow();

    AnalysisOutcome outcome =
        answered(
            input,
            AnalysisKind.SUMMARY,
            call,
            null,
            LlmException.builder(LlmErrorKind.SERVER_ERROR, "errored: overloaded").build());

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.FAILED);
    assertThat(outcome.errorCode()).isEqualTo("SERVER_ERROR");
    assertThat(fixture.gate.calls()).isZero();
  }

  @Test
  void aCallThatIsNoLongerTheOneAskedGoesThroughTheGate() {
    ChatRequest asked =
        batchable
            .singleCall(Fixture.text("The old text."), AnalysisKind.SUMMARY, options)
            .orElseThrow();
    AnalysisInput changed = Fixture.text("The new text, edited since.");

    AnalysisOutcome outcome =
        answered(
            changed, AnalysisKind.SUMMARY, asked, ScriptedGate.result(asked, "Old summary."), null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(outcome.output()).isNotEqualTo("Old summary.");
    assertThat(fixture.gate.calls()).isEqualTo(1);
  }

  @Test
  void aTextSplitIntoSectionsAudioToTranscribeAndAFailingAnalysisHaveNoSingleCall() {
    String longText =
        IntStream.rangeClosed(1, 60)
            .mapToObj(
                i ->
                    "Paragraph "
                        + i
                        + " talks at some length about rivers, gates, bridges, the water"
                        + " that flows between them and the people who watch it.")
            .collect(Collectors.joining("\n\n"));

    assertThat(
            batchable.singleCall(
                Fixture.text(longText),
                AnalysisKind.SUMMARY,
                new AnalysisOptions("tiny", Priority.BATCH, null)))
        .isEmpty();
    assertThat(batchable.singleCall(Fixture.audio(null), AnalysisKind.SUMMARY, options)).isEmpty();
    assertThat(batchable.singleCall(Fixture.text(" "), AnalysisKind.SUMMARY, options)).isEmpty();
    assertThat(batchable.singleCall(Fixture.image(), AnalysisKind.SUMMARY, options)).isEmpty();
    assertThat(fixture.transcriptions).isEmpty();
    assertThat(fixture.gate.calls()).isZero();
    // Transcribed audio and images are one call each.
    assertThat(batchable.singleCall(Fixture.audio("Said aloud."), AnalysisKind.SUMMARY, options))
        .isPresent();
    assertThat(batchable.singleCall(Fixture.image(), AnalysisKind.DESCRIBE_IMAGE, options))
        .isPresent();
  }

  @Test
  void aBatchAnswerWithoutACostIsPricedAtTheModelsBatchPrice() {
    ModelInfo paid =
        new ModelInfo(
            "paid",
            "sim",
            128_000,
            4096,
            Set.of(Capability.STREAMING, Capability.BATCH),
            Price.of("2.00", "8.00", "0.50"));
    BatchableAnalyses priced =
        new BatchableAnalyses(
            fixture.gate,
            () -> new ModelChoice(new ModelCatalog(List.of(paid)), "paid", m -> true, "auto"),
            System::nanoTime,
            1);
    AnalysisInput input = Fixture.text("The river rose.");
    ChatRequest call = priced.singleCall(input, AnalysisKind.SUMMARY, options).orElseThrow();
    ChatResult answer = ScriptedGate.result(call, "It rose.").withCost(null);

    AnalysisOutcome outcome =
        priced
            .answered(input, AnalysisKind.SUMMARY, options, call, answer, null)
            .toCompletableFuture()
            .join();

    BigDecimal batchCost = Price.of("1.00", "4.00", "0.25").cost(answer.usage());
    assertThat(outcome.costUsd()).isEqualByComparingTo(batchCost).isPositive();
  }

  private AnalysisOutcome answered(
      AnalysisInput input,
      AnalysisKind kind,
      ChatRequest call,
      ChatResult answer,
      Throwable failure) {
    return batchable
        .answered(input, kind, options, call, answer, failure)
        .toCompletableFuture()
        .join();
  }
}
