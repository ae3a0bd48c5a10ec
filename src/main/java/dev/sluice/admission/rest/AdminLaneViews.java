package dev.sluice.admission.rest;

import dev.sluice.admission.Lane;
import dev.sluice.admission.service.AdmissionGate;
import dev.sluice.admission.service.LaneSettingsService;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.config.ProviderRegistry;
import dev.sluice.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts together what the console shows of providers and lanes: the catalog says which models a
 * provider serves and so which lanes exist; the gate, the overrides and the live lanes fill them
 * in. Only names, types and numbers leave here: never a key, header or URL.
 */
@ApplicationScoped
public class AdminLaneViews {

  @Inject ProviderRegistry registry;
  @Inject AdmissionGate gate;
  @Inject LaneSettingsService laneSettings;

  /** Every configured provider, in configuration order. */
  List<ProviderView> providers() {
    List<ProviderView> views = new ArrayList<>();
    for (ProviderSettings provider : registry.directory().providers()) {
      List<String> models =
          registry.directory().catalog().servedBy(provider.name()).stream()
              .map(ModelInfo::id)
              .toList();
      List<LaneView> lanes = new ArrayList<>();
      lanesOf(models).forEach((lane, laneModels) -> lanes.add(view(lane, laneModels)));
      views.add(
          new ProviderView(
              provider.name(),
              provider.type().name().toLowerCase(Locale.ROOT),
              provider.usable(),
              models,
              gate.breakers().view(provider.name()),
              lanes));
    }
    return views;
  }

  /** The lane's view; 404 problem when no catalog model's calls wait in it. */
  LaneView lane(String name) {
    return view(name, modelsOf(name));
  }

  /** 404 problem unless some catalog model's calls wait in the lane. */
  String known(String lane) {
    modelsOf(lane);
    return lane;
  }

  /** 404 problem unless the provider is configured. */
  String knownProvider(String provider) {
    return registry
        .directory()
        .provider(provider)
        .map(ProviderSettings::name)
        .orElseThrow(() -> ProblemException.notFound("provider", provider));
  }

  private LaneView view(String lane, List<String> models) {
    return new LaneView(
        lane,
        gate.providerOf(models.get(0)),
        models,
        LaneSettingsView.of(gate.configuredSettings(lane)),
        laneSettings.override(lane).map(LaneOverrideView::of).orElse(null),
        LaneSettingsView.of(gate.effectiveSettings(lane)),
        gate.existingLane(lane).map(Lane::snapshot).orElse(null));
  }

  private List<String> modelsOf(String lane) {
    List<String> all = registry.directory().catalog().all().stream().map(ModelInfo::id).toList();
    List<String> models = lanesOf(all).get(lane);
    if (models == null) {
      throw ProblemException.notFound("lane", lane);
    }
    return models;
  }

  /** Lane name to the models whose calls wait in it, in catalog order. */
  private Map<String, List<String>> lanesOf(List<String> models) {
    Map<String, List<String>> lanes = new LinkedHashMap<>();
    for (String model : models) {
      lanes.computeIfAbsent(gate.laneName(model), l -> new ArrayList<>()).add(model);
    }
    return lanes;
  }
}
