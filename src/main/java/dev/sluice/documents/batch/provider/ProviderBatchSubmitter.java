package dev.sluice.documents.batch.provider;

import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOptions;
import dev.sluice.documents.analysis.AnalysisOutcome;
import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.BatchJobStore;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.batch.BatchFile;
import dev.sluice.llm.batch.BatchRequest;
import dev.sluice.llm.batch.ProviderBatch;
import dev.sluice.llm.batch.ProviderBatchApi;
import dev.sluice.platform.concurrent.Causes;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The {@code submit} step of the {@code document-analysis} job in provider mode: writes the
 * submitted analyses, in item order and a page at a time, to request files on disk (one request in
 * memory at a time) and makes a provider batch of each file as it fills up (the provider's limits)
 * and of the last. Each provider batch is recorded, with the analyses it holds, before the provider
 * is asked to create it; a batch left {@code CREATING} by a crash or a failed call is made again
 * from the same analyses when the step runs again (a restart).
 */
@Named("providerBatchSubmitter")
@Dependent
public class ProviderBatchSubmitter extends AbstractBatchlet {

  private static final Logger LOG = Logger.getLogger(ProviderBatchSubmitter.class.getName());
  static final int PAGE = 500;

  /** How far before a record's own time its provider batch is looked for: clocks differ. */
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(15);

  @Inject @BatchProperty String batchId;
  @Inject @BatchProperty String viaProvider;

  @Inject BatchJobStore jobs;
  @Inject ProviderBatchStore store;
  @Inject ProviderBatches batches;
  @Inject ProviderResults results;

  private volatile boolean stopping;

  /** The provider batches being made: where they go and what their requests ask. */
  private record Target(
      AnalysisBatch batch, ModelInfo model, ProviderBatchApi api, AnalysisOptions options) {}

  @Override
  public String process() throws Exception {
    if (!Boolean.parseBoolean(viaProvider)) {
      return "INTERACTIVE";
    }
    AnalysisBatch batch =
        jobs.batch(batchId).orElseThrow(() -> new IllegalStateException("no batch " + batchId));
    ModelInfo model = batches.model(batches.resolve(batch.model()));
    Target target = new Target(batch, model, batches.api(model), batches.options(batch));
    int created = 0;
    for (ProviderBatchRecord left : store.creatingOf(batchId)) {
      created += createAgain(target, left);
    }
    created += createRest(target);
    return "CREATED " + created;
  }

  @Override
  public void stop() {
    stopping = true;
  }

  /** Makes provider batches of every submitted analysis not yet in one; returns how many. */
  private int createRest(Target target) throws Exception {
    int created = 0;
    Path path = Files.createTempFile("sluice-provider-batch-", ".jsonl");
    BatchFile file = target.api().newFile(path);
    SubmittedAnalysis last = null;
    int afterItem = 0;
    String afterAnalysis = "";
    List<SubmittedAnalysis> page;
    try {
      do {
        page = store.page(batchId, null, afterItem, afterAnalysis, PAGE);
        Map<String, AnalysisInput> inputs = inputs(page);
        for (SubmittedAnalysis waiting : page) {
          afterItem = waiting.itemNo();
          afterAnalysis = waiting.key().analysis();
          Optional<BatchRequest> request = request(target, waiting, inputs);
          if (request.isEmpty()) {
            continue;
          }
          if (!file.add(request.get())) {
            create(target, file, last);
            created++;
            file = target.api().newFile(path);
            file.add(request.get());
          }
          last = waiting;
        }
      } while (page.size() == PAGE && !stopping);
      if (file.count() > 0 && !stopping) {
        create(target, file, last);
        created++;
      }
    } finally {
      file.close();
      Files.deleteIfExists(path);
    }
    return created;
  }

  /**
   * Makes again a provider batch recorded but not created; returns 1, or 0 if none is left. The
   * provider is asked first whether it made the batch after all (the crash came between its create
   * call and the answer being recorded): that batch is taken, not made a second time.
   */
  private int createAgain(Target target, ProviderBatchRecord left) throws Exception {
    Optional<ProviderBatch> made = madeAfterAll(target.api(), left);
    if (made.isPresent()) {
      store.saw(left.id(), made.get());
      LOG.info(
          () ->
              "batch "
                  + batchId
                  + ": provider batch "
                  + left.id()
                  + " had been created as "
                  + made.get().id()
                  + "; taken, not made again");
      return 1;
    }
    Path path = Files.createTempFile("sluice-provider-batch-", ".jsonl");
    try (BatchFile file = target.api().newFile(path)) {
      int afterItem = 0;
      String afterAnalysis = "";
      List<SubmittedAnalysis> page;
      do {
        page = store.page(batchId, left.id(), afterItem, afterAnalysis, PAGE);
        Map<String, AnalysisInput> inputs = inputs(page);
        for (SubmittedAnalysis waiting : page) {
          afterItem = waiting.itemNo();
          afterAnalysis = waiting.key().analysis();
          Optional<BatchRequest> request = request(target, waiting, inputs);
          if (request.isPresent() && !file.add(request.get())) {
            throw new IllegalStateException(
                "provider batch " + left.id() + " no longer fits one request file");
          }
        }
      } while (page.size() == PAGE);
      if (file.count() == 0) {
        // Every request of it failed before it was made: nothing to wait for.
        store.collected(left.id());
        return 0;
      }
      LOG.info(() -> "batch " + batchId + ": making provider batch " + left.id() + " again");
      created(left.id(), target.api(), file);
      return 1;
    } finally {
      Files.deleteIfExists(path);
    }
  }

  /** Records the provider batch of a full file, then asks the provider to create it. */
  private void create(Target target, BatchFile file, SubmittedAnalysis last) throws Exception {
    ProviderBatchRecord record =
        store.creating(
            batchId,
            target.model().provider(),
            target.model().id(),
            file.count(),
            last.itemNo(),
            last.key().analysis());
    created(record.id(), target.api(), file);
  }

  /**
   * The provider batch made for a record whose create call went unanswered, if the provider lists
   * it (searched from a while before the record, so that the two clocks need not agree). A search
   * that fails is logged and treated as finding none: the batch is made again, as a provider that
   * keeps no marks on its batches always has it.
   */
  private Optional<ProviderBatch> madeAfterAll(ProviderBatchApi api, ProviderBatchRecord left)
      throws InterruptedException {
    try {
      return api.createdWith(left.id(), left.createdAt().minus(CLOCK_SLACK))
          .toCompletableFuture()
          .get(5, TimeUnit.MINUTES);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warning(
          () ->
              "batch "
                  + batchId
                  + ": could not ask the provider whether it made provider batch "
                  + left.id()
                  + " ("
                  + Causes.unwrap(e)
                  + "); making it again");
      return Optional.empty();
    }
  }

  private void created(String recordId, ProviderBatchApi api, BatchFile file) throws Exception {
    int requests = file.count();
    ProviderBatch made = api.create(file, recordId).toCompletableFuture().get(30, TimeUnit.MINUTES);
    store.saw(recordId, made);
    LOG.info(
        () ->
            "batch "
                + batchId
                + ": provider batch "
                + made.id()
                + " created with "
                + requests
                + " requests");
  }

  /**
   * The request of a submitted analysis; empty when it is no longer one call (the document was
   * deleted or changed since), the analysis then failing with the reason, to run again on restart.
   */
  private Optional<BatchRequest> request(
      Target target, SubmittedAnalysis waiting, Map<String, AnalysisInput> inputs) {
    AnalysisInput input = inputs.get(waiting.key().documentId());
    Optional<ChatRequest> call =
        input == null
            ? Optional.empty()
            : batches
                .analyses()
                .singleCall(input, AnalysisKind.parse(waiting.key().analysis()), target.options());
    if (call.isEmpty()) {
      results.record(
          waiting,
          waiting.providerBatchId(),
          AnalysisOutcome.failed(
              input == null ? "DOCUMENT_GONE" : "DOCUMENT_CHANGED",
              input == null
                  ? "the document was deleted"
                  : "the document changed after it was submitted; restart the batch to analyse it",
              0,
              0));
      return Optional.empty();
    }
    return Optional.of(new BatchRequest(waiting.customId(), call.get()));
  }

  private Map<String, AnalysisInput> inputs(List<SubmittedAnalysis> page) {
    return page.isEmpty()
        ? Map.of()
        : jobs.inputs(page.stream().map(s -> s.key().documentId()).distinct().toList());
  }
}
