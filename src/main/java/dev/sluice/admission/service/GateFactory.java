package dev.sluice.admission.service;

import dev.sluice.admission.Gate;
import dev.sluice.admission.Lane;
import dev.sluice.admission.LaneSettings;
import dev.sluice.admission.PriorityLane;
import dev.sluice.admission.ProviderBreakers;
import dev.sluice.admission.SharedLanes;
import dev.sluice.admission.TimeSource;
import dev.sluice.llm.ProviderRuntime;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Builds the gate and its lanes on the server's managed scheduler and clocks. */
final class GateFactory {

  private GateFactory() {}

  static Gate create(
      AdmissionGate owner,
      AdmissionSettingsReader settings,
      ProviderBreakers breakers,
      ProviderRuntime runtime,
      RandomGenerator random) {
    return new Gate(
        owner::laneFor,
        owner::providerOf,
        owner.client()::stream,
        breakers,
        settings.fallbacks(),
        settings.retry(),
        runtime.scheduler(),
        runtime.nanoClock(),
        runtime.clock(),
        random);
  }

  /** A lane of these settings: spending the cluster's shared budgets, if given, else its own. */
  static Lane lane(LaneSettings settings, ProviderRuntime runtime, Optional<SharedLanes> shared) {
    TimeSource time = TimeSource.system(runtime.clock());
    return shared
        .map(lanes -> lanes.lane(settings, runtime.scheduler(), time))
        .orElseGet(() -> new PriorityLane(settings, runtime.scheduler(), time));
  }
}
