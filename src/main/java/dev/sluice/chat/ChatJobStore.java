package dev.sluice.chat;

import dev.sluice.platform.database.Timestamps;
import dev.sluice.platform.messaging.JobOutbox;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The chat job's reads and writes, each in its own short transaction (never joined to a
 * message-driven bean's JMS transaction, so no two-phase commit is needed). Status changes are
 * conditional updates, so a job delivered twice is claimed once; the job's outbox row goes in the
 * transaction that claims or ends its answer.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class ChatJobStore {

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  @Inject JobOutbox outbox;

  /** The chat jobs' kind, to write an outbox row that wakes a consumer (a cycle CDI resolves). */
  @Inject ChatJobRunner chatJobs;

  private final Clock clock = Clock.systemUTC();

  /** An answer whose owner is no node that is up: {@code m} is its row in chat_message. */
  private static final String ORPHANED =
      "(m.owner_node IS NULL OR NOT EXISTS (SELECT 1 FROM cluster_node n"
          + " WHERE n.id = m.owner_node AND n.ended_at IS NULL))";

  /**
   * What to ask for a queued answer; empty if it is not queued (or gone). Read over plain JDBC and
   * outside a transaction (a read; the claim that follows checks the answer is still queued).
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public Optional<JobPlan> plan(String messageId) {
    try (Connection connection = dataSource.getConnection()) {
      return ConversationRows.plan(connection, messageId);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the plan of chat job " + messageId, e);
    }
  }

  /**
   * A plan kept at the question with its earlier answers that were under way as they are now, each
   * read by id; empty if one is gone (its chat was deleted). No check that the job's own answer is
   * still queued: the claim that follows makes it.
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public Optional<JobPlan> settle(KeptPlan kept) {
    try (Connection connection = dataSource.getConnection()) {
      return kept.settle(ConversationRows.byId(connection, kept.unsettledIds()));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not read the earlier answers of chat job " + kept.plan().messageId(), e);
    }
  }

  /**
   * Removes the job of an answer that is not queued (or gone) from the outbox, so it is not woken
   * again; true if the answer is gone.
   */
  public boolean forgetUnlessQueued(String messageId) {
    ChatMessage answer = em.find(ChatMessage.class, messageId);
    if (answer == null || answer.status() != MessageStatus.QUEUED) {
      outbox.remove(ChatJobRunner.KIND, messageId);
    }
    return answer == null;
  }

  /** Cancels an answer still waiting in the queue; false if it already left it. */
  public boolean cancelQueued(String messageId) {
    boolean moved = move(messageId, MessageStatus.QUEUED, MessageStatus.CANCELLED);
    if (moved) {
      outbox.remove(ChatJobRunner.KIND, messageId);
      em.createQuery("UPDATE ChatMessage m SET m.errorCode = 'CANCELLED' WHERE m.id = :id")
          .setParameter("id", messageId)
          .executeUpdate();
    }
    return moved;
  }

  /**
   * An operator's retry of a job that failed every delivery: a failed answer goes back to queued,
   * without its error and partial text, so the job's next delivery claims it. The answer
   * afterwards; empty when there is no such answer.
   */
  public Optional<ChatMessage> requeueFailed(String messageId) {
    int moved =
        em.createQuery(
                "UPDATE ChatMessage m SET m.status = :queued, m.content = '', m.errorCode = NULL,"
                    + " m.errorMessage = NULL, m.attempts = NULL, m.updatedAt = :now"
                    + " WHERE m.id = :id AND m.status = :failed")
            .setParameter("queued", MessageStatus.QUEUED)
            .setParameter("now", Timestamps.now(clock))
            .setParameter("id", messageId)
            .setParameter("failed", MessageStatus.FAILED)
            .executeUpdate();
    Optional<ChatMessage> answer = find(messageId);
    if (moved == 1) {
      answer.ifPresent(a -> outbox.add(chatJobs, messageId, a.priority().jmsPriority()));
    }
    return answer;
  }

  /**
   * Ends an answer that did not complete; false if it had already ended (or is gone), or is not
   * {@code owner}'s to end: the node that claimed it (null if none did, and then only a queued
   * answer ends).
   */
  public boolean end(
      String messageId,
      MessageStatus status,
      String partial,
      String code,
      String reason,
      String attempts,
      String owner) {
    // Locked, so recovery of the same answer (which locks it too) comes before or after, not
    // between.
    ChatMessage message = em.find(ChatMessage.class, messageId, LockModeType.PESSIMISTIC_WRITE);
    if (message == null || message.status().isFinal()) {
      return false;
    }
    // A claimed answer is ended only by its owner while it streams; one never claimed only while
    // queued. (After recovery re-queued it, its former owner's ending would lose the re-ask.)
    boolean mine =
        owner == null
            ? message.status() == MessageStatus.QUEUED
            : message.status() == MessageStatus.STREAMING && owner.equals(message.ownerNode());
    if (!mine) {
      return false;
    }
    if (message.status() == MessageStatus.QUEUED) {
      // Ended before its claim (the gate refused the call): its job is done with.
      outbox.remove(ChatJobRunner.KIND, messageId);
    }
    message.end(status, partial, code, reason, attempts, clock);
    return true;
  }

  /**
   * Up to {@code max} ids of orphaned answers, oldest first: streaming, but owned by no node that
   * is up (it ended, or the answer was claimed before nodes existed). Nothing will write them
   * again.
   */
  @SuppressWarnings("unchecked")
  public List<String> orphans(int max) {
    return em.createNativeQuery(
            "SELECT m.id FROM chat_message m WHERE m.status = 'STREAMING' AND "
                + ORPHANED
                + " ORDER BY m.updated_at")
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * Recovers an orphaned answer: asked again (back to queued, its job in the outbox) when it had
   * saved no text, else ended interrupted with its text. Empty if it is not (or no longer) one. The
   * row is locked first, so of two nodes recovering the same orphans each answer is recovered once.
   */
  public Optional<LeftOver> recoverOrphan(String messageId) {
    ChatMessage message = em.find(ChatMessage.class, messageId, LockModeType.PESSIMISTIC_WRITE);
    if (message == null || !orphaned(messageId)) {
      return Optional.empty();
    }
    Instant lastWritten = message.updatedAt();
    LeftStreaming.Fate fate = LeftStreaming.of(message.status(), message.content());
    switch (fate) {
      case NONE -> {
        return Optional.empty();
      }
      case ASK_AGAIN -> {
        em.createQuery(
                "UPDATE ChatMessage m SET m.status = :queued, m.updatedAt = :now WHERE m.id = :id")
            .setParameter("queued", MessageStatus.QUEUED)
            .setParameter("now", Timestamps.now(clock))
            .setParameter("id", messageId)
            .executeUpdate();
        outbox.add(chatJobs, messageId, message.priority().jmsPriority());
      }
      case INTERRUPTED -> {
        AnswerWriter.Ending e = LeftStreaming.interrupted(message.content());
        message.end(e.status(), e.partial(), e.code(), e.reason(), message.attempts(), clock);
      }
    }
    String owner = em.find(Chat.class, message.chatId()).owner();
    return Optional.of(new LeftOver(message, owner, question(message), fate, lastWritten));
  }

  private boolean orphaned(String messageId) {
    return !em.createNativeQuery(
            "SELECT m.id FROM chat_message m WHERE m.id = ? AND m.status = 'STREAMING' AND "
                + ORPHANED)
        .setParameter(1, messageId)
        .getResultList()
        .isEmpty();
  }

  /**
   * Up to {@code max} answers node {@code nodeId} ended (completed or interrupted) since {@code
   * from}, with their owners, after {@code afterId} by id: their calls' records may have been
   * waiting to be written when that node died.
   */
  public List<EndedAnswer> endedBy(String nodeId, Instant from, String afterId, int max) {
    return em
        .createQuery(
            "SELECT m, c.owner FROM ChatMessage m, Chat c WHERE c.id = m.chatId"
                + " AND m.role = :assistant AND m.status IN :ended AND m.ownerNode = :node"
                + " AND m.updatedAt >= :from AND m.id > :after"
                + " ORDER BY m.id",
            Object[].class)
        .setParameter("assistant", MessageRole.ASSISTANT)
        .setParameter("ended", List.of(MessageStatus.COMPLETED, MessageStatus.INTERRUPTED))
        .setParameter("node", nodeId)
        .setParameter("from", Timestamps.fromInstant(from))
        .setParameter("after", afterId)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(r -> new EndedAnswer((ChatMessage) r[0], (String) r[1], question((ChatMessage) r[0])))
        .toList();
  }

  /** The question an answer answers: the nearest user message before it (see PromptHistory). */
  private String question(ChatMessage answer) {
    return em
        .createQuery(
            "SELECT m.content FROM ChatMessage m WHERE m.chatId = :chat AND m.seq < :seq"
                + " AND m.role = :user ORDER BY m.seq DESC",
            String.class)
        .setParameter("chat", answer.chatId())
        .setParameter("seq", answer.seq())
        .setParameter("user", MessageRole.USER)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .orElse("");
  }

  public Optional<ChatMessage> find(String messageId) {
    return Optional.ofNullable(em.find(ChatMessage.class, messageId));
  }

  private boolean move(String messageId, MessageStatus from, MessageStatus to) {
    return em.createQuery(
                "UPDATE ChatMessage m SET m.status = :to, m.updatedAt = :now"
                    + " WHERE m.id = :id AND m.status = :from")
            .setParameter("to", to)
            .setParameter("now", Timestamps.now(clock))
            .setParameter("id", messageId)
            .setParameter("from", from)
            .executeUpdate()
        == 1;
  }
}
