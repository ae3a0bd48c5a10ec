package dev.sluice.chat;

import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import dev.sluice.chat.events.CancelRequested;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
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
  @Inject AnswerLedger ledger;
  @Inject Caller caller;
  @Inject Event<Object> events;

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "sluice.chat.max-content-chars", defaultValue = "32000")
  int maxContentChars;

  private final Clock clock = Clock.systemUTC();

  /**
   * Asks a question without holding the caller's thread. The content, the priority and a named
   * model are checked at once (400); the rest goes into a commit shared with other questions and
   * answer writes ({@link AnswerLedger}, plain JDBC): the chat (404 unless the caller may read it),
   * its model when none is named (400), the question, its queued answer and the answer's job. The
   * stage completes after that commit, with a consumer woken by the ledger; under load many
   * questions share one commit instead of each paying for a transaction of its own.
   */
  public CompletionStage<PostedMessages> post(
      String chatId, String content, String priority, String model) {
    MessageDraft draft =
        MessageDraft.withoutChat(content, priority, model, maxContentChars, this::knownModel);
    AskWrite.Question question =
        new AskWrite.Question(
            chatId,
            caller.isAdmin() ? null : caller.name(),
            draft.content(),
            draft.priority(),
            draft.model());
    return ledger
        .ask(new AskWrite(question, new AskWrite.Parts(outbox, chatJobs, plans, this::knownModel)))
        .thenApply(
            posted -> {
              metrics.count("queued");
              return posted;
            });
  }

  /**
   * Asks a question in one transaction of its own; with {@code replaces}, the id of the chat's
   * latest question, the new one is that question edited: both stay in the chat, and prompts carry
   * only the new one from then on. (A plain question goes through {@link #post}.)
   */
  @Transactional
  public PostedMessages ask(
      String chatId, String content, String priority, String model, String replaces) {
    Chat chat = chats.get(chatId);
    MessageDraft draft =
        MessageDraft.of(content, priority, model, maxContentChars, this::knownModel, chat.model());
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
            MessageDraft.checkedModel(model, this::knownModel, old.modelRequested()));
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

  private boolean knownModel(String id) {
    return providers.directory().catalog().find(id).isPresent();
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
