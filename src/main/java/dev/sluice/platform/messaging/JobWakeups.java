package dev.sluice.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends wake-ups in batches: callers only enqueue (after their transaction has committed), and one
 * task at a time on the managed executor drains whatever has gathered onto one JMS context. The
 * messages are non-persistent: the outbox row is the durable record of the job, so a wake-up lost
 * with the messaging engine is sent again by the sweep, and no send waits for a disk.
 */
@ApplicationScoped
public class JobWakeups {

  private static final Logger LOG = Logger.getLogger(JobWakeups.class.getName());
  private static final int MAX_PER_CONTEXT = 1000;

  @Resource(name = "jms/sluiceCF")
  ConnectionFactory connections;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private final Queue<JobWakeup> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  /** Queues a wake-up for {@code workId}; it is sent soon, with those that gather meanwhile. */
  public void send(JobKind kind, String workId, int jmsPriority) {
    send(new JobWakeup(kind, workId, jmsPriority));
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
    if (draining.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RuntimeException e) {
        draining.set(false);
        LOG.log(Level.WARNING, "wake-ups wait for the next send or sweep", e);
      }
    }
  }

  private void drain() {
    try {
      while (!waiting.isEmpty()) {
        sendSome();
      }
    } catch (RuntimeException e) {
      // The jobs are in the outbox: the sweep wakes them once their lease has run out.
      LOG.log(Level.WARNING, "wake-ups could not be sent; the outbox sweep sends them later", e);
      waiting.clear();
    } finally {
      draining.set(false);
    }
    // One may have arrived between the last poll and clearing the flag.
    if (!waiting.isEmpty() && draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void sendSome() {
    try (JMSContext context = connections.createContext()) {
      JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
      JobWakeup next;
      for (int sent = 0; sent < MAX_PER_CONTEXT && (next = waiting.poll()) != null; sent++) {
        producer.setPriority(next.jmsPriority()).send(next.kind().queue(), next.workId());
      }
    }
  }
}
