package dev.sluice.documents.batch;

import java.io.Serializable;

/** One document of a batch, by its number within the batch (1..n) — what the reader hands on. */
public record BatchItem(int itemNo, String documentId) implements Serializable {}
