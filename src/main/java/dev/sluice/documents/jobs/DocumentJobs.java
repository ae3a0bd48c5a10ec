package dev.sluice.documents.jobs;

import dev.sluice.documents.DocumentService;
import dev.sluice.documents.IncomingDocument;
import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.BatchDraft;
import dev.sluice.llm.config.ProviderRegistry;
import dev.sluice.platform.messaging.JobOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The use case behind {@code POST /api/documents?analyze=...}: checks what is asked, then stores
 * the document, its run (an {@code UPLOAD} run with one item) and the job's outbox row in one
 * transaction, so either all of them exist or none; a consumer is woken once it commits.
 */
@ApplicationScoped
public class DocumentJobs {

  @Inject DocumentService documents;
  @Inject JobOutbox outbox;
  @Inject DocumentJobRunner documentJobs;
  @Inject ProviderRegistry providers;

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "sluice.documents.jobs.max-concurrency", defaultValue = "4")
  int maxConcurrency;

  private final Clock clock = Clock.systemUTC();

  /** The analyses asked for, or null when none; a 400 naming the parameter when one is wrong. */
  public UploadAnalyses check(String analyze, String model, String priority, String instruction) {
    return UploadAnalyses.of(
        analyze,
        model,
        priority,
        instruction,
        id -> providers.directory().catalog().find(id).isPresent());
  }

  /** Stores the document with its run and queues the run's job after commit; the run's id. */
  @Transactional
  public String storeAndQueue(IncomingDocument incoming, UploadAnalyses asked) {
    documents.add(incoming.document(), incoming.content());
    BatchDraft draft =
        new BatchDraft(
            asked.analyses(),
            asked.model(),
            asked.priority(),
            Math.max(1, maxConcurrency),
            1,
            asked.instruction(),
            null);
    AnalysisBatch run = AnalysisBatch.forUpload(incoming.document().owner(), draft, clock);
    em.persist(run);
    em.flush(); // the item and the outbox row refer to the run
    em.createNativeQuery(
            "INSERT INTO batch_item (batch_id, item_no, document_id) VALUES (?1, 1, ?2)")
        .setParameter(1, run.id())
        .setParameter(2, incoming.document().id())
        .executeUpdate();
    outbox.add(documentJobs, run.id(), asked.priority().jmsPriority());
    return run.id();
  }
}
