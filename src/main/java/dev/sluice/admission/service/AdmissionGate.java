package dev.sluice.admission.service;

import dev.sluice.admission.Attempt;
import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.EndKept;
import dev.sluice.admission.Gate;
import dev.sluice.admission.GatedStream;
import dev.sluice.admission.Lane;
import dev.sluice.admission.LaneSettings;
import dev.sluice.admission.LaneSnapshot;
import dev.sluice.admission.Priority;
import dev.sluice.admission.ProviderBreakers;
import dev.sluice.admission.ProviderCallEnded;
import dev.sluice.admission.SendCheck;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.StreamListener;
import dev.sluice.llm.client.LlmClient;
import dev.sluice.llm.config.ProviderRegistry;
import dev.sluice.platform.cluster.ClusterNode;
import dev.sluice.platform.config.ConfigView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The server's admission gate: every provider call in Sluice goes through {@link #stream}. Lanes
 * are created on first use, one per provider and model, or one per provider when {@code
 * sluice.providers.<name>.lane-per=provider}, with their configured settings and the operators'
 * overrides on top ({@link LaneSettingsService}).
 */
@ApplicationScoped
public class AdmissionGate {

  static final String UNKNOWN_LANE = "unknown";
  private static final Logger LOG = Logger.getLogger(AdmissionGate.class.getName());

  @Inject Config config;
  @Inject ProviderRegistry registry;
  @Inject LlmClient client;
  @Inject ProviderRuntime runtime;
  @Inject AdmissionMetrics metrics;
  @Inject LaneOverrideCache overrides;
  @Inject Event<ProviderCallEnded> callEnded;
  @Inject SharedBudgets sharedBudgets;
  @Inject ClusterNode node;

  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
  private ConfigView view;
  private AdmissionSettingsReader settings;
  private ProviderBreakers breakers;
  private Gate gate;

  @PostConstruct
  void init() {
    view = ConfigView.of(config);
    settings = new AdmissionSettingsReader(view);
    breakers = new ProviderBreakers(settings.breaker(), runtime.clock());
    metrics.watchBreakers(breakers);
    gate = GateFactory.create(this, settings, breakers, runtime, new SplittableRandom());
  }

  /** Starts a call nobody said the origin of; returns at once. */
  public GatedStream stream(ChatRequest request, Priority priority, StreamListener listener) {
    return stream(request, priority, CallOrigin.UNKNOWN, listener);
  }

  /**
   * Starts a call through the gate and returns at once; when it ends, however it ends, a {@link
   * ProviderCallEnded} event says so.
   */
  public GatedStream stream(
      ChatRequest request, Priority priority, CallOrigin origin, StreamListener listener) {
    return stream(request, priority, origin, listener, SendCheck.NONE, EndKept.NONE);
  }

  /**
   * As {@link #stream(ChatRequest, Priority, CallOrigin, StreamListener)}, with the caller's last
   * check before anything is sent (a call the check dropped is neither recorded nor announced), and
   * the caller's own record of the end, which the announcement waits for.
   */
  public GatedStream stream(
      ChatRequest request,
      Priority priority,
      CallOrigin origin,
      StreamListener listener,
      SendCheck check,
      EndKept endKept) {
    Instant startedAt = runtime.clock().instant();
    GatedStream stream = gate.stream(request, priority, listener, check);
    stream
        .result()
        .whenComplete(
            (result, error) -> {
              if (stream.dropped()) {
                return;
              }
              List<Attempt> attempts = stream.attempts();
              metrics.recordAttempts(priority, attempts);
              ProviderCallEnded ended =
                  new ProviderCallEnded(
                      origin,
                      request,
                      priority,
                      startedAt,
                      runtime.clock().instant(),
                      result,
                      error,
                      attempts);
              afterKept(endKept).whenComplete((kept, failure) -> announce(ended));
            });
    return stream;
  }

  private static CompletionStage<?> afterKept(EndKept endKept) {
    try {
      return endKept.kept();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the caller's record of a provider call's end failed", e);
      return CompletableFuture.completedFuture(null);
    }
  }

  private void announce(ProviderCallEnded ended) {
    try {
      callEnded.fire(ended);
    } catch (RuntimeException e) {
      // A record that cannot be kept must not change how the call ended for its caller.
      LOG.log(Level.WARNING, "an observer of a provider call's end failed", e);
    }
  }

  /** The lane a model's calls wait in (created on first use). */
  public Lane laneFor(String model) {
    String name = laneName(model);
    return lanes.computeIfAbsent(
        name,
        n -> {
          metrics.watchBreaker(breakers, providerOf(model));
          return metrics.watch(GateFactory.lane(nodeSettings(n), runtime, sharedBudgets.lanes()));
        });
  }

  /** The lane, if it has had a call on this server. */
  public Optional<Lane> existingLane(String name) {
    return Optional.ofNullable(lanes.get(name));
  }

  /** A lane's settings from configuration alone. */
  public LaneSettings configuredSettings(String lane) {
    return settings.lane(lane);
  }

  /**
   * A lane's settings on this node. With budgets shared by a cluster the in-flight limit is the
   * cluster's too: each of the N live nodes takes an N-th of it (at least one call), so the nodes
   * together never have more in flight, and a node that ends gives its share back to the others at
   * the next settings refresh.
   */
  public LaneSettings nodeSettings(String lane) {
    LaneSettings cluster = effectiveSettings(lane);
    if (sharedBudgets.lanes().isEmpty()) {
      return cluster;
    }
    return cluster.withMaxInFlight(inFlightShare(cluster.maxInFlight(), node.liveNodes()));
  }

  /** One node's part of a cluster's in-flight limit: an equal share, rounded down, at least 1. */
  static int inFlightShare(int maxInFlight, int liveNodes) {
    return Math.max(1, maxInFlight / Math.max(1, liveNodes));
  }

  /** A lane's settings as it applies them: configuration with the lane's override on top. */
  public LaneSettings effectiveSettings(String lane) {
    return overrides.applyTo(settings.lane(lane));
  }

  public String providerOf(String model) {
    return registry.directory().catalog().find(model).map(ModelInfo::provider).orElse(UNKNOWN_LANE);
  }

  public List<LaneSnapshot> lanes() {
    return lanes.values().stream()
        .map(Lane::snapshot)
        .sorted(Comparator.comparing(LaneSnapshot::name))
        .toList();
  }

  public ProviderBreakers breakers() {
    return breakers;
  }

  LlmClient client() {
    return client;
  }

  AdmissionSettingsReader settings() {
    return settings;
  }

  /** The lane a model's calls wait in: "provider/model", or "provider" when it shares one. */
  public String laneName(String model) {
    String provider = providerOf(model);
    if (UNKNOWN_LANE.equals(provider)) {
      // Never one lane per unknown name a caller sends: the upstream refuses those calls anyway.
      return UNKNOWN_LANE;
    }
    boolean shared =
        "provider"
            .equalsIgnoreCase(view.get("sluice.providers." + provider + ".lane-per", "model"));
    return shared ? provider : provider + "/" + model;
  }
}
