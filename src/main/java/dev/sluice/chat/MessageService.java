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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The messages of the caller's chats: ask (the answer is written by a chat job), edit the latest
 * question, regenerate the latest answer, read in order, cancel an answer.
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
  @Inject HeldPlans plans;
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
    return ask(chatId, content, priority, model, null);
  }

  /**
   * Asks a question; with {@code replaces}, the id of the chat's latest question, the new one is
   * that question edited: both stay in the chat, and prompts carry only the new one from then on.
   */
  @Transactional
  public PostedMessages ask(
      String chatId, String content, String priority, String model, String replaces) {
    Chat chat = chats.get(chatId);
    MessageDraft draft =
        MessageDraft.of(
            content,
            priority,
            model,
            maxContentChars,
            id -> providers.directory().catalog().find(id).isPresent(),
            chat.model());
    List<ChatMessage> earlier = lockedMessages(chat);
    int seq = earlier.isEmpty() ? 0 : earlier.get(earlier.size() - 1).seq();
    Integer replacedSeq = replaces == null ? null : editableQuestion(chatId, replaces).seq();
    ChatMessage question =
        ChatMessage.of(
            chat,
            seq + 1,
            MessageRole.USER,
            draft.content(),
            MessageStatus.COMPLETED,
            draft.priority(),
            clock);
    if (replacedSeq != null) {
      question.replace(replacedSeq);
    }
    repository.addMessage(question);
    ChatMessage answer = queueAnswer(chat, seq + 2, draft, null);
    // The conversation was read to find the last seq: its job need not read it again.
    List<ChatMessage> upToAnswer = new ArrayList<>(earlier.size() + 2);
    upToAnswer.addAll(earlier);
    upToAnswer.add(question);
    upToAnswer.add(answer);
    plans.hold(chat, upToAnswer);
    return new PostedMessages(question, answer);
  }

  /**
   * Asks the chat's latest answer's question again, for a new answer after it; the old answer stays
   * in the chat, and prompts carry only the new one from then on. Without a priority or model the
   * old answer's are used.
   */
  @Transactional
  public ChatMessage regenerate(String chatId, String answerId, String priority, String model) {
    Chat chat = chats.get(chatId);
    ChatMessage old = answerOf(chatId, answerId);
    MessageDraft draft =
        new MessageDraft(
            null,
            priority == null || priority.isBlank()
                ? old.priority()
                : MessageDraft.parsePriority(priority),
            MessageDraft.checkedModel(
                model,
                id -> providers.directory().catalog().find(id).isPresent(),
                old.modelRequested()));
    int seq = lockedLastSeq(chat);
    if (old.seq() != seq) {
      throw conflict("only the chat's latest answer can be regenerated");
    }
    if (!old.status().isFinal()) {
      throw conflict("the answer is still being written; cancel it or wait for it to end");
    }
    return queueAnswer(chat, seq + 1, draft, old.seq());
  }

  /**
   * Updating the chat row first serialises concurrent questions to one chat, so their seqs differ
   * and the checks of what is latest hold until commit.
   */
  private int lockedLastSeq(Chat chat) {
    chat.touch(clock);
    em.flush();
    return repository.lastSeq(chat.id());
  }

  /** The chat's messages in seq order, read as {@link #lockedLastSeq} reads the last seq. */
  private List<ChatMessage> lockedMessages(Chat chat) {
    chat.touch(clock);
    em.flush();
    return repository.messagesOf(chat.id());
  }

  /** The question an edit replaces: the chat's latest one, with no answer to it still under way. */
  private ChatMessage editableQuestion(String chatId, String questionId) {
    ChatMessage latest =
        repository
            .latest(chatId, MessageRole.USER)
            .orElseThrow(() -> ProblemException.invalidField(400, "replaces", "no such question"));
    if (!latest.id().equals(questionId)) {
      boolean isQuestion =
          repository
              .findMessage(questionId)
              .filter(m -> m.chatId().equals(chatId) && m.role() == MessageRole.USER)
              .isPresent();
      if (!isQuestion) {
        throw ProblemException.invalidField(
            400, "replaces", "not the id of a question of this chat");
      }
      throw conflict("only the chat's latest question can be edited");
    }
    if (repository.answerUnderWayAfter(chatId, latest.seq())) {
      throw conflict("its answer is still being written; cancel it or wait for it to end");
    }
    return latest;
  }

  private ChatMessage queueAnswer(Chat chat, int seq, MessageDraft draft, Integer replacesSeq) {
    ChatMessage answer =
        ChatMessage.of(
            chat, seq, MessageRole.ASSISTANT, "", MessageStatus.QUEUED, draft.priority(), clock);
    answer.requestModel(draft.model());
    if (replacesSeq != null) {
      answer.replace(replacesSeq);
    }
    repository.addMessage(answer);
    outbox.add(chatJobs, answer.id(), answer.priority().jmsPriority());
    metrics.count("queued");
    return answer;
  }

  private static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(409, "Conflict", detail));
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
      throw conflict("the answer has already ended (" + now.status().name().toLowerCase() + ")");
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
