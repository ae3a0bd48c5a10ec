package dev.sluice.documents.batch.rest;

import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.AnalysisResult;
import dev.sluice.documents.batch.BatchLimiters;
import dev.sluice.documents.batch.BatchQueries;
import dev.sluice.documents.batch.BatchService;
import dev.sluice.platform.rest.PageCursor;
import dev.sluice.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Keyset pages of batches and of results, with the opaque cursor of the next page. */
@RequestScoped
public class BatchPages {

  @Inject BatchQueries queries;
  @Inject BatchService batches;
  @Inject BatchLimiters limiters;
  @Inject Caller caller;

  /** The caller's batches after a cursor on {@code (createdAt, id)}. */
  BatchPageView batches(int limit, PageCursor<LocalDateTime> after) {
    List<AnalysisBatch> rows = queries.ownedBy(caller.name(), after, limit + 1);
    boolean more = rows.size() > limit;
    List<AnalysisBatch> page = more ? rows.subList(0, limit) : rows;
    String next = null;
    if (more) {
      AnalysisBatch last = page.get(limit - 1);
      LocalDateTime createdAt = LocalDateTime.ofInstant(last.createdAt(), ZoneOffset.UTC);
      next = new PageCursor<>(createdAt, last.id()).encode();
    }
    return new BatchPageView(
        page.stream()
            .map(b -> BatchView.of(b, batches.progress(b), limiters.inFlight(b.id())))
            .toList(),
        next);
  }

  /** The batch's results after a cursor on {@code (itemNo, analysis)}, from the first when null. */
  ResultPageView results(AnalysisBatch batch, int limit, PageCursor<Integer> after) {
    int afterItem = after == null ? 0 : after.key();
    String afterAnalysis = after == null ? "" : after.id();
    List<AnalysisResult> rows = queries.results(batch.id(), afterItem, afterAnalysis, limit + 1);
    boolean more = rows.size() > limit;
    List<AnalysisResult> page = more ? rows.subList(0, limit) : rows;
    String next = null;
    if (more) {
      AnalysisResult last = page.get(limit - 1);
      next = new PageCursor<>(last.itemNo(), last.key().analysis()).encode();
    }
    return new ResultPageView(page.stream().map(ResultView::of).toList(), next);
  }
}
