package dev.sluice.chat;

import dev.sluice.platform.database.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The chat job's writes, each in its own short transaction (never joined to a message-driven bean's
 * JMS transaction, so no two-phase commit is needed). Status changes are conditional updates, so a
 * job delivered twice is claimed once.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class ChatJobStore {

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /**
   * When this run's store came to be. Every claim goes through this store, so every answer claimed
   * in this run is stamped at or after it; one still streaming with an older stamp was left by an
   * earlier run (a crash, a stop, a redeployment).
   */
  private final LocalDateTime openedAt = Timestamps.now(clock);

  /** Moves a queued answer to streaming and returns what to ask; empty if it is not queued. */
  public Optional<JobPlan> claim(String messageId) {
    if (!move(messageId, MessageStatus.QUEUED, MessageStatus.STREAMING)) {
      return Optional.empty();
    }
    ChatMessage answer = em.find(ChatMessage.class, messageId);
    Chat chat = em.find(Chat.class, answer.chatId());
    List<dev.sluice.llm.ChatMessage> history =
        em
            .createQuery(
                "SELECT m FROM ChatMessage m WHERE m.chatId = :chat AND m.seq < :seq ORDER BY m.seq",
                ChatMessage.class)
            .setParameter("chat", chat.id())
            .setParameter("seq", answer.seq())
            .getResultList()
            .stream()
            .filter(ChatJobStore::belongsInPrompt)
            .map(ChatJobStore::toPrompt)
            .toList();
    return Optional.of(
        new JobPlan(
            chat.owner(),
            chat.id(),
            messageId,
            answer.modelRequested(),
            answer.priority(),
            chat.systemPrompt(),
            history));
  }

  /** Cancels an answer still waiting in the queue; false if it already left it. */
  public boolean cancelQueued(String messageId) {
    boolean moved = move(messageId, MessageStatus.QUEUED, MessageStatus.CANCELLED);
    if (moved) {
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
    em.createQuery(
            "UPDATE ChatMessage m SET m.status = :queued, m.content = '', m.errorCode = NULL,"
                + " m.errorMessage = NULL, m.attempts = NULL, m.updatedAt = :now"
                + " WHERE m.id = :id AND m.status = :failed")
        .setParameter("queued", MessageStatus.QUEUED)
        .setParameter("now", Timestamps.now(clock))
        .setParameter("id", messageId)
        .setParameter("failed", MessageStatus.FAILED)
        .executeUpdate();
    return find(messageId);
  }

  /** Saves the text streamed so far, unless the answer has already ended. */
  public void savePartial(String messageId, String text) {
    em.createQuery(
            "UPDATE ChatMessage m SET m.content = :text, m.updatedAt = :now"
                + " WHERE m.id = :id AND m.status = :streaming")
        .setParameter("text", text)
        .setParameter("now", Timestamps.now(clock))
        .setParameter("id", messageId)
        .setParameter("streaming", MessageStatus.STREAMING)
        .executeUpdate();
  }

  public void complete(String messageId, AnswerRecord answer) {
    ChatMessage message = em.find(ChatMessage.class, messageId);
    if (message != null && !message.status().isFinal()) {
      message.complete(answer, clock);
    }
  }

  /** Ends an answer that did not complete; false if it had already ended (or is gone). */
  public boolean end(
      String messageId,
      MessageStatus status,
      String partial,
      String code,
      String reason,
      String attempts) {
    ChatMessage message = em.find(ChatMessage.class, messageId);
    if (message == null || message.status().isFinal()) {
      return false;
    }
    message.end(status, partial, code, reason, attempts, clock);
    return true;
  }

  /** Up to {@code max} ids of answers an earlier run left streaming, oldest first. */
  public List<String> leftStreaming(int max) {
    return em.createQuery(
            "SELECT m.id FROM ChatMessage m WHERE m.status = :streaming AND m.updatedAt < :opened"
                + " ORDER BY m.updatedAt",
            String.class)
        .setParameter("streaming", MessageStatus.STREAMING)
        .setParameter("opened", openedAt)
        .setMaxResults(max)
        .getResultList();
  }

  /** Ends an answer left streaming by an earlier run as interrupted; empty if it is not one. */
  public Optional<ChatMessage> interruptLeftOver(String messageId) {
    ChatMessage message = em.find(ChatMessage.class, messageId);
    if (message == null) {
      return Optional.empty();
    }
    Optional<AnswerWriter.Ending> ending =
        LeftStreaming.ending(
            message.status(),
            message.updatedAt(),
            message.content(),
            Timestamps.toInstant(openedAt));
    ending.ifPresent(
        e -> message.end(e.status(), e.partial(), e.code(), e.reason(), message.attempts(), clock));
    return ending.map(e -> message);
  }

  public Optional<ChatMessage> find(String messageId) {
    return Optional.ofNullable(em.find(ChatMessage.class, messageId));
  }

  public void markDispatched(String messageId) {
    OutboxEntry entry = em.find(OutboxEntry.class, messageId);
    if (entry != null) {
      entry.dispatched(clock);
    }
  }

  /**
   * Up to {@code max} jobs written before {@code before} but not put on the queue, oldest first.
   */
  public List<OutboxEntry> undispatched(Instant before, int max) {
    return em.createQuery(
            "SELECT o FROM OutboxEntry o WHERE o.dispatchedAt IS NULL AND o.createdAt < :before"
                + " ORDER BY o.createdAt",
            OutboxEntry.class)
        .setParameter("before", Timestamps.fromInstant(before))
        .setMaxResults(max)
        .getResultList();
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

  private static boolean belongsInPrompt(ChatMessage message) {
    return message.role() == MessageRole.USER
        || (message.role() == MessageRole.ASSISTANT
            && message.status() != MessageStatus.FAILED
            && !message.content().isBlank());
  }

  private static dev.sluice.llm.ChatMessage toPrompt(ChatMessage message) {
    return switch (message.role()) {
      case USER -> dev.sluice.llm.ChatMessage.user(message.content());
      case ASSISTANT -> dev.sluice.llm.ChatMessage.assistant(message.content());
      case SYSTEM -> dev.sluice.llm.ChatMessage.system(message.content());
    };
  }
}
