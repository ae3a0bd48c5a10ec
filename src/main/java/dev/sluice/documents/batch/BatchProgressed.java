package dev.sluice.documents.batch;

/** CDI event: a chunk of the batch committed its results (fired by the batch job). */
public record BatchProgressed(String batchId, int results) {}
