package dev.sluice.documents.batch;

import dev.sluice.documents.LikePattern;
import dev.sluice.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Writes a new batch and freezes its selection: the chosen documents numbered 1..n in {@code
 * batch_item}, inside the database (INSERT … SELECT), so even a selection of 100,000 documents
 * never passes through memory. Both rows or neither: an empty or unknown selection rolls back.
 */
@ApplicationScoped
@Transactional
public class BatchSelections {

  /** Ids per statement: far below every database's limit on parameters. */
  private static final int IDS_PER_STATEMENT = 1000;

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /** The caller's documents by id (an admin may name anyone's); each id once. */
  public AnalysisBatch byIds(String owner, boolean admin, List<String> ids, BatchDraft draft) {
    AnalysisBatch batch = newBatch(owner, draft);
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
    int items = 0;
    for (int from = 0; from < unique.size(); from += IDS_PER_STATEMENT) {
      List<String> slice = unique.subList(from, Math.min(unique.size(), from + IDS_PER_STATEMENT));
      int added =
          insertItems(
              batch.id(),
              items,
              "d.id IN (" + placeholders(slice.size()) + ")" + (admin ? "" : " AND d.owner = ?"),
              params(slice, admin ? null : owner));
      if (added != slice.size()) {
        throw ProblemException.invalidField(
            400,
            "documentIds",
            (slice.size() - added) + " of the documents do not exist or are not yours");
      }
      items += added;
    }
    return finish(batch, items, "documentIds");
  }

  /** The caller's documents matching a filter; null parts match everything. */
  public AnalysisBatch byFilter(String owner, String contentType, String title, BatchDraft draft) {
    AnalysisBatch batch = newBatch(owner, draft);
    StringBuilder where = new StringBuilder("d.owner = ?");
    List<Object> params = new ArrayList<>(List.of(owner));
    if (contentType != null && !contentType.isBlank()) {
      where.append(" AND d.content_type LIKE ?").append(LikePattern.ESCAPE);
      params.add(LikePattern.startingWith(contentType.strip()));
    }
    if (title != null && !title.isBlank()) {
      where.append(" AND LOWER(d.title) LIKE ?").append(LikePattern.ESCAPE);
      params.add(LikePattern.containing(title.strip()));
    }
    return finish(batch, insertItems(batch.id(), 0, where.toString(), params), "filter");
  }

  private AnalysisBatch newBatch(String owner, BatchDraft draft) {
    AnalysisBatch batch = AnalysisBatch.create(owner, draft, 0, clock);
    em.persist(batch);
    em.flush();
    return batch;
  }

  private AnalysisBatch finish(AnalysisBatch batch, int items, String field) {
    if (items == 0) {
      throw ProblemException.invalidField(400, field, "selects no documents");
    }
    em.createQuery("UPDATE AnalysisBatch b SET b.itemCount = :n WHERE b.id = :id")
        .setParameter("n", items)
        .setParameter("id", batch.id())
        .executeUpdate();
    em.detach(batch);
    return em.find(AnalysisBatch.class, batch.id());
  }

  private int insertItems(String batchId, int offset, String where, List<Object> params) {
    Query insert =
        em.createNativeQuery(
            "INSERT INTO batch_item (batch_id, item_no, document_id)"
                + " SELECT CAST(? AS VARCHAR(36)), CAST(? AS INTEGER)"
                + " + ROW_NUMBER() OVER (ORDER BY d.created_at, d.id), d.id"
                + " FROM document d WHERE "
                + where);
    insert.setParameter(1, batchId);
    insert.setParameter(2, offset);
    for (int i = 0; i < params.size(); i++) {
      insert.setParameter(i + 3, params.get(i));
    }
    return insert.executeUpdate();
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static List<Object> params(List<String> ids, String owner) {
    List<Object> params = new ArrayList<>(ids);
    if (owner != null) {
      params.add(owner);
    }
    return params;
  }
}
