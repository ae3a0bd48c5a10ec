package dev.sluice.chat;

import dev.sluice.platform.rest.PageCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** {@link ChatRepository} on JPA; the schema is Flyway's ({@code db/migration}). */
@ApplicationScoped
public class JpaChatRepository implements ChatRepository {

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  @Override
  public void add(Chat chat) {
    em.persist(chat);
  }

  @Override
  public Optional<Chat> find(String id) {
    return Optional.ofNullable(em.find(Chat.class, id));
  }

  @Override
  public List<Chat> ownedBy(String owner, PageCursor<LocalDateTime> after, int max) {
    // Keyset paging on the index (owner, updated_at, id): the page after a cursor costs the same
    // however deep it is, and rows inserted meanwhile do not shift later pages.
    TypedQuery<Chat> query;
    if (after == null) {
      query =
          em.createQuery(
              "SELECT c FROM Chat c WHERE c.owner = :owner"
                  + " ORDER BY c.updatedAt DESC, c.id DESC",
              Chat.class);
    } else {
      query =
          em.createQuery(
                  "SELECT c FROM Chat c WHERE c.owner = :owner AND (c.updatedAt < :updatedAt"
                      + " OR (c.updatedAt = :updatedAt AND c.id < :id))"
                      + " ORDER BY c.updatedAt DESC, c.id DESC",
                  Chat.class)
              .setParameter("updatedAt", after.key())
              .setParameter("id", after.id());
    }
    return query.setParameter("owner", owner).setMaxResults(max).getResultList();
  }

  @Override
  public void delete(Chat chat) {
    // The foreign key cascades too; deleting here keeps the persistence context consistent and
    // does not depend on the database honouring ON DELETE CASCADE.
    em.createQuery("DELETE FROM ChatMessage m WHERE m.chatId = :chat")
        .setParameter("chat", chat.id())
        .executeUpdate();
    em.remove(em.contains(chat) ? chat : em.merge(chat));
  }

  @Override
  public void addMessage(ChatMessage message) {
    em.persist(message);
  }

  @Override
  public List<ChatMessage> messagesOf(String chatId) {
    return em.createQuery(
            "SELECT m FROM ChatMessage m WHERE m.chatId = :chat ORDER BY m.seq", ChatMessage.class)
        .setParameter("chat", chatId)
        // Only read: no copies kept to find changes at commit (EclipseLink, Hibernate).
        .setHint("eclipselink.read-only", "true")
        .setHint("org.hibernate.readOnly", true)
        .getResultList();
  }

  @Override
  public List<ChatMessage> messagesAfter(String chatId, int afterSeq, int max) {
    return em.createQuery(
            "SELECT m FROM ChatMessage m WHERE m.chatId = :chat AND m.seq > :after ORDER BY m.seq",
            ChatMessage.class)
        .setParameter("chat", chatId)
        .setParameter("after", afterSeq)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public Optional<ChatMessage> findMessage(String id) {
    return Optional.ofNullable(em.find(ChatMessage.class, id));
  }

  @Override
  public int lastSeq(String chatId) {
    Integer last =
        em.createQuery("SELECT MAX(m.seq) FROM ChatMessage m WHERE m.chatId = :chat", Integer.class)
            .setParameter("chat", chatId)
            .getSingleResult();
    return last == null ? 0 : last;
  }

  @Override
  public Optional<ChatMessage> latest(String chatId, MessageRole role) {
    return em
        .createQuery(
            "SELECT m FROM ChatMessage m WHERE m.chatId = :chat AND m.role = :role"
                + " ORDER BY m.seq DESC",
            ChatMessage.class)
        .setParameter("chat", chatId)
        .setParameter("role", role)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public boolean answerUnderWayAfter(String chatId, int seq) {
    return !em.createQuery(
            "SELECT m.id FROM ChatMessage m WHERE m.chatId = :chat AND m.seq > :seq"
                + " AND m.status IN :unfinished",
            String.class)
        .setParameter("chat", chatId)
        .setParameter("seq", seq)
        .setParameter("unfinished", List.of(MessageStatus.QUEUED, MessageStatus.STREAMING))
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
