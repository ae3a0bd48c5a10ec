package dev.sluice.chat;

import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import dev.sluice.llm.config.ProviderRegistry;
import dev.sluice.platform.messaging.JobOutbox;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;
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
  @Inject Caller caller;
  @Inject QuestionIntake intake;

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "sluice.chat.max-content-chars", defaultValue = "32000")
  int maxContentChars;

  private final Clock clock = Clock.systemUTC();

  /**
   * Stores the question and a queued answer, and the job that will write it, in one transaction
   * shared with the questions asked at about the same time (a group commit); a consumer is woken
   * once it has committed. Completes with the stored messages, or fails with the problem that
   * refused the question (no such chat: 404; a bad field: 400), which wrote nothing.
   */
  public CompletionStage<PostedMessages> ask(
      String chatId, String content, String priority, String model) {
    Question question =
        new Question(caller.name(), caller.isAdmin(), chatId, content, priority, model);
    intake.submit(question);
    return question.future().thenApply(this::queued);
  }

  private PostedMessages queued(PostedMessages posted) {
    metrics.count("queued");
    return posted;
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
