package dev.sluice.chat;

import dev.sluice.admission.GatedStream;
import dev.sluice.admission.service.AdmissionGate;
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
   * delivered again, except on the last delivery, where the answer is marked failed instead.
   */
  public void run(String messageId, int delivery) {
    try {
      start(messageId);
    } catch (RuntimeException e) {
      if (delivery < maxDeliveries) {
        throw e;
      }
      LOG.log(Level.WARNING, "chat job " + messageId + " failed on its last delivery", e);
      giveUp(messageId);
    }
  }

  /** Starts writing the answer {@code messageId} if it is still queued; returns at once. */
  public void start(String messageId) {
    Optional<JobPlan> claimed = store.claim(messageId);
    if (claimed.isEmpty()) {
      return;
    }
    JobPlan job = claimed.get();
    events.fire(new AnswerStatus(job.chatId(), messageId, "streaming"));
    AnswerWriter writer = new AnswerWriter(job, parts());
    try {
      GatedStream stream = gate.stream(request(job), job.priority(), writer);
      running.register(messageId, stream);
      stream
          .result()
          .whenComplete((result, error) -> writer.finish(result, error, stream::attempts));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "chat job " + messageId + " could not start", e);
      writer.finish(null, e, List::of);
    }
  }

  /** Marks an answer that could not be processed as failed, so the user sees why. */
  public void giveUp(String messageId) {
    store
        .find(messageId)
        .filter(
            m ->
                store.end(
                    messageId, MessageStatus.FAILED, m.content(), "INTERNAL", UNPROCESSABLE, null))
        .ifPresent(m -> metrics.count("failed"));
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
