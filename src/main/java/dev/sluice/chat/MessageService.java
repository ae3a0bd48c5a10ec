package dev.sluice.chat;

import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import dev.sluice.chat.events.CancelRequested;
import dev.sluice.llm.config.ProviderRegistry;
import dev.sluice.platform.messaging.JobOutbox;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The messages of the caller's chats: ask (the answer is written by a chat job), read in order,
 * cancel an answer.
 */
@ApplicationScoped
public class MessageService {

  @Inject ChatService chats;
  @Inject ChatRepository repository;
  @Inject ChatJobStore jobs;
  @Inject JobOutbox outbox;
  @Inject ChatJobRunner chatJobs;
  @Inject RunningAnswers running;
  @Inject ProviderRegistry providers;
  @Inject ChatJobMetrics metrics;
  @Inject Event<Object> events;

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "sluice.chat.max-content-chars", defaultValue = "32000")
  int maxContentChars;

  private final Clock clock = Clock.systemUTC();

  /**
   * Stores the question and a queued answer, and the job that will write it, in one transaction; a
   * consumer is woken once it has committed.
   */
  @Transactional
  public PostedMessages ask(String chatId, String content, String priority, String model) {
    Chat chat = chats.get(chatId);
    MessageDraft draft =
        MessageDraft.of(
            content,
            priority,
            model,
            maxContentChars,
            id -> providers.directory().catalog().find(id).isPresent(),
            chat.model());
    // Updating the chat row first serialises concurrent questions to one chat, so their seqs
    // differ.
    chat.touch(clock);
    em.flush();
    int seq = repository.lastSeq(chatId);
    ChatMessage question =
        ChatMessage.of(
            chat,
            seq + 1,
            MessageRole.USER,
            draft.content(),
            MessageStatus.COMPLETED,
            draft.priority(),
            clock);
    ChatMessage answer =
        ChatMessage.of(
            chat,
            seq + 2,
            MessageRole.ASSISTANT,
            "",
            MessageStatus.QUEUED,
            draft.priority(),
            clock);
    answer.requestModel(draft.model());
    repository.addMessage(question);
    repository.addMessage(answer);
    outbox.add(chatJobs, answer.id(), answer.priority().jmsPriority());
    metrics.count("queued");
    return new PostedMessages(question, answer);
  }

  @Transactional
  public List<ChatMessage> list(String chatId, int afterSeq, int limit) {
    chats.get(chatId);
    return repository.messagesAfter(chatId, afterSeq, limit);
  }

  /**
   * Cancels an answer: a queued one at once, a streaming one by stopping its generation (it ends as
   * cancelled, keeping its partial text). A finished answer cannot be cancelled.
   */
  public ChatMessage cancel(String chatId, String messageId) {
    ChatMessage answer = answerOf(chatId, messageId);
    if (answer.status() == MessageStatus.QUEUED && jobs.cancelQueued(messageId)) {
      // It may be waiting in the admission gate: take it out.
      running.cancel(messageId, false);
      events.fire(new CancelRequested(messageId, false));
      metrics.count("cancelled");
      events.fire(new AnswerStatus(chatId, messageId, "cancelled"));
      events.fire(new AnswerEnded(chatId, messageId, "cancelled", 0, "CANCELLED", "cancelled", ""));
      return jobs.find(messageId).orElseThrow();
    }
    ChatMessage now = jobs.find(messageId).orElseThrow();
    if (now.status().isFinal()) {
      throw new ProblemException(
          Problem.of(
              409,
              "Conflict",
              "the answer has already ended (" + now.status().name().toLowerCase() + ")"));
    }
    running.cancel(messageId, true);
    // In a cluster it may run on another server: the relay takes the request there.
    events.fire(new CancelRequested(messageId, true));
    return now;
  }

  private ChatMessage answerOf(String chatId, String messageId) {
    chats.get(chatId);
    return repository
        .findMessage(messageId)
        .filter(m -> m.chatId().equals(chatId) && m.role() == MessageRole.ASSISTANT)
        .orElseThrow(() -> ProblemException.notFound("message", messageId));
  }
}
