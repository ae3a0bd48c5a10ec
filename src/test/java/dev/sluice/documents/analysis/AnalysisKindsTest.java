package dev.sluice.documents.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Priority;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.http.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Each analysis kind, answered as the simulated provider answers. */
class AnalysisKindsTest {

  private static final String TEXT =
      "The river rose after the storm. The town held its breath.\n\nBy morning it was calm.";

  private final Fixture fixture = new Fixture();

  @Test
  void summaryIsOneCallWithTheWholeText() {
    AnalysisOutcome outcome = fixture.run(Fixture.text(TEXT), AnalysisKind.SUMMARY, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(outcome.output()).startsWith("Simulated answer about");
    assertThat(outcome.modelAnswered()).isEqualTo("big");
    assertThat(fixture.gate.calls()).isEqualTo(1);
    ChatRequest request = fixture.gate.requests.get(0);
    assertThat(Fixture.user(request)).contains(TEXT).contains("Title: Rivers");
    assertThat(Fixture.system(request)).contains("summarise");
    assertThat(request.jsonOutput()).isFalse();
    assertThat(fixture.gate.priorities).containsExactly(Priority.BATCH);
    assertThat(outcome.inputTokens() + outcome.outputTokens())
        .isEqualTo(fixture.gate.tokensAnswered());
    assertThat(outcome.costUsd()).isEqualByComparingTo(ScriptedGate.COST);
    assertThat(outcome.attempts()).isEqualTo(1);
    assertThat(outcome.transcript()).isNull();
  }

  @Test
  void keyPointsAreAJsonArrayOfStrings() {
    AnalysisOutcome outcome = fixture.run(Fixture.text(TEXT), AnalysisKind.KEY_POINTS, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    JsonArray points = readArray(outcome.output());
    assertThat(points).hasSizeBetween(3, 5).allMatch(p -> p instanceof JsonString);
    assertThat(fixture.gate.requests.get(0).jsonOutput()).isTrue();
    assertThat(fixture.gate.calls()).isEqualTo(1);
  }

  @Test
  void sentimentIsAValidatedObject() {
    AnalysisOutcome outcome = fixture.run(Fixture.text(TEXT), AnalysisKind.SENTIMENT, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    JsonObject sentiment = JsonSupport.parseObject(outcome.output());
    assertThat(sentiment.keySet()).containsExactly("label", "score", "reason");
    assertThat(sentiment.getString("label")).isIn(SentimentFormat.LABELS);
    assertThat(sentiment.getJsonNumber("score").doubleValue()).isBetween(-1.0, 1.0);
    assertThat(sentiment.getString("reason")).isNotBlank();
    assertThat(fixture.gate.requests.get(0).jsonOutput()).isTrue();
  }

  @Test
  void customAppliesTheInstruction() {
    AnalysisOptions options = new AnalysisOptions(null, Priority.LOW, "List every place named.");
    AnalysisOutcome outcome = fixture.runWith(Fixture.text(TEXT), AnalysisKind.CUSTOM, options);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(Fixture.user(fixture.gate.requests.get(0)))
        .startsWith("Instruction: List every place named.")
        .contains(TEXT);
    assertThat(fixture.gate.priorities).containsExactly(Priority.LOW);
  }

  @Test
  void customWithoutAnInstructionFailsWithoutACall() {
    AnalysisOptions options = new AnalysisOptions(null, Priority.BATCH, "  ");
    AnalysisOutcome outcome = fixture.runWith(Fixture.text(TEXT), AnalysisKind.CUSTOM, options);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.FAILED);
    assertThat(outcome.errorCode()).isEqualTo("MISSING_INSTRUCTION");
    assertThat(fixture.gate.calls()).isZero();
  }

  @Test
  void describeImageSendsTheImageToAVisionModel() {
    AnalysisOutcome outcome = fixture.run(Fixture.image(), AnalysisKind.DESCRIBE_IMAGE, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(outcome.output()).contains("image/png");
    ChatRequest request = fixture.gate.requests.get(0);
    assertThat(request.messages().get(1).images()).hasSize(1);
    assertThat(request.messages().get(1).images().get(0).mediaType()).isEqualTo("image/png");
  }

  @Test
  void describeImageWithAModelWithoutVisionFailsClearly() {
    AnalysisOutcome outcome = fixture.run(Fixture.image(), AnalysisKind.DESCRIBE_IMAGE, "blind");

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.FAILED);
    assertThat(outcome.errorCode()).isEqualTo("MODEL_LACKS_VISION");
    assertThat(outcome.errorMessage()).contains("blind").contains("vision");
    assertThat(fixture.gate.calls()).isZero();
  }

  @Test
  void transcribeTurnsAudioIntoTheTranscript() {
    AnalysisOutcome outcome = fixture.run(Fixture.audio(null), AnalysisKind.TRANSCRIBE, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(outcome.output()).isEqualTo(Fixture.TRANSCRIPT);
    assertThat(outcome.transcript()).isEqualTo(Fixture.TRANSCRIPT);
    assertThat(outcome.modelAnswered()).isEqualTo("ears");
    assertThat(fixture.transcriptions).hasSize(1);
    assertThat(fixture.transcriptions.get(0).fileName()).isEqualTo("d-3.mp3");
    assertThat(fixture.transcriptions.get(0).mediaType()).isEqualTo("audio/mpeg");
    assertThat(fixture.gate.calls()).isZero();
  }

  @Test
  void aTextAnalysisOfUntranscribedAudioTranscribesFirst() {
    AnalysisOutcome outcome = fixture.run(Fixture.audio(null), AnalysisKind.SUMMARY, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(outcome.transcript()).isEqualTo(Fixture.TRANSCRIPT);
    assertThat(outcome.modelAnswered()).isEqualTo("big");
    assertThat(outcome.attempts()).isEqualTo(2);
    assertThat(fixture.transcriptions).hasSize(1);
    assertThat(Fixture.user(fixture.gate.requests.get(0))).contains(Fixture.TRANSCRIPT);
  }

  @Test
  void audioAlreadyTranscribedIsAnalysedFromItsText() {
    AnalysisOutcome outcome =
        fixture.run(Fixture.audio("Stored transcript."), AnalysisKind.SUMMARY, null);

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(outcome.transcript()).isNull();
    assertThat(fixture.transcriptions).isEmpty();
    assertThat(Fixture.user(fixture.gate.requests.get(0))).contains("Stored transcript.");
  }

  @Test
  void analysesThatDoNotApplyAreSkippedWithoutACall() {
    AnalysisOutcome summaryOfImage = fixture.run(Fixture.image(), AnalysisKind.SUMMARY, null);
    AnalysisOutcome imageOfText =
        fixture.run(Fixture.text(TEXT), AnalysisKind.DESCRIBE_IMAGE, null);
    AnalysisOutcome transcribeText = fixture.run(Fixture.text(TEXT), AnalysisKind.TRANSCRIBE, null);

    assertThat(summaryOfImage.status()).isEqualTo(AnalysisStatus.SKIPPED);
    assertThat(summaryOfImage.errorMessage())
        .isEqualTo("summary does not apply to image documents");
    assertThat(imageOfText.status()).isEqualTo(AnalysisStatus.SKIPPED);
    assertThat(transcribeText.status()).isEqualTo(AnalysisStatus.SKIPPED);
    assertThat(fixture.gate.calls()).isZero();
    assertThat(fixture.transcriptions).isEmpty();
  }

  private static JsonArray readArray(String json) {
    return JsonProvider.provider().createReader(new StringReader(json)).readArray();
  }
}
