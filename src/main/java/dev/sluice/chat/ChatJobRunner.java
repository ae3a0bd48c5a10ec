package dev.sluice.chat;

import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.GatedStream;
import dev.sluice.admission.service.AdmissionGate;
import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.TokenCounter;
import dev.sluice.llm.config.ProviderRegistry;
import dev.sluice.platform.cluster.ClusterNode;
import dev.sluice.platform.config.ConfigView;
import dev.sluice.platform.messaging.JobKind;
import dev.sluice.platform.messaging.JobWakeups;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a chat job: takes the queued answer's conversation (kept from the question's transaction
 * when it was asked on this server, {@link HeldPlans}, else read), hands the call to the admission
 * gate and returns. The answer is claimed (queued to streaming, its outbox row gone) only when the
 * gate admits the call, just before it is sent, so an answer still waiting in a lane when the
 * server stops stays queued and is simply asked again; however often a job is delivered, one call
 * claims it. The answer is written by an {@link AnswerWriter} as it streams.
 */
@ApplicationScoped
public class ChatJobRunner implements JobKind {

  /** The chat jobs' name in the job outbox. */
  public static final String KIND = "chat";

  private static final Logger LOG = Logger.getLogger(ChatJobRunner.class.getName());
  static final String UNPROCESSABLE = "could not be processed";
  private static final String INTERNAL = "INTERNAL";

  @Inject ChatJobStore store;
  @Inject HeldPlans held;
  @Inject AdmissionGate gate;
  @Inject ProviderRegistry providers;
  @Inject RunningAnswers running;
  @Inject ChatJobMetrics metrics;
  @Inject Event<Object> events;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(name = "jms/chatJobs")
  Queue queue;

  @Resource(name = "jms/chatJobsFailed")
  Queue failedQueue;

  @Inject JobWakeups wakeups;
  @Inject AnswerLedger ledger;
  @Inject ClusterNode node;

  /**
   * Claims that failed (the database refused or was away), by answer, until the claim succeeds or
   * the answer is failed: per-job state, dropped when the job ends either way.
   */
  private final Map<String, Integer> claimFailures = new ConcurrentHashMap<>();

  @Inject
  @ConfigProperty(name = "sluice.chat.save-every-tokens", defaultValue = "0")
  int saveEveryChunks;

  @Inject Config config;

  /** Built on first use (the container's proxies are ready by then), the same for every job. */
  private volatile Parts parts;

  /**
   * The {@code ChatJobs} queue's {@code maxRedeliveryCount}: both read server.xml's variable {@code
   * sluice.chat.max-deliveries}, so the messaging engine moves a job to {@code ChatJobsFailed}
   * after the very delivery on which the runner gives up, and an answer is marked failed exactly
   * when its job leaves the queue. (Were the engine's count higher, the next delivery would find
   * the answer failed, not queued, and drop the job; were it lower, the job would leave with its
   * answer still queued.) The default here is the variable's, for a server without it.
   */
  @Inject
  @ConfigProperty(name = "sluice.chat.max-deliveries", defaultValue = "3")
  int maxDeliveries;

  /** What an {@link AnswerWriter} works with. */
  record Parts(
      ChatJobStore store,
      AnswerLedger ledger,
      ChatJobMetrics metrics,
      Event<Object> events,
      Executor executor,
      int saveEveryChunks,
      Duration saveEvery) {}

  @Override
  public String name() {
    return KIND;
  }

  @Override
  public Queue queue() {
    return queue;
  }

  @Override
  public Queue failedQueue() {
    return failedQueue;
  }

  @Override
  public int maxDeliveries() {
    return maxDeliveries;
  }

  @Override
  public boolean inHand(String messageId) {
    return running.holds(messageId);
  }

