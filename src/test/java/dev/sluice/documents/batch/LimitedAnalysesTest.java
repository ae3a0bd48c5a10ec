package dev.sluice.documents.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOptions;
import dev.sluice.documents.analysis.AnalysisOutcome;
import dev.sluice.documents.analysis.AnalysisStatus;
import dev.sluice.documents.analysis.DocumentAnalyzer;
import dev.sluice.documents.batch.se.CountingBatchMetrics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The step batch chunks and upload runs share: what each way an analysis can end becomes, and that
 * only a call that is made takes one of the run's permits.
 */
class LimitedAnalysesTest {

  private static final AnalysisOptions OPTIONS = new AnalysisOptions("sim-small", null, null);
  private static final AnalysisOutcome DONE =
      new AnalysisOutcome(
          AnalysisStatus.COMPLETED,
          "short",
          "sim-small",
          10,
          2,
          BigDecimal.ONE,
          1,
          5,
          null,
          null,
          null);

  private final List<CompletableFuture<AnalysisOutcome>> calls = new ArrayList<>();
  private final List<AnalysisOptions> optionsSeen = new ArrayList<>();
  private final ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
  private final InMemoryBatchJobStore store = new InMemoryBatchJobStore();
  private final CountingBatchMetrics metrics = new CountingBatchMetrics();

  @Test
  void aDeletedDocumentIsGoneWithoutACall() {
    AnalysisOutcome outcome = start(analyses(pending()), null, AnalysisKind.SUMMARY);

    assertThat(outcome)
        .extracting(
            AnalysisOutcome::status, AnalysisOutcome::errorCode, AnalysisOutcome::errorMessage)
        .containsExactly(AnalysisStatus.FAILED, "DOCUMENT_GONE", "the document was deleted");
    assertThat(calls).isEmpty();
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void anAnalysisThatDoesNotApplyIsSkippedWithoutACall() {
    LimitedAnalyses analyses = analyses(pending());

    AnalysisOutcome image = start(analyses, input("image/png"), AnalysisKind.SUMMARY);
    AnalysisOutcome text = start(analyses, input("text/plain"), AnalysisKind.TRANSCRIBE);

    assertThat(List.of(image, text))
        .extracting(
            AnalysisOutcome::status, AnalysisOutcome::errorCode, AnalysisOutcome::errorMessage)
        .containsExactly(
            tuple(AnalysisStatus.SKIPPED, "NOT_APPLICABLE", "summary does not apply to image/png"),
            tuple(
                AnalysisStatus.SKIPPED,
                "NOT_APPLICABLE",
                "transcribe does not apply to text/plain"));
    assertThat(calls).isEmpty();
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void anAnalyzerThatThrowsOrFailsIsAnInternalFailureAndFreesItsPermit() {
    DocumentAnalyzer throwing =
        (input, kind, options) -> {
          throw new IllegalStateException("a bug");
        };
    DocumentAnalyzer failing =
        (input, kind, options) -> CompletableFuture.failedFuture(new IllegalStateException("bug"));

    AnalysisOutcome thrown = start(analyses(throwing), input("text/plain"), AnalysisKind.SUMMARY);
    AnalysisOutcome failed = start(analyses(failing), input("text/plain"), AnalysisKind.SUMMARY);

    assertThat(List.of(thrown, failed))
        .extracting(
            AnalysisOutcome::status, AnalysisOutcome::errorCode, AnalysisOutcome::errorMessage)
        .containsOnly(tuple(AnalysisStatus.FAILED, "INTERNAL", "the analysis failed unexpectedly"));
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void aCallWaitsForAPermitAndItsOutcomeIsTheAnalyzers() {
    LimitedAnalyses analyses = analyses(pending());
    CompletableFuture<AnalysisOutcome> first =
        analyses.start(limiter, input("text/plain"), AnalysisKind.SUMMARY, OPTIONS, "run-1");
    CompletableFuture<AnalysisOutcome> second =
        analyses.start(limiter, input("audio/wav"), AnalysisKind.KEY_POINTS, OPTIONS, "run-1");

    assertThat(calls).hasSize(1);
    assertThat(limiter.waiting()).isOne();
    calls.get(0).complete(DONE);
    assertThat(first).isCompletedWithValue(DONE);
    assertThat(calls).hasSize(2);
    calls.get(1).complete(DONE);
    assertThat(second).isCompletedWithValue(DONE);
    assertThat(optionsSeen).containsOnly(OPTIONS);
  }

  @Test
  void recordingWritesTheOutcomeAndCountsItByStatus() {
    LimitedAnalyses analyses = analyses(pending());
    BatchItem item = new BatchItem(3, "doc-1", BatchItem.Check.USABLE);

    analyses.record(item, 2, "run-1", AnalysisKind.SUMMARY, DONE);
    analyses.record(
        item, 2, "run-1", AnalysisKind.KEY_POINTS, AnalysisOutcome.failed("X", "no", 1, 1));

    assertThat(store.results("run-1"))
        .extracting(r -> r.key().analysis(), AnalysisResult::partitionNo, AnalysisResult::status)
        .containsExactlyInAnyOrder(
            tuple("summary", 2, AnalysisStatus.COMPLETED),
            tuple("key_points", 2, AnalysisStatus.FAILED));
    assertThat(metrics.results(AnalysisStatus.COMPLETED)).isOne();
    assertThat(metrics.results(AnalysisStatus.FAILED)).isOne();
  }

  /** An analyzer whose calls end when the test completes them. */
  private DocumentAnalyzer pending() {
    return (input, kind, options) -> {
      optionsSeen.add(options);
      CompletableFuture<AnalysisOutcome> call = new CompletableFuture<>();
      calls.add(call);
      return call;
    };
  }

  private LimitedAnalyses analyses(DocumentAnalyzer analyzer) {
    LimitedAnalyses analyses = new LimitedAnalyses();
    analyses.analyzer = analyzer;
    analyses.store = store;
    analyses.metrics = metrics;
    return analyses;
  }

  private AnalysisOutcome start(LimitedAnalyses analyses, AnalysisInput input, AnalysisKind kind) {
    CompletableFuture<AnalysisOutcome> outcome =
        analyses.start(limiter, input, kind, OPTIONS, "run-1");
    assertThat(outcome).isDone();
    return outcome.join();
  }

  private static AnalysisInput input(String contentType) {
    return new AnalysisInput("doc-1", "A title", contentType, "Some text.", () -> new byte[0]);
  }
}
