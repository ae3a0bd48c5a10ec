package dev.sluice.chat;

import dev.sluice.llm.config.ProviderRegistry;
import dev.sluice.platform.messaging.JobOutbox;
import dev.sluice.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores a batch of questions in one transaction of its own: for each, in order, the question, its
 * queued answer and the answer's job, each job woken once the batch commits. A question refused (no
 * such chat, a bad field) is checked before anything of it is written and writes nothing; the
 * others go on.
 */
@ApplicationScoped
@Transactional(value = TxType.REQUIRES_NEW, rollbackOn = Exception.class)
public class QuestionBatch {

  @Inject ChatRepository repository;
  @Inject JobOutbox outbox;
  @Inject ChatJobRunner chatJobs;
  @Inject ProviderRegistry providers;

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "sluice.chat.max-content-chars", defaultValue = "32000")
  int maxContentChars;

  private final Clock clock = Clock.systemUTC();

  public void apply(List<Question> questions) {
    for (Question q : questions) {
      try {
        q.stored(store(q));
      } catch (ProblemException refused) {
        q.refused(refused);
      }
    }
  }

  private PostedMessages store(Question q) {
    Chat chat = em.find(Chat.class, q.chatId);
    if (chat == null || !q.mayRead(chat.owner())) {
      throw ProblemException.notFound("chat", q.chatId);
    }
    MessageDraft draft =
        MessageDraft.of(
            q.content,
            q.priority,
            q.model,
            maxContentChars,
            id -> providers.directory().catalog().find(id).isPresent(),
            chat.model());
    // Nothing is written before this point. Updating the chat row first serialises concurrent
    // questions to one chat, so their seqs differ.
    chat.touch(clock);
    em.flush();
    int seq = repository.lastSeq(chat.id());
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
    em.flush();
    outbox.add(chatJobs, answer.id(), answer.priority().jmsPriority());
    return new PostedMessages(question, answer);
  }
}
