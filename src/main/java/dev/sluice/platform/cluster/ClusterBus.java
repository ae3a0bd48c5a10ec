package dev.sluice.platform.cluster;

import dev.sluice.platform.messaging.SerialDrain;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Live events between the nodes of a cluster, on the shared broker's {@code ClusterEvents} topic
 * ({@code jms/clusterEvents}): answers' chunks for other nodes' WebSockets, breaker trips, cancel
 * requests. Publishing only enqueues; one send at a time carries whatever gathered meanwhile, so a
 * node sends as many messages as its sends take, not one per event, and an event waits at most for
 * the send before it. Non-persistent with a short life: they are live signals, and what must last
 * is in the database. Every other node fires each event as a {@link ClusterEvent}, in the order its
 * node published them ({@link Resequencer}).
 *
 * <p>Off on a single server ({@code sluice.cluster.events}): nothing is sent, nothing is paid.
 */
@ApplicationScoped
public class ClusterBus {

  private static final Logger LOG = Logger.getLogger(ClusterBus.class.getName());

  /** JSON of a few hundred events stays a small message; more waits for the next one. */
  static final int MAX_EVENTS_PER_MESSAGE = 500;

  /** Long enough for any live listener; a message older than this is of use to nobody. */
  private static final long TIME_TO_LIVE_MS = 60_000;

  /** How long a message that came early waits for those before it, then takes them for lost. */
  static final long HOLD_MS = 1000;

  @Inject
  @ConfigProperty(name = "sluice.cluster.events", defaultValue = "false")
  boolean enabled;

  @Inject ClusterNode node;
  @Inject Event<ClusterEvent> events;

  @Resource(name = "jms/sluiceCF")
  ConnectionFactory connections;

  @Resource(name = "jms/clusterEvents")
  Topic topic;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final AtomicLong sequence = new AtomicLong();
  private final Resequencer order = new Resequencer(TimeUnit.MILLISECONDS.toNanos(HOLD_MS));
  private SerialDrain<ClusterEvent> outbox;
  private ScheduledFuture<?> expiring;

  @PostConstruct
  void create() {
    outbox =
        new SerialDrain<>(
            executor,
            this::sendSome,
            "cluster events for the other nodes (live signals; the database keeps the rest)");
    if (enabled) {
      expiring =
          scheduler.scheduleWithFixedDelay(
              () -> expire(events::fire, System.nanoTime()),
              HOLD_MS,
              HOLD_MS / 2,
              TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  void stop() {
    if (expiring != null) {
      expiring.cancel(false);
    }
  }

  /** Whether events reach other nodes: a cluster on a shared broker. */
  public boolean enabled() {
    return enabled;
  }

  /** Tells the other nodes; does nothing on a single server. */
  public void publish(String kind, JsonObject body) {
    if (enabled) {
      outbox.add(new ClusterEvent(kind, body));
    }
  }

  /**
   * One message of the topic, as its JSON text: its events are fired here unless sent from here.
   */
  public void receive(String message) {
    receive(message, node::id, events::fire, System.nanoTime());
  }

  void receive(String message, Supplier<String> self, Consumer<ClusterEvent> fire, long nowNanos) {
    BusMessage batch = BusMessage.fromJson(message);
    if (batch.origin().equals(self.get())) {
      return;
    }
    synchronized (order) {
      order.accept(batch, nowNanos).forEach(m -> fire(m, fire));
    }
  }

  /** Hands on what waited for messages that never came, once it has waited long enough. */
  void expire(Consumer<ClusterEvent> fire, long nowNanos) {
    synchronized (order) {
      if (order.waiting()) {
        order.expire(nowNanos).forEach(m -> fire(m, fire));
      }
    }
  }

  private static void fire(BusMessage message, Consumer<ClusterEvent> fire) {
    for (ClusterEvent event : message.events()) {
      try {
        fire.accept(event);
      } catch (RuntimeException e) {
        // One observer's failure must not cost the events after it.
        LOG.log(
            Level.WARNING,
            "a " + event.kind() + " event from node " + message.origin() + " failed",
            e);
      }
    }
  }

  private void sendSome(Queue<ClusterEvent> waiting) {
    String message = next(node.id(), sequence, waiting).toJson();
    try (JMSContext context = connections.createContext()) {
      context
          .createProducer()
          .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
          .setTimeToLive(TIME_TO_LIVE_MS)
          .send(topic, message);
    }
  }

  /** The next message: up to {@link #MAX_EVENTS_PER_MESSAGE} of the waiting events, in order. */
  static BusMessage next(String origin, AtomicLong sequence, Queue<ClusterEvent> waiting) {
    List<ClusterEvent> batch = new ArrayList<>();
    ClusterEvent event;
    while (batch.size() < MAX_EVENTS_PER_MESSAGE && (event = waiting.poll()) != null) {
      batch.add(event);
    }
    return new BusMessage(origin, sequence.incrementAndGet(), batch);
  }
}
