package dev.sluice.documents.batch.admin;

import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.AnalysisResult;
import dev.sluice.documents.batch.BatchService;
import dev.sluice.documents.batch.BatchState;
import dev.sluice.documents.batch.BatchStore;
import dev.sluice.documents.batch.JobControl;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.rest.PageCursor;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's batch use cases on anyone's batch: pages of batches with their result counts,
 * failed results, abandon, and the job log. Reading one batch, stopping and restarting it are the
 * owner's use cases of {@link BatchService}, which lets an admin act on every batch.
 */
@ApplicationScoped
public class AdminBatchService {

  @Inject AdminBatchQueries queries;
  @Inject BatchService batches;
  @Inject BatchStore store;
  @Inject JobControl jobs;
  @Inject JobLogs jobLogs;

  /** A page of batches with one progress summary each; {@code next} is null on the last page. */
  public Page<BatchSummary> list(BatchListFilter filter) {
    List<AnalysisBatch> rows = queries.page(filter, filter.limit() + 1);
    boolean more = rows.size() > filter.limit();
    List<AnalysisBatch> page = more ? rows.subList(0, filter.limit()) : rows;
    Map<String, ResultCounts> counts =
        queries.counts(page.stream().map(AnalysisBatch::id).toList());
    List<BatchSummary> items =
        page.stream()
            .map(b -> BatchSummary.of(b, counts.getOrDefault(b.id(), ResultCounts.NONE)))
            .toList();
    String next = null;
    if (more) {
      AnalysisBatch last = page.get(page.size() - 1);
      next = new PageCursor<>(createdAt(last), last.id()).encode();
    }
    return new Page<>(items, next);
  }

  private static LocalDateTime createdAt(AnalysisBatch batch) {
    return LocalDateTime.ofInstant(batch.createdAt(), ZoneOffset.UTC);
  }

  /**
   * A page of the batch's failed results in item order, after a cursor on {@code (itemNo,
   * analysis)} (null: from the first); 404 when there is no such batch.
   */
  public Page<AnalysisResult> errors(String id, int limit, PageCursor<Integer> after) {
    AnalysisBatch batch = batches.get(id);
    List<AnalysisResult> rows = queries.failed(batch.id(), after, limit + 1);
    boolean more = rows.size() > limit;
    List<AnalysisResult> page = more ? rows.subList(0, limit) : rows;
    String next = null;
    if (more) {
      AnalysisResult last = page.get(page.size() - 1);
      next = new PageCursor<>(last.itemNo(), last.key().analysis()).encode();
    }
    return new Page<>(page, next);
  }

  /**
   * Gives up a stopped or failed batch for good: the batch runtime will not restart its execution,
   * and the batch is abandoned. 409 in any other state.
   */
  public AnalysisBatch abandon(String id) {
    AnalysisBatch batch = batches.get(id);
    if (!batch.status().isRestartable()) {
      throw conflict(
          "the batch is "
              + batch.status().name().toLowerCase(Locale.ROOT)
              + "; only a stopped or failed batch can be abandoned");
    }
    if (batch.executionId() != null) {
      if (!jobs.hasEnded(batch.executionId())) {
        throw conflict("the batch runtime is still ending the batch's run; try again in a moment");
      }
      try {
        jobs.abandon(batch.executionId());
      } catch (JobExecutionIsRunningException e) {
        throw conflict("the batch runtime still runs the batch; stop it and wait until it stops");
      }
    }
    store.moveTo(id, BatchState.ABANDONED);
    return store.batch(id).orElseThrow();
  }

  /**
   * Liberty's job log of the batch's latest execution; 404 when this server has none for it, 501 on
   * a server that keeps no job logs (WildFly).
   */
  public String jobLog(String id) {
    AnalysisBatch batch = batches.get(id);
    if (!jobLogs.kept()) {
      throw new ProblemException(
          Problem.of(
              501,
              "Not Implemented",
              "this server keeps no batch job logs (Open Liberty does); the batch's steps are in"
                  + " the server log"));
    }
    return jobLogs
        .latest(batch)
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        404,
                        "Not Found",
                        "no job log of batch "
                            + id
                            + " on this server: it never started, or ran on another server")));
  }

  private static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(409, "Conflict", detail));
  }
}
