package dev.sluice.documents.batch.admin;

import dev.sluice.documents.batch.AnalysisBatch;

/**
 * A batch's progress in one line, for lists: results expected (documents × analyses), done
 * (completed or skipped), failed, and the share of them that has an outcome, in percent to one
 * decimal.
 */
public record ProgressSummary(long expected, long done, long failed, double percent) {

  static ProgressSummary of(AnalysisBatch batch, long done, long failed) {
    long expected = (long) batch.itemCount() * batch.analyses().size();
    double percent =
        expected == 0 ? 0 : Math.min(100, Math.round((done + failed) * 1000.0 / expected) / 10.0);
    return new ProgressSummary(expected, done, failed, percent);
  }
}
