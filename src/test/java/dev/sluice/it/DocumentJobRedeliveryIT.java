package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sluice.admission.Priority;
import dev.sluice.documents.Document;
import dev.sluice.documents.IncomingDocument;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisStatus;
import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.AnalysisResult;
import dev.sluice.documents.batch.BatchQueries;
import dev.sluice.documents.batch.BatchState;
import dev.sluice.documents.batch.BatchStore;
import dev.sluice.documents.batch.RunKind;
import dev.sluice.documents.jobs.DocumentJobRunner;
import dev.sluice.documents.jobs.DocumentJobs;
import dev.sluice.documents.jobs.UploadAnalyses;
import dev.sluice.platform.messaging.JobWakeups;
import dev.sluice.testing.Poll;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the container: a document job woken again twice after the upload's own wake-up, and run
 * once more by hand, still leaves exactly one result per analysis and one completed run, because
 * the runner only claims a run that is still waiting.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentJobRedeliveryIT {

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.withTests();
  }

  @Inject DocumentJobs jobs;
  @Inject JobWakeups wakeups;

  @Resource(name = "jms/sluiceCF")
  ConnectionFactory connections;

  @Resource(name = "jms/documentJobs")
  Queue documentJobs;

  @Inject DocumentJobRunner runner;
  @Inject BatchStore store;
  @Inject BatchQueries queries;

  @Test
  void aJobDeliveredThreeTimesRecordsEachAnalysisOnce() throws Exception {
    String text = "Rivers flow north. Lakes are still. [sim:tokens=8]";
    Document document =
        Document.create(
            "demo", "redelivered", "text/plain", text.length(), text, 12, Clock.systemUTC());
    UploadAnalyses asked =
        new UploadAnalyses(
            List.of(AnalysisKind.SUMMARY, AnalysisKind.KEY_POINTS), null, Priority.NORMAL, null);

    String runId = jobs.storeAndQueue(new IncomingDocument(document, null), asked);
    wakeups.send(runner, runId, Priority.NORMAL.jmsPriority());
    wakeups.send(runner, runId, Priority.NORMAL.jmsPriority());
    AnalysisBatch done = await(runId);
    runner.run(runId, 1);
    QueueDrain.awaitNoneFor(connections, documentJobs, runId);

    AnalysisBatch after = store.batch(runId).orElseThrow();
    assertEquals(RunKind.UPLOAD, after.kind());
    assertEquals(BatchState.COMPLETED, after.status());
    assertEquals(done.finishedAt(), after.finishedAt());
    List<AnalysisResult> results = queries.ofDocument(document.id(), 100);
    assertEquals(
        Set.of("summary", "key_points"),
        results.stream().map(r -> r.key().analysis()).collect(Collectors.toSet()));
    assertEquals(2, results.size());
    for (AnalysisResult result : results) {
      assertEquals(AnalysisStatus.COMPLETED, result.status());
      assertFalse(result.output().isBlank());
      assertFalse(result.updatedAt().isAfter(done.finishedAt()), "rewritten after the run ended");
    }
  }

  private AnalysisBatch await(String runId) {
    return Poll.until(
        () -> store.batch(runId).filter(run -> run.status() == BatchState.COMPLETED),
        () -> "run " + runId + " to complete");
  }
}
