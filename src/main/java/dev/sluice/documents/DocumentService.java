package dev.sluice.documents;

import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.rest.PageCursor;
import dev.sluice.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;

/**
 * The stored documents of the signed-in caller. A document someone may not read is reported as
 * missing, never as forbidden, so ids of other people's documents cannot be probed.
 */
@ApplicationScoped
@Transactional
public class DocumentService {

  @Inject DocumentRepository documents;
  @Inject Caller caller;

  /** Stores a document already read and checked ({@link DocumentIntake}), with its bytes. */
  public void add(Document document, byte[] content) {
    documents.add(document, content);
  }

  /** The caller's own documents; an admin's list holds only the admin's too, as for chats. */
  public DocumentPage mine(DocumentFilter filter, int limit, PageCursor<LocalDateTime> after) {
    return DocumentPage.of(documents.ownedBy(caller.name(), filter, after, limit + 1), limit);
  }

  public Document get(String id) {
    return documents
        .find(id)
        .filter(document -> caller.mayRead(document.owner()))
        .orElseThrow(() -> ProblemException.notFound("document", id));
  }

  public void delete(String id) {
    documents.delete(get(id));
  }
}