  /**
   * Handles try number {@code delivery} of a job. A failure is rethrown so the job is tried again;
   * on the last try the answer is marked failed first, and the rethrown failure moves the job to
   * {@code ChatJobsFailed} (the messaging engine does, or {@link
   * dev.sluice.platform.messaging.JobDeliveries} for a job first tried in a bundle).
   */
  @Override
  public void run(String messageId, int delivery) {
    if (!AnswerIds.wellFormed(messageId)) {
      // Nothing could ever be done with it: refused on every delivery, it ends in ChatJobsFailed
      // where an operator can see it, instead of vanishing.
      LOG.warning(
          "chat job message names no answer ("
              + AnswerIds.shown(messageId)
              + "), try "
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
              + " failed on its last try: its answer is marked failed and the job moves to"
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
    if (running.holds(messageId)) {
      // A second wake-up for an answer already waiting in the gate on this server.
      return;
    }
    Optional<JobPlan> plan =
        held.take(messageId).map(this::settled).orElseGet(() -> store.plan(messageId));
    if (plan.isEmpty()) {
      if (store.forgetUnlessQueued(messageId)) {
        LOG.info("chat job " + messageId + " names no stored answer (chat deleted?): dropped");
      }
      return;
    }
    generate(plan.get());
  }

  /** A plan kept at the question, with the text its earlier answers under way have by now. */
  private Optional<JobPlan> settled(KeptPlan kept) {
    return kept.settled() ? Optional.of(kept.plan()) : store.settle(kept);
  }

  private void generate(JobPlan job) {
    AnswerWriter writer = new AnswerWriter(job, parts());
    try {
      GatedStream stream =
          gate.stream(
              request(job),
              job.priority(),
              CallOrigin.chat(job.owner(), job.messageId()),
              writer,
              () -> claim(job, writer),
              writer::endKept);
      running.register(job.messageId(), stream);
      stream
          .result()
          .whenComplete(
              (result, error) -> {
                running.remove(job.messageId(), stream);
                if (!stream.dropped()) {
                  writer.finish(result, error, stream::attempts);
                } else if (claimFailures.containsKey(job.messageId())) {
                  retryOrFail(job);
                }
              });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "chat job " + job.messageId() + " could not start", e);
      writer.finish(null, e, List::of);
    }
  }

  /**
   * The gate has admitted the call: claims the answer, off the gate's thread. False when another
   * delivery claimed it first or it was cancelled meanwhile; a failure leaves it queued, and the
   * outbox sweep wakes it again.
   */
  private CompletionStage<Boolean> claim(JobPlan job, AnswerWriter writer) {
    String owner = node.id();
    return ledger
        .claim(job.messageId(), owner)
        .handle(
            (claimed, error) -> {
              if (error != null) {
                int failures = claimFailures.merge(job.messageId(), 1, Integer::sum);
                LOG.log(
                    Level.WARNING,
                    "chat job " + job.messageId() + " could not be claimed (try " + failures + ")",
                    error);
                return false;
              }
              claimFailures.remove(job.messageId());
              if (claimed) {
                // Before the call is sent, so every later write names the owner.
                writer.claimedBy(owner);
                events.fire(new AnswerStatus(job.chatId(), job.messageId(), "streaming"));
              }
              return claimed;
            });
  }

  /**
   * After a failed claim: the job is woken again at once, as a failed delivery would be; after
   * {@code sluice.chat.max-deliveries} failed claims its answer is marked failed and the job goes
   * to {@code ChatJobsFailed}, where an operator can retry it.
   */
  private void retryOrFail(JobPlan job) {
    String id = job.messageId();
    int failures = claimFailures.getOrDefault(id, 0);
    int jmsPriority = job.priority().jmsPriority();
    if (failures < maxDeliveries) {
      wakeups.send(this, id, jmsPriority);
      return;
    }
    claimFailures.remove(id);
    LOG.warning(
        "chat job "
            + id
            + " could not be claimed "
            + failures
            + " times: failed, see ChatJobsFailed");
    try {
      fail(id, UNPROCESSABLE + " (tried " + failures + " times)");
      wakeups.sendFailed(failedQueue, id, jmsPriority);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "chat job " + id + " stays in the outbox for the next sweep", e);
    }
  }

  /** Marks an answer that could not be processed as failed, so the user sees why. */
  private void fail(String messageId, String reason) {
    store
        .find(messageId)
        .filter(
            m ->
                store.end(
                    messageId, MessageStatus.FAILED, m.content(), INTERNAL, reason, null, null))
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
    Parts built = parts;
    if (built == null) {
      built =
          new Parts(
              store,
              ledger,
              metrics,
              events,
              executor,
              saveEveryChunks,
              ConfigView.of(config).getDuration("sluice.chat.save-every", Duration.ofSeconds(2)));
      parts = built;
    }
    return built;
  }
}
