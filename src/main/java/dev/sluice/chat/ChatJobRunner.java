package dev.sluice.chat;

import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.GatedStream;
import dev.sluice.admission.service.AdmissionGate;
import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.TokenCounter;
import dev.sluice.llm.config.ConfigView;
import dev.sluice.llm.config.ProviderRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a chat job: claims the queued answer (once, however often the job is delivered), builds the
 * prompt and starts the generation through the admission gate, then returns; the answer is written
 * by an {@link AnswerWriter} as it streams.
 */
@ApplicationScoped
public class ChatJobRunner {

  private static final Logger LOG = Logger.getLogger(ChatJobRunner.class.getName());
  static final String UNPROCESSABLE = "could not be processed";
  private static final String INTERNAL = "INTERNAL";

  @Inject ChatJobStore store;
  @Inject AdmissionGate gate;
  @Inject ProviderRegistry providers;
  @Inject RunningAnswers running;
  @Inject ChatJobMetrics metrics;
  @Inject Event<Object> events;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "sluice.chat.save-every-tokens", defaultValue = "32")
  int saveEveryChunks;

  @Inject Config config;

  /**
   * Must equal the {@code ChatJobs} queue's {@code maxRedeliveryCount} in server.xml (3 in both):
   * the messaging engine moves a job to {@code ChatJobsFailed} after that many failed deliveries,
   * and the runner gives up on the same one, so an answer is marked failed exactly when its job
   * leaves the queue. Were the engine's count higher, the next delivery would find the answer
   * failed, not queued, and drop the job instead; were it lower, the job would leave with its
   * answer still queued.
   */
  @Inject
  @ConfigProperty(name = "sluice.chat.max-deliveries", defaultValue = "3")
  int maxDeliveries;

  /** What an {@link AnswerWriter} works with. */
  record Parts(
      ChatJobStore store,
      RunningAnswers running,
      ChatJobMetrics metrics,
      Event<Object> events,
      ManagedExecutorService executor,
      int saveEveryChunks,
      Duration saveEvery) {}

  /**
   * Handles delivery number {@code delivery} of a job. A failure is rethrown so the job is
   * delivered again; on the last delivery the answer is marked failed first, and the rethrown
   * failure makes the messaging engine move the job to {@code ChatJobsFailed}.
   */
  public void run(String messageId, int delivery) {
    if (!AnswerIds.wellFormed(messageId)) {
      // Nothing could ever be done with it: refused on every delivery, it ends in ChatJobsFailed
      // where an operator can see it, instead of vanishing.
      LOG.warning(
          "chat job message names no answer ("
              + AnswerIds.shown(messageId)
              + "), delivery "
              + delivery
              + ": refused; it moves to ChatJobsFailed after "
              + maxDeliveries);
      throw new IllegalArgumentException("a chat job message must name an answer by its id");
    }
    try {
      start(messageId);
    } catch (RuntimeException e) {
      if (delivery < maxDeliveries) {
        throw e;
      }
      LOG.log(
          Level.WARNING,
          "chat job "
              + messageId
              + " failed on its last delivery: its answer is marked failed and the job moves to"
              + " ChatJobsFailed",
          e);
      try {
        fail(messageId, UNPROCESSABLE + " (tried " + delivery + " times)");
      } catch (RuntimeException f) {
        e.addSuppressed(f);
      }
      throw e;
    }
  }

  /** Starts writing the answer {@code messageId} if it is still queued; returns at once. */
  public void start(String messageId) {
    Optional<JobPlan> claimed = store.claim(messageId);
    if (claimed.isEmpty()) {
      if (store.find(messageId).isEmpty()) {
        LOG.info("chat job " + messageId + " names no stored answer (chat deleted?): dropped");
      }
      return;
    }
    try {
      generate(claimed.get());
    } catch (RuntimeException e) {
      // The claim has committed: a redelivered job would find the answer no longer queued and
      // drop it, so the answer ends here rather than stay streaming.
      LOG.log(Level.WARNING, "chat job " + messageId + " failed after its claim", e);
      fail(messageId, UNPROCESSABLE);
    }
  }

  private void generate(JobPlan job) {
    events.fire(new AnswerStatus(job.chatId(), job.messageId(), "streaming"));
    AnswerWriter writer = new AnswerWriter(job, parts());
    try {
      GatedStream stream =
          gate.stream(
              request(job), job.priority(), CallOrigin.chat(job.owner(), job.messageId()), writer);
      running.register(job.messageId(), stream);
      stream
          .result()
          .whenComplete((result, error) -> writer.finish(result, error, stream::attempts));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "chat job " + job.messageId() + " could not start", e);
      writer.finish(null, e, List::of);
    }
  }

  /** Marks an answer that could not be processed as failed, so the user sees why. */
  private void fail(String messageId, String reason) {
    store
        .find(messageId)
        .filter(
            m -> store.end(messageId, MessageStatus.FAILED, m.content(), INTERNAL, reason, null))
        .ifPresent(
            m -> {
              metrics.count("failed");
              events.fire(new AnswerStatus(m.chatId(), messageId, "failed"));
              events.fire(
                  new AnswerEnded(
                      m.chatId(), messageId, "failed", 0, INTERNAL, reason, m.content()));
            });
  }

  ChatRequest request(JobPlan job) {
    int budget =
        providers
            .directory()
            .catalog()
            .find(job.model())
            .map(ChatJobRunner::promptBudget)
            .orElse(Integer.MAX_VALUE);
    return ChatRequest.of(
        job.model(),
        Conversation.fit(job.systemPrompt(), job.history(), budget, TokenCounter.instance()));
  }

  private static int promptBudget(ModelInfo model) {
    return Conversation.budget(model.contextWindow(), model.maxOutputTokens());
  }

  private Parts parts() {
    return new Parts(
        store,
        running,
        metrics,
        events,
        executor,
        saveEveryChunks,
        ConfigView.of(config).getDuration("sluice.chat.save-every", Duration.ofSeconds(2)));
  }
}
