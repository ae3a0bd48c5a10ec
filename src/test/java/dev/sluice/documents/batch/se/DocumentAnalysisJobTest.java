package dev.sluice.documents.batch.se;

import static jakarta.batch.runtime.Metric.MetricType.COMMIT_COUNT;
import static jakarta.batch.runtime.Metric.MetricType.FILTER_COUNT;
import static jakarta.batch.runtime.Metric.MetricType.PROCESS_SKIP_COUNT;
import static jakarta.batch.runtime.Metric.MetricType.READ_COUNT;
import static jakarta.batch.runtime.Metric.MetricType.READ_SKIP_COUNT;
import static jakarta.batch.runtime.Metric.MetricType.ROLLBACK_COUNT;
import static jakarta.batch.runtime.Metric.MetricType.WRITE_COUNT;
import static jakarta.batch.runtime.Metric.MetricType.WRITE_SKIP_COUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisStatus;
import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.AnalysisResult;
import dev.sluice.documents.batch.AnalysisWriter;
import dev.sluice.documents.batch.BatchItemReader;
import dev.sluice.documents.batch.BatchJobListener;
import dev.sluice.documents.batch.BatchLimiters;
import dev.sluice.documents.batch.BatchPartitionMapper;
import dev.sluice.documents.batch.BatchState;
import dev.sluice.documents.batch.DocumentCheckProcessor;
import dev.sluice.documents.batch.InMemoryBatchJobStore;
import dev.sluice.documents.batch.LimitedAnalyses;
import dev.sluice.documents.batch.ResultKey;
import dev.sluice.documents.batch.UnusableDocumentListener;
import dev.sluice.documents.batch.se.BatchJobRuns.PartitionRun;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jberet.creation.BatchCDIExtension;
import org.jboss.weld.bootstrap.api.helpers.RegistrySingletonProvider;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@code document-analysis} job on JBeret SE, its artifacts created by Weld SE, with the
 * store, the analyzer and the metrics replaced by test doubles. Each test starts the job, waits for
 * it to end and checks the job's and every partition's status and counts, then the results.
 */
class DocumentAnalysisJobTest {

  private static final List<AnalysisKind> ANALYSES =
      List.of(AnalysisKind.SUMMARY, AnalysisKind.KEY_POINTS);
  private static final int CHUNK = 4;

  private static WeldContainer cdi;
  private static InMemoryBatchJobStore store;
  private static FakeDocumentAnalyzer analyzer;
  private static CountingBatchMetrics metrics;
  private static BatchJobRuns jobs;

  @BeforeAll
  static void startCdi() {
    // JBeret SE's artifact factory uses the Weld container with this id when one is running.
    cdi =
        new Weld(RegistrySingletonProvider.STATIC_INSTANCE)
            .disableDiscovery()
            .addExtension(new BatchCDIExtension())
            .addBeanClasses(
                BatchPartitionMapper.class,
                BatchItemReader.class,
                DocumentCheckProcessor.class,
                AnalysisWriter.class,
                LimitedAnalyses.class,
                UnusableDocumentListener.class,
                BatchJobListener.class,
                BatchLimiters.class,
                InMemoryBatchJobStore.class,
                FakeDocumentAnalyzer.class,
                CountingBatchMetrics.class,
                InteractiveOnly.class,
                InteractiveOnly.NoSubmission.class)
            .initialize();
    store = cdi.select(InMemoryBatchJobStore.class).get();
    store.joinTransactionsOf(ChunkTransactions.INSTANCE);
    analyzer = cdi.select(FakeDocumentAnalyzer.class).get();
    metrics = cdi.select(CountingBatchMetrics.class).get();
    jobs = new BatchJobRuns();
  }

  @AfterAll
  static void stopCdi() {
    cdi.shutdown();
  }

