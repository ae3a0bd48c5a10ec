package dev.sluice.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The conversations of questions just asked on this server, kept until their job's wake-up is
 * delivered here, so the delivery does not read back from the database what the asking transaction
 * had just read. The database stays the record: a job delivered on another server, delivered again,
 * or delivered after a restart reads its conversation there ({@link ChatJobStore#plan}), and a plan
 * is only a copy of committed rows that no longer change.
 *
 * <p>An earlier answer of the chat still being written when the question was asked has more text at
 * delivery: the kept plan leaves its place open ({@link KeptPlan}), and the delivery reads that
 * answer alone. Plans are kept for {@link #KEPT} at most (a wake-up taken by another server leaves
 * its plan here) and up to {@code sluice.chat.held-plan-chars} characters in all; beyond that a job
 * simply reads its conversation. Per-job state, dropped when the job is delivered or the plan is
 * too old.
 */
@ApplicationScoped
public class HeldPlans {

  /** How long a plan waits for its job's delivery on this server. */
  static final Duration KEPT = Duration.ofSeconds(60);

  private final Map<String, Held> plans = new ConcurrentHashMap<>();
  private final AtomicLong heldChars = new AtomicLong();
  private final AtomicLong nextSweep = new AtomicLong();
  private final LongSupplier nanoTime;

  @Inject
  @ConfigProperty(name = "sluice.chat.held-plan-chars", defaultValue = "4000000")
  long maxChars;

  private record Held(KeptPlan plan, long chars, long until) {}

  public HeldPlans() {
    this(System::nanoTime, 4_000_000);
  }

  HeldPlans(LongSupplier nanoTime, long maxChars) {
    this.nanoTime = nanoTime;
    this.maxChars = maxChars;
    this.nextSweep.set(nanoTime.getAsLong() + KEPT.toNanos());
  }

  /**
   * Keeps the plan of the answer that ends {@code upToAnswer} (the chat's messages in seq order,
   * the new answer last) if there is room.
   */
  public void hold(Chat chat, List<ChatMessage> upToAnswer) {
    hold(chat.owner(), chat.id(), chat.systemPrompt(), upToAnswer);
  }

  /** As {@link #hold(Chat, List)}, for the chat {@code chatId} of {@code owner}. */
  public void hold(String owner, String chatId, String systemPrompt, List<ChatMessage> upToAnswer) {
    long now = nanoTime.getAsLong();
    sweepIfDue(now);
    KeptPlan plan = KeptPlan.of(owner, chatId, systemPrompt, upToAnswer);
    long chars = plan.plan().chars() + 1;
    if (heldChars.addAndGet(chars) > maxChars) {
      heldChars.addAndGet(-chars);
      return;
    }
    Held before = plans.put(plan.plan().messageId(), new Held(plan, chars, now + KEPT.toNanos()));
    if (before != null) {
      heldChars.addAndGet(-before.chars());
    }
  }

  /** The kept plan of answer {@code messageId}, taken out; empty if none (or too old). */
  public Optional<KeptPlan> take(String messageId) {
    Held held = plans.remove(messageId);
    if (held == null) {
      return Optional.empty();
    }
    heldChars.addAndGet(-held.chars());
    return held.until() - nanoTime.getAsLong() > 0 ? Optional.of(held.plan()) : Optional.empty();
  }

  /** How many plans are kept now. */
  int size() {
    return plans.size();
  }

  /** Drops plans too old to be taken, at most once per {@link #KEPT}. */
  private void sweepIfDue(long now) {
    long due = nextSweep.get();
    if (now - due < 0 || !nextSweep.compareAndSet(due, now + KEPT.toNanos())) {
      return;
    }
    plans.forEach(
        (id, held) -> {
          if (held.until() - now <= 0 && plans.remove(id, held)) {
            heldChars.addAndGet(-held.chars());
          }
        });
  }
}
