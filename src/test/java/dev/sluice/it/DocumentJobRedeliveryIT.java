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
import dev.sluice.documents.jobs.DocumentJobQueue;
import dev.sluice.documents.jobs.DocumentJobRunner;
import dev.sluice.documents.jobs.DocumentJobs;
import dev.sluice.documents.jobs.UploadAnalyses;
import jakarta.inject.Inject;
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
 * Inside the container: a document job sent to the queue again twice after the upload's own send,
 * and run once more by hand, still leaves exactly one result per analysis and one completed run,
 * because the runner only claims a run that is still waiting.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentJobRedeliveryIT {

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.war().addClass(DocumentJobRedeliveryIT.class);
  }

  @Inject DocumentJobs jobs;
  @Inject DocumentJobQueue queue;
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
    queue.send(runId, Priority.NORMAL);
    queue.send(runId, Priority.NORMAL);
    AnalysisBatch done = await(runId);
    runner.run(runId);
    Thread.sleep(1_000); // room for a wrong second run to show up

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

  private AnalysisBatch await(String runId) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      AnalysisBatch run = store.batch(runId).orElseThrow();
      if (run.status() == BatchState.COMPLETED) {
        return run;
      }
      Thread.sleep(100); // polling from the test; the code under test does not sleep
    }
    throw new AssertionError("run " + runId + " never completed");
  }
}