  @Test
  void completesEveryPartitionWithExactCountsAndOneResultPerDocumentAndAnalysis() throws Exception {
    List<String> documents = textDocuments(25);
    AnalysisBatch batch = store.addBatch(documents, ANALYSES, 3, 4);

    JobExecution execution = jobs.startJobAndWait(parameters(batch));

    assertThat(execution.getBatchStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(jobs.step(execution.getExecutionId()).getBatchStatus())
        .isEqualTo(BatchStatus.COMPLETED);
    // Items 1-9, 10-17, 18-25; four per chunk, and a last chunk that finds the range exhausted.
    assertThat(jobs.partitions(execution.getExecutionId()))
        .containsExactly(
            completed(0, 9, 9, 3, 0), completed(1, 8, 8, 3, 0), completed(2, 8, 8, 3, 0));
    List<AnalysisResult> results = store.results(batch.id());
    assertThat(results).hasSize(50).allMatch(r -> r.status() == AnalysisStatus.COMPLETED);
    assertExactlyOneCommittedResultPerDocumentAndAnalysis(batch, documents);
    assertThat(results)
        .filteredOn(r -> r.itemNo() >= 10 && r.itemNo() <= 17)
        .hasSize(16)
        .allMatch(r -> r.partitionNo() == 1);
    for (String document : documents) {
      for (AnalysisKind kind : ANALYSES) {
        assertThat(analyzer.calls(document, kind)).as("calls for %s", document).isEqualTo(1);
      }
    }
    assertThat(store.batch(batch.id()).orElseThrow())
        .extracting(AnalysisBatch::status, AnalysisBatch::executionId)
        .containsExactly(BatchState.COMPLETED, execution.getExecutionId());
  }

  @Test
  void restartAfterAFailureMidPartitionResumesFromTheCheckpointAndAnalysesEachItemOnce()
      throws Exception {
    List<String> documents = textDocuments(25);
    AnalysisBatch batch = store.addBatch(documents, ANALYSES, 3, 4);
    // Item 7 is in partition 0's second chunk (items 5-8): writing its results fails once.
    store.failOnceWhenRecording(documents.get(6));
    // Item 2's analyses fail (results, not errors): only the checkpoint keeps a restart from
    // reading it again, as the reader also picks up items whose results failed.
    analyzer.failFor(documents.get(1));

    JobExecution failed = jobs.startJobAndWait(parameters(batch));

    assertThat(failed.getBatchStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(jobs.partitions(failed.getExecutionId()))
        .containsExactly(
            new PartitionRun(0, BatchStatus.FAILED, counts(8, 4, 1, 1, 0)),
            completed(1, 8, 8, 3, 0),
            completed(2, 8, 8, 3, 0));
    // The failed chunk's results (items 5 and 6 were written before item 7) rolled back with it.
    assertThat(store.results(batch.id()))
        .hasSize(40)
        .noneMatch(r -> r.itemNo() >= 5 && r.itemNo() <= 9);
    assertThat(store.batch(batch.id()).orElseThrow().status()).isEqualTo(BatchState.FAILED);

    JobExecution restarted = jobs.restartJobAndWait(failed.getExecutionId(), parameters(batch));

    assertThat(restarted.getBatchStatus()).isEqualTo(BatchStatus.COMPLETED);
    // Only the failed partition runs again, from its checkpoint (item 4): it reads items 5-9.
    assertThat(jobs.partitions(restarted.getExecutionId()))
        .containsExactly(completed(0, 5, 5, 2, 0));
    assertThat(store.results(batch.id()))
        .hasSize(50)
        .allMatch(
            r ->
                r.status() == (r.itemNo() == 2 ? AnalysisStatus.FAILED : AnalysisStatus.COMPLETED));
    assertExactlyOneCommittedResultPerDocumentAndAnalysis(batch, documents);
    for (int item = 1; item <= 25; item++) {
      int expected = item >= 5 && item <= 8 ? 2 : 1; // the rolled-back chunk was analysed twice
      for (AnalysisKind kind : ANALYSES) {
        assertThat(analyzer.calls(documents.get(item - 1), kind))
            .as("calls for item %d, %s", item, kind)
            .isEqualTo(expected);
      }
    }
    assertThat(store.batch(batch.id()).orElseThrow())
        .extracting(AnalysisBatch::status, AnalysisBatch::executionId)
        .containsExactly(BatchState.COMPLETED, restarted.getExecutionId());
  }

  @Test
  void aChunkPastItsTimeoutCancelsTheProviderCallsItStartedAndFails() throws Exception {
    List<String> documents = textDocuments(3);
    AnalysisBatch batch = store.addBatch(documents, ANALYSES, 1, 4);
    analyzer.hangFor(documents.get(1));

    JobExecution execution = jobs.startJobAndWait(parameters(batch, 1));

    assertThat(execution.getBatchStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(analyzer.cancelledCalls()).as("both analyses of the hanging document").isEqualTo(2);
    assertThat(store.results(batch.id())).as("the chunk was rolled back").isEmpty();
  }

  @Test
  void skipsAnUnusableDocumentAndRecordsItsReasonForEachAnalysis() throws Exception {
    List<String> documents = textDocuments(12);
    // Items 1-6 and 7-12: a deleted document in the first partition, an empty one in the second.
    String deleted = documents.get(2);
    store.deleteDocument(deleted);
    String empty = store.addTextDocument("empty", "");
    documents.set(8, empty);
    // Failed analyses are results, not skips: the provider fails item 11, the analyzer breaks on
    // 12.
    analyzer.failFor(documents.get(10));
    analyzer.throwFor(documents.get(11));
    AnalysisBatch batch = store.addBatch(documents, ANALYSES, 2, 3);
    int failedBefore = metrics.results(AnalysisStatus.FAILED);

    JobExecution execution = jobs.startJobAndWait(parameters(batch));

    assertThat(execution.getBatchStatus()).isEqualTo(BatchStatus.COMPLETED);
    // Six read, one skipped in processing, five written; chunks of four reads, then the rest.
    assertThat(jobs.partitions(execution.getExecutionId()))
        .containsExactly(completed(0, 6, 5, 2, 1), completed(1, 6, 5, 2, 1));
    assertThat(BatchJobRuns.metrics(jobs.step(execution.getExecutionId())))
        .containsEntry(PROCESS_SKIP_COUNT, 2L);
    List<AnalysisResult> results = store.results(batch.id());
    assertThat(results).hasSize(24);
    assertExactlyOneCommittedResultPerDocumentAndAnalysis(batch, documents);
    assertThat(results)
        .filteredOn(r -> r.status() == AnalysisStatus.FAILED)
        .extracting(
            AnalysisResult::itemNo,
            r -> r.key().analysis(),
            AnalysisResult::errorCode,
            AnalysisResult::errorMessage)
        .containsExactlyInAnyOrder(
            tuple(3, "summary", "DOCUMENT_GONE", "the document was deleted"),
            tuple(3, "key_points", "DOCUMENT_GONE", "the document was deleted"),
            tuple(9, "summary", "NO_TEXT", "the document has no text to analyse"),
            tuple(9, "key_points", "NO_TEXT", "the document has no text to analyse"),
            tuple(11, "summary", "PROVIDER_ERROR", "the provider failed"),
            tuple(11, "key_points", "PROVIDER_ERROR", "the provider failed"),
            tuple(12, "summary", "INTERNAL", "the analysis failed unexpectedly"),
            tuple(12, "key_points", "INTERNAL", "the analysis failed unexpectedly"));
    assertThat(results).filteredOn(r -> r.status() == AnalysisStatus.COMPLETED).hasSize(16);
    for (AnalysisKind kind : ANALYSES) {
      assertThat(analyzer.calls(deleted, kind)).isZero();
      assertThat(analyzer.calls(empty, kind)).isZero();
    }
    assertThat(metrics.results(AnalysisStatus.FAILED) - failedBefore).isEqualTo(8);
    assertThat(store.batch(batch.id()).orElseThrow().status()).isEqualTo(BatchState.COMPLETED);
  }

  private static List<String> textDocuments(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(store.addTextDocument("document " + i, "The text of document " + i + "."));
    }
    return ids;
  }

  /** The job parameters as JobControl passes them, with small chunks and pages. */
  private static Properties parameters(AnalysisBatch batch) {
    return parameters(batch, 30);
  }

  private static Properties parameters(AnalysisBatch batch, int chunkTimeoutSeconds) {
    Properties p = new Properties();
    p.setProperty("batchId", batch.id());
    p.setProperty("chunkSize", String.valueOf(CHUNK));
    p.setProperty("pageSize", "6"); // pages and chunks do not line up
    p.setProperty("maxThreads", "3");
    p.setProperty("chunkTimeoutSeconds", String.valueOf(chunkTimeoutSeconds));
    p.setProperty("skipLimit", "5");
    return p;
  }

  private static PartitionRun completed(
      int partition, long read, long written, long commits, long processSkips) {
    return new PartitionRun(
        partition, BatchStatus.COMPLETED, counts(read, written, commits, 0, processSkips));
  }

  private static Map<Metric.MetricType, Long> counts(
      long read, long written, long commits, long rollbacks, long processSkips) {
    return Map.of(
        READ_COUNT, read,
        WRITE_COUNT, written,
        COMMIT_COUNT, commits,
        ROLLBACK_COUNT, rollbacks,
        PROCESS_SKIP_COUNT, processSkips,
        READ_SKIP_COUNT, 0L,
        WRITE_SKIP_COUNT, 0L,
        FILTER_COUNT, 0L);
  }

  private static void assertExactlyOneCommittedResultPerDocumentAndAnalysis(
      AnalysisBatch batch, List<String> documents) {
    for (String document : documents) {
      for (AnalysisKind kind : ANALYSES) {
        assertThat(store.commits(new ResultKey(batch.id(), document, kind.apiName())))
            .as("committed writes of %s / %s", document, kind)
            .isEqualTo(1);
      }
    }
  }
}
