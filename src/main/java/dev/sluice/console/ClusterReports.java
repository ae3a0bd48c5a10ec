package dev.sluice.console;

import dev.sluice.admission.service.AdmissionGate;
import dev.sluice.generations.GenerationRecorder;
import dev.sluice.generations.LiveSeries;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.platform.cluster.ClusterNode;
import dev.sluice.platform.cluster.NodeRegistry;
import dev.sluice.platform.config.Durations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cluster's figures for the console. Every heartbeat this node writes its own lanes and last
 * hour into its registry row; the console of any node adds the other live nodes' last reports to
 * its own live figures, so what it shows is the cluster's, at most a heartbeat old for the others.
 */
@ApplicationScoped
public class ClusterReports {

  private static final Logger LOG = Logger.getLogger(ClusterReports.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject ClusterNode node;
  @Inject NodeRegistry registry;
  @Inject AdmissionGate gate;
  @Inject GenerationRecorder recorder;
  @Inject ProviderRuntime runtime;

  @Inject
  @ConfigProperty(name = "sluice.cluster.shared-budgets", defaultValue = "false")
  boolean sharedBudgets;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private volatile ScheduledFuture<?> reporting;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    long every = Durations.parse(node.heartbeat()).toMillis();
    reporting = scheduler.scheduleWithFixedDelay(this::report, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (reporting != null) {
      reporting.cancel(false);
    }
  }

  /** This node's lanes as the console shows them. */
  public List<LaneRow> localLanes() {
    return gate.lanes().stream()
        .map(
            lane -> {
              String provider = OverviewService.providerOfLane(lane.name());
              return LaneRow.of(lane, provider, gate.breakers().state(provider).name());
            })
        .toList();
  }

  /** The other live nodes' last reports; one that cannot be read is left out. */
  public List<NodeReport> others() {
    List<NodeReport> reports = new ArrayList<>();
    for (Map.Entry<String, String> report : registry.reports(node.id()).entrySet()) {
      try {
        reports.add(JSON.fromJson(report.getValue(), NodeReport.class));
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "node " + report.getKey() + "'s report is unreadable", e);
      }
    }
    return reports;
  }

  /** This node's lanes with the others' added, lane by lane, in this node's order. */
  public List<LaneRow> lanes(List<NodeReport> others) {
    Map<String, LaneRow> lanes = new LinkedHashMap<>();
    localLanes().forEach(lane -> lanes.put(lane.name(), lane));
    for (NodeReport report : others) {
      for (LaneRow lane : report.lanes()) {
        lanes.merge(lane.name(), lane, (a, b) -> LaneRow.plus(a, b, sharedBudgets));
      }
    }
    return List.copyOf(lanes.values());
  }

  /** The last hour of the cluster: this node's with the others' minutes added. */
  public List<LiveSeries.Point> lastHour(Instant now, List<NodeReport> others) {
    if (others.isEmpty()) {
      // A single server, polled every two seconds: its own series, without copying an hour of it.
      return recorder.series().lastHour(now);
    }
    List<LiveSeries.MinuteShare> shares = new ArrayList<>();
    others.forEach(report -> shares.addAll(report.series()));
    return recorder.series().lastHour(now, shares);
  }

  void report() {
    // A periodic task that throws is never run again: a database outage must not end the reports.
    try {
      Instant now = runtime.clock().instant();
      NodeReport report = new NodeReport(localLanes(), recorder.series().shares(now));
      registry.report(node.id(), JSON.toJson(report));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "this node's report for the console could not be written", e);
    }
  }
}
