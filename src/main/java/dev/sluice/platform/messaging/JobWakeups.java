package dev.sluice.platform.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;

/**
 * Sends wake-ups in batches: callers only enqueue (after their transaction has committed), and one
 * task at a time on the managed executor drains whatever has gathered onto one JMS context, the
 * jobs of one kind and priority bundled into few messages ({@link WakeupBundle}). The messages are
 * non-persistent: the outbox row is the durable record of the job, so a wake-up lost with the
 * messaging engine is sent again by the sweep, and no send waits for a disk.
 */
@ApplicationScoped
public class JobWakeups {

  private static final int MAX_PER_CONTEXT = 1000;

  @Resource(name = "jms/sluiceCF")
  ConnectionFactory connections;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private SerialDrain<JobWakeup> waiting;

  @PostConstruct
  void create() {
    // The jobs are in the outbox: the sweep wakes them once their lease has run out.
    waiting =
        new SerialDrain<>(
            executor, this::sendSome, "wake-ups, which the outbox sweep sends again later");
  }

  /** Queues a wake-up for {@code workId}; it is sent soon, with those that gather meanwhile. */
  public void send(JobKind kind, String workId, int jmsPriority) {
    send(new JobWakeup(kind, workId, jmsPriority));
  }

  /**
   * Sends {@code wakeups} on the caller's thread when no send is in flight, else with the one that
   * is: for a caller already on a task of the managed executor (the answer ledger, once its commit
   * has made the jobs), so that a quiet question's wake-up leaves without a hand-over between
   * threads.
   */
  public void sendHere(Collection<JobWakeup> wakeups) {
    waiting.addAllHere(wakeups);
  }

  /**
   * Puts a job that cannot be done on {@code failedQueue}, persistently and at once, for an
   * operator to see and retry: the one message of the pipeline that must outlive a restart.
   */
  public void sendFailed(jakarta.jms.Queue failedQueue, String workId, int jmsPriority) {
    try (JMSContext context = connections.createContext()) {
      context
          .createProducer()
          .setDeliveryMode(DeliveryMode.PERSISTENT)
          .setPriority(jmsPriority)
          .send(failedQueue, workId);
    }
  }

  void send(JobWakeup wakeup) {
    waiting.add(wakeup);
  }

  /**
   * Wakes {@code workId} in a message of its own: a job that failed inside a bundle after {@code
   * triedBefore} tries, so that its next deliveries are its own, counted on from those, and end on
   * its failed queue after the last.
   */
  public void sendAlone(JobKind kind, String workId, int jmsPriority, int triedBefore) {
    send(new JobWakeup(kind, workId, jmsPriority, triedBefore));
  }

  private void sendSome(Queue<JobWakeup> waiting) {
    List<JobWakeup> some = new ArrayList<>();
    JobWakeup next;
    while (some.size() < MAX_PER_CONTEXT && (next = waiting.poll()) != null) {
      some.add(next);
    }
    try (JMSContext context = connections.createContext()) {
      JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
      for (WakeupBundle bundle : WakeupBundle.of(some)) {
        producer.clearProperties();
        if (bundle.triedBefore() > 0) {
          producer.setProperty(JobDeliveries.TRIED_BEFORE, bundle.triedBefore());
        }
        producer.setPriority(bundle.jmsPriority()).send(bundle.kind().queue(), bundle.body());
      }
    }
  }
}
