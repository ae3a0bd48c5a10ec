package dev.sluice.platform.cluster;

import dev.sluice.platform.config.Durations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This server as a node of the cluster: registers at start, beats every {@code
 * sluice.cluster.heartbeat}, and fires {@link NodeEnded} for each ended node whose work it claimed.
 * Its id is the owner that claims of work carry.
 */
@ApplicationScoped
public class ClusterNode {

  private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());

  @Inject NodeRegistry registry;
  @Inject Event<NodeEnded> ended;

  @Inject
  @ConfigProperty(name = "sluice.node.name")
  Optional<String> configuredName;

  @Inject
  @ConfigProperty(name = "sluice.cluster.heartbeat", defaultValue = "5s")
  String heartbeat;

  @Inject
  @ConfigProperty(name = "sluice.cluster.lease", defaultValue = "15s")
  String lease;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private final AtomicBoolean recovering = new AtomicBoolean();
  private volatile int liveNodes = 1;
  private NodeLease membership;
  private volatile ScheduledFuture<?> beating;

  @PostConstruct
  void create() {
    Duration every = Durations.parse(heartbeat);
    Duration leaseTime = Durations.parse(lease);
    if (leaseTime.compareTo(every.multipliedBy(2)) < 0) {
      // One late heartbeat must not end a live node.
      LOG.warning("sluice.cluster.lease " + lease + " is under two heartbeats: using that");
      leaseTime = every.multipliedBy(2);
    }
    membership =
        new NodeLease(
            registry,
            NodeNames.of(configuredName.orElse(null)),
            leaseTime,
            Clock.systemUTC(),
            () -> UUID.randomUUID().toString());
  }

  void onStart(
      @Observes
          @jakarta.annotation.Priority(Interceptor.Priority.APPLICATION)
          @Initialized(ApplicationScoped.class)
          Object started) {
    long every = Durations.parse(heartbeat).toMillis();
    beating = scheduler.scheduleWithFixedDelay(this::beat, 0, every, TimeUnit.MILLISECONDS);
  }

  /** This node's id: the owner written into the work it claims. */
  public String id() {
    return membership.id();
  }

  public String name() {
    return membership.name();
  }

  /** How many nodes were up at this node's last heartbeat, itself included (at least 1). */
  public int liveNodes() {
    return liveNodes;
  }

  /** How often this node beats, as configured ({@code sluice.cluster.heartbeat}). */
  public String heartbeat() {
    return heartbeat;
  }

  /** How long a node may go without a beat, as configured ({@code sluice.cluster.lease}). */
  public String lease() {
    return lease;
  }

  void beat() {
    // A periodic task that throws is never run again: a database outage must not end the beats.
    try {
      List<NodeRecord> toRecover = membership.beat();
      liveNodes =
          (int) Math.max(1, registry.nodes(Instant.now()).stream().filter(NodeRecord::up).count());
      // Recovery can take a while (hundreds of orphans, rows locked): off the heartbeat's thread,
      // so this node's own lease never waits on it; one recovery at a time, and a node whose
      // recovery has not finished is handed out again on a later beat.
      if (!toRecover.isEmpty() && recovering.compareAndSet(false, true)) {
        executor.execute(() -> recover(toRecover));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "heartbeat of node " + name() + " failed; trying again", e);
    }
  }

  private void recover(List<NodeRecord> nodes) {
    try {
      for (NodeRecord node : nodes) {
        ended.fire(new NodeEnded(node.id(), node.name(), node.heartbeatAt(), node.ended()));
        membership.recovered(node.id());
        LOG.info(() -> "the work of node " + node.name() + " (" + node.id() + ") is recovered");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "recovering an ended node's work failed; trying again", e);
    } finally {
      recovering.set(false);
    }
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> task = beating;
    if (task != null) {
      task.cancel(false);
    }
    try {
      membership.stop();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "node " + name() + " could not record its stop", e);
    }
  }
}
