package dev.sluice.documents.batch.admin;

/** How many of a batch's results have ended well (completed or skipped) and how many failed. */
record ResultCounts(long done, long failed) {

  static final ResultCounts NONE = new ResultCounts(0, 0);
}
