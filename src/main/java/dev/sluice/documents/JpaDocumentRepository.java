package dev.sluice.documents;

import dev.sluice.platform.rest.PageCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** {@link DocumentRepository} on JPA; the schema is Flyway's ({@code db/migration}). */
@ApplicationScoped
public class JpaDocumentRepository implements DocumentRepository {

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  @Override
  public void add(Document document, byte[] content) {
    em.persist(document);
    if (content != null) {
      em.persist(new DocumentContent(document.id(), content));
    }
  }

  @Override
  public Optional<Document> find(String id) {
    return Optional.ofNullable(em.find(Document.class, id));
  }

  @Override
  public List<DocumentSummary> ownedBy(
      String owner, DocumentFilter filter, PageCursor<LocalDateTime> after, int max) {
    TypedQuery<DocumentSummary> query =
        em.createQuery(listQuery(filter, after), DocumentSummary.class)
            .setParameter("owner", owner);
    if (filter.contentType() != null) {
      query.setParameter("type", filter.contentType());
    }
    if (filter.titleContains() != null) {
      query.setParameter("title", filter.titlePattern());
    }
    if (after != null) {
      query.setParameter("createdAt", after.key()).setParameter("id", after.id());
    }
    return query.setMaxResults(max).getResultList();
  }

  /**
   * Keyset paging on the index (owner, created_at, id), as for chats; the filters only add
   * conditions, so a filtered page is still a range of that index. The text is built from fixed
   * pieces only; every value is a parameter.
   */
  private static String listQuery(DocumentFilter filter, PageCursor<LocalDateTime> after) {
    StringBuilder jpql =
        new StringBuilder(DocumentSummary.SELECT).append(" WHERE d.owner = :owner");
    if (filter.contentType() != null) {
      jpql.append(" AND d.contentType = :type");
    }
    if (filter.titleContains() != null) {
      jpql.append(" AND LOWER(d.title) LIKE :title").append(LikePattern.ESCAPE);
    }
    if (after != null) {
      jpql.append(" AND (d.createdAt < :createdAt OR (d.createdAt = :createdAt AND d.id < :id))");
    }
    return jpql.append(" ORDER BY d.createdAt DESC, d.id DESC").toString();
  }

  @Override
  public void delete(Document document) {
    // The foreign key cascades too; deleting here keeps the persistence context consistent and
    // does not depend on the database honouring ON DELETE CASCADE.
    em.createQuery("DELETE FROM DocumentContent c WHERE c.documentId = :id")
        .setParameter("id", document.id())
        .executeUpdate();
    em.remove(em.contains(document) ? document : em.merge(document));
  }
}
