package dev.sluice.documents;

import java.util.List;

/**
 * Writes many new text documents at once, inside the caller's transaction, so that a bulk load is
 * stored whole or not at all while only one chunk of it is in memory.
 */
public interface DocumentBulkInsert {

  void insert(List<Document> chunk);
}
