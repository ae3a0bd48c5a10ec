package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.admission.Priority;
import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOptions;
import dev.sluice.documents.analysis.AnalysisOutcome;
import dev.sluice.documents.analysis.AnalysisStatus;
import dev.sluice.documents.analysis.DocumentAnalyzer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the container: the server's analyzer runs summary, key points and sentiment on a text
 * through the real admission gate and the simulated provider, and counts them in its metrics.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentAnalyzerIT {

  private static final String TEXT =
      "The new bridge opened on Monday. Crowds crossed it all day and the river traffic flowed"
          + " on beneath it.\n\nThe mayor thanked the builders; a few residents worried about"
          + " noise. [sim:tokens=12] [sim:delay=1]";

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.withTests();
  }

  @Inject DocumentAnalyzer analyzer;
  @Inject MetricRegistry metrics;

  @Test
  void summaryKeyPointsAndSentimentOfAText() throws Exception {
    long before = completed("sentiment");
    AnalysisInput input = new AnalysisInput("it-1", "Bridge", "text/plain", TEXT, () -> null);
    AnalysisOptions options = new AnalysisOptions("sim-large", Priority.BATCH, null);

    CompletionStage<AnalysisOutcome> summary =
        analyzer.analyze(input, AnalysisKind.SUMMARY, options);
    CompletionStage<AnalysisOutcome> points =
        analyzer.analyze(input, AnalysisKind.KEY_POINTS, options);
    CompletionStage<AnalysisOutcome> sentiment =
        analyzer.analyze(input, AnalysisKind.SENTIMENT, options);

    AnalysisOutcome s = await(summary);
    assertCompleted(s);
    assertFalse(s.output().isBlank());

    AnalysisOutcome p = await(points);
    assertCompleted(p);
    JsonArray list = Json.createReader(new StringReader(p.output())).readArray();
    assertFalse(list.isEmpty());
    list.forEach(v -> assertEquals(jakarta.json.JsonValue.ValueType.STRING, v.getValueType()));

    AnalysisOutcome m = await(sentiment);
    assertCompleted(m);
    JsonObject o = Json.createReader(new StringReader(m.output())).readObject();
    assertTrue(List.of("positive", "neutral", "negative", "mixed").contains(o.getString("label")));
    double score = o.getJsonNumber("score").doubleValue();
    assertTrue(score >= -1 && score <= 1, "score " + score);
    assertFalse(o.getString("reason").isBlank());

    assertEquals(1, completed("sentiment") - before);
  }

  @Test
  void invalidJsonIsRepairedOnceThroughTheGate() throws Exception {
    AnalysisInput input =
        new AnalysisInput(
            "it-2", "Fair", "text/plain", "A fine fair. [sim:invalid-json]", () -> null);

    AnalysisOutcome outcome =
        await(
            analyzer.analyze(
                input,
                AnalysisKind.SENTIMENT,
                new AnalysisOptions("sim-large", Priority.BATCH, null)));

    assertCompleted(outcome);
    assertEquals(2, outcome.attempts());
  }

  @Test
  void aSummaryOfAnImageIsSkipped() throws Exception {
    AnalysisInput image = new AnalysisInput("it-3", "Pic", "image/png", null, () -> new byte[] {1});

    AnalysisOutcome outcome =
        await(
            analyzer.analyze(
                image,
                AnalysisKind.SUMMARY,
                new AnalysisOptions("sim-large", Priority.BATCH, null)));

    assertEquals(AnalysisStatus.SKIPPED, outcome.status());
  }

  private static AnalysisOutcome await(CompletionStage<AnalysisOutcome> stage) throws Exception {
    // The test thread may wait; the analyzer itself never does.
    return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static void assertCompleted(AnalysisOutcome outcome) {
    assertEquals(AnalysisStatus.COMPLETED, outcome.status(), () -> outcome.errorMessage());
    assertEquals("sim-large", outcome.modelAnswered());
    assertTrue(outcome.inputTokens() > 0 && outcome.outputTokens() > 0);
    assertTrue(outcome.costUsd().compareTo(BigDecimal.ZERO) > 0);
    assertTrue(outcome.attempts() >= 1);
    assertNull(outcome.errorCode());
  }

  private long completed(String analysis) {
    Counter counter =
        metrics
            .getCounters()
            .get(
                new MetricID(
                    "sluice.document.analyses",
                    new Tag("analysis", analysis),
                    new Tag("outcome", "completed")));
    return counter == null ? 0 : counter.getCount();
  }
}
