package dev.sluice.documents.batch;

/**
 * What started a run of analyses: a batch ({@code POST /api/batches}, a Jakarta Batch job) or an
 * upload that asked for analyses ({@code POST /api/documents?analyze=...}, a JMS document job).
 */
public enum RunKind {
  BATCH,
  UPLOAD
}
