package dev.sluice.documents.jobs;

import dev.sluice.admission.CallOrigin;
import dev.sluice.documents.Document;
import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOptions;
import dev.sluice.documents.analysis.AnalysisStatus;
import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.BatchState;
import dev.sluice.documents.batch.BatchStore;
import dev.sluice.documents.batch.RunKind;
import dev.sluice.platform.database.Timestamps;
import dev.sluice.platform.messaging.JobOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The document job's own reads and writes, each in its own short transaction (never joined to the
 * message-driven bean's JMS transaction, so no two-phase commit). The claim is a conditional
 * update, so a job delivered twice runs once.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class DocumentJobStore {

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  @Inject BatchStore batches;
  @Inject JobOutbox outbox;

  /**
   * The document jobs' kind, to write an outbox row that wakes a consumer (a cycle CDI resolves).
   */
  @Inject DocumentJobRunner documentJobs;

  private final Clock clock = Clock.systemUTC();

  /**
   * Moves a waiting upload run to started and returns what to do; empty when it is not waiting (a
   * redelivered job whose run is already running or finished, or no such run).
   */
  public Optional<RunPlan> claim(String runId) {
    LocalDateTime now = Timestamps.now(clock);
    int claimed =
        em.createQuery(
                "UPDATE AnalysisBatch b SET b.status = :started, b.startedAt = :now,"
                    + " b.updatedAt = :now WHERE b.id = :id AND b.kind = :upload"
                    + " AND b.status = :starting")
            .setParameter("started", BatchState.STARTED)
            .setParameter("now", now)
            .setParameter("id", runId)
            .setParameter("upload", RunKind.UPLOAD)
            .setParameter("starting", BatchState.STARTING)
            .executeUpdate();
    if (claimed != 1) {
      forgetUnlessStarting(runId);
      return Optional.empty();
    }
    outbox.remove(DocumentJobRunner.KIND, runId);
    AnalysisBatch run = em.find(AnalysisBatch.class, runId);
    String documentId = documentOf(runId);
    Set<String> finished = finished(runId);
    List<AnalysisKind> todo =
        run.analyses().stream().filter(k -> !finished.contains(k.apiName())).toList();
    return Optional.of(
        new RunPlan(
            runId,
            documentId,
            input(documentId),
            todo,
            new AnalysisOptions(
                run.model(),
                run.priority(),
                run.customInstruction(),
                CallOrigin.document(true, run.owner(), documentId, runId)),
            run.maxConcurrency()));
  }

  private String documentOf(String runId) {
    return (String)
        em.createNativeQuery(
                "SELECT document_id FROM batch_item WHERE batch_id = ?1 AND item_no = 1")
            .setParameter(1, runId)
            .getSingleResult();
  }

  /** Analyses of the run that need no new run: completed or skipped, as for batches. */
  private Set<String> finished(String runId) {
    return new HashSet<>(
        em.createQuery(
                "SELECT r.key.analysis FROM AnalysisResult r WHERE r.key.batchId = :run"
                    + " AND r.status <> :failed",
                String.class)
            .setParameter("run", runId)
            .setParameter("failed", AnalysisStatus.FAILED)
            .getResultList());
  }

  private AnalysisInput input(String documentId) {
    Document d = em.find(Document.class, documentId);
    return d == null
        ? null
        : new AnalysisInput(
            documentId, d.title(), d.contentType(), d.text(), () -> batches.content(documentId));
  }

  /**
   * An operator's retry of a job that failed every delivery: a failed upload run goes back to
   * starting, so the job's next delivery claims it and redoes the analyses not yet done. The run
   * afterwards; empty when there is no such upload run.
   */
  public Optional<AnalysisBatch> requeueFailed(String runId) {
    int moved =
        em.createQuery(
                "UPDATE AnalysisBatch b SET b.status = :starting, b.updatedAt = :now,"
                    + " b.finishedAt = NULL WHERE b.id = :id AND b.kind = :upload"
                    + " AND b.status = :failed")
            .setParameter("starting", BatchState.STARTING)
            .setParameter("now", Timestamps.now(clock))
            .setParameter("id", runId)
            .setParameter("upload", RunKind.UPLOAD)
            .setParameter("failed", BatchState.FAILED)
            .executeUpdate();
    Optional<AnalysisBatch> run = uploadRun(runId);
    if (moved == 1) {
      run.ifPresent(r -> outbox.add(documentJobs, runId, r.priority().jmsPriority()));
    }
    return run;
  }

  /** A run that is not waiting to start (or is gone) needs its job no more. */
  private void forgetUnlessStarting(String runId) {
    if (uploadRun(runId).filter(r -> r.status() == BatchState.STARTING).isEmpty()) {
      outbox.remove(DocumentJobRunner.KIND, runId);
    }
  }

  private Optional<AnalysisBatch> uploadRun(String runId) {
    return em.createQuery(
            "SELECT b FROM AnalysisBatch b WHERE b.id = :id AND b.kind = :upload",
            AnalysisBatch.class)
        .setParameter("id", runId)
        .setParameter("upload", RunKind.UPLOAD)
        .getResultStream()
        .findFirst();
  }
}
