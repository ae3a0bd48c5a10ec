package dev.sluice.chat;

import dev.sluice.platform.database.Timestamps;
import dev.sluice.platform.messaging.JobOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  @Inject JobOutbox outbox;

  /** The chat jobs' kind, to write an outbox row that wakes a consumer (a cycle CDI resolves). */
  @Inject ChatJobRunner chatJobs;

  private final Clock clock = Clock.systemUTC();

  /**
   * When this run's store came to be. Every claim goes through this store, so every answer claimed
   * in this run is stamped at or after it; one still streaming with an older stamp was left by an
   * earlier run (a crash, a stop, a redeployment).
   */
  private final LocalDateTime openedAt = Timestamps.now(clock);

  /** What to ask for a queued answer; empty if it is not queued (or gone). */
  public Optional<JobPlan> plan(String messageId) {
    ChatMessage answer = em.find(ChatMessage.class, messageId);
    if (answer == null || answer.status() != MessageStatus.QUEUED) {
      return Optional.empty();
    }
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

  /**
   * Moves a queued answer to streaming, as its provider call is about to start, and removes its job
   * from the outbox; false if it is no longer queued.
   */
  public boolean claim(String messageId) {
    if (!move(messageId, MessageStatus.QUEUED, MessageStatus.STREAMING)) {
      return false;
    }
    outbox.remove(ChatJobRunner.KIND, messageId);
    return true;
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

  /** Records a completed answer, unless it has already ended; one statement, no read first. */
  public void complete(String messageId, AnswerRecord answer) {
    em.createQuery(
            "UPDATE ChatMessage m SET m.content = :content, m.status = :completed,"
                + " m.modelAnswered = :model, m.inputTokens = :input, m.outputTokens = :output,"
                + " m.cachedTokens = :cached, m.costUsd = :cost, m.timeToFirstTokenMs = :ttft,"
                + " m.totalTimeMs = :total, m.attempts = :attempts, m.updatedAt = :now"
                + " WHERE m.id = :id AND m.status IN :open")
        .setParameter("content", answer.content())
        .setParameter("completed", MessageStatus.COMPLETED)
        .setParameter("model", answer.model())
        .setParameter("input", answer.inputTokens())
        .setParameter("output", answer.outputTokens())
        .setParameter("cached", answer.cachedTokens())
        .setParameter("cost", answer.costUsd())
        .setParameter("ttft", answer.timeToFirstTokenMs())
        .setParameter("total", answer.totalTimeMs())
        .setParameter("attempts", answer.attempts())
        .setParameter("now", Timestamps.now(clock))
        .setParameter("id", messageId)
        .setParameter("open", List.of(MessageStatus.QUEUED, MessageStatus.STREAMING))
        .executeUpdate();
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
    if (message.status() == MessageStatus.QUEUED) {
      // Ended before its claim (the gate refused the call): its job is done with.
      outbox.remove(ChatJobRunner.KIND, messageId);
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

  /**
   * Recovers an answer left streaming by an earlier run: asked again (back to queued, its job in
   * the outbox) when it had saved no text, else ended interrupted with its text. Empty if it is not
   * one.
   */
  public Optional<LeftOver> recoverLeftOver(String messageId) {
    ChatMessage message = em.find(ChatMessage.class, messageId);
    if (message == null) {
      return Optional.empty();
    }
    Instant lastWritten = message.updatedAt();
    LeftStreaming.Fate fate =
        LeftStreaming.of(
            message.status(), lastWritten, message.content(), Timestamps.toInstant(openedAt));
    switch (fate) {
      case NONE -> {
        return Optional.empty();
      }
      case ASK_AGAIN -> {
        move(messageId, MessageStatus.STREAMING, MessageStatus.QUEUED);
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

  /**
   * Up to {@code max} answers an earlier run ended (completed or interrupted) since {@code from},
   * with their owners, oldest first after {@code afterId}: their calls' records may have been
   * waiting to be written when that run stopped.
   */
  public List<EndedAnswer> endedBeforeThisRun(Instant from, String afterId, int max) {
    return em
        .createQuery(
            "SELECT m, c.owner FROM ChatMessage m, Chat c WHERE c.id = m.chatId"
                + " AND m.role = :assistant AND m.status IN :ended"
                + " AND m.updatedAt >= :from AND m.updatedAt < :opened AND m.id > :after"
                + " ORDER BY m.id",
            Object[].class)
        .setParameter("assistant", MessageRole.ASSISTANT)
        .setParameter("ended", List.of(MessageStatus.COMPLETED, MessageStatus.INTERRUPTED))
        .setParameter("from", Timestamps.fromInstant(from))
        .setParameter("opened", openedAt)
        .setParameter("after", afterId)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(r -> new EndedAnswer((ChatMessage) r[0], (String) r[1], question((ChatMessage) r[0])))
        .toList();
  }

  private String question(ChatMessage answer) {
    return em
        .createQuery(
            "SELECT m.content FROM ChatMessage m WHERE m.chatId = :chat AND m.seq = :seq",
            String.class)
        .setParameter("chat", answer.chatId())
        .setParameter("seq", answer.seq() - 1)
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
