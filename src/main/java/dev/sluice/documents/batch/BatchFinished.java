package dev.sluice.documents.batch;

/** CDI event: a batch's job ended (completed, stopped or failed) — the hook for users' own code. */
public record BatchFinished(
    String batchId, String owner, BatchState state, BatchProgress progress) {}
