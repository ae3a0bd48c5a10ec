package dev.sluice.documents;

import dev.sluice.platform.rest.PageCursor;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Where documents and their original bytes are kept. Callers run inside a transaction. */
public interface DocumentRepository {

  /** Stores a document and, for images and audio, its bytes (null for text documents). */
  void add(Document document, byte[] content);

  Optional<Document> find(String id);

  /**
   * Up to {@code max} of {@code owner}'s documents matching {@code filter}, newest first, starting
   * after {@code after}, a cursor on {@code (createdAt, id)} (from the start when null), without
   * their text.
   */
  List<DocumentSummary> ownedBy(
      String owner, DocumentFilter filter, PageCursor<LocalDateTime> after, int max);

  /** Removes the document and its bytes. */
  void delete(Document document);
}
