package dev.sluice.llm.config;

import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.ModelCatalog;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Knows which provider serves which model, which providers can be called, and the default model.
 * Adapters are created on first use and kept, so each provider has one HTTP client and pool.
 */
public final class ProviderDirectory {

  public static final String AUTO = "auto";

  private final Map<String, ProviderSettings> providers = new LinkedHashMap<>();
  private final ModelCatalog catalog;
  private final Function<ProviderSettings, LlmProvider> factory;
  private final Map<String, LlmProvider> adapters = new ConcurrentHashMap<>();
  private final String defaultModel;

  /**
   * @param defaultModels each provider's preferred model ({@code
   *     sluice.providers.<n>.default-model})
   * @param defaultModelSetting {@code sluice.default-model}: a model id, or {@link #AUTO}
   */
  public ProviderDirectory(
      List<ProviderSettings> settings,
      ModelCatalog catalog,
      Map<String, String> defaultModels,
      String defaultModelSetting,
      Function<ProviderSettings, LlmProvider> factory) {
    settings.forEach(s -> providers.put(s.name(), s));
    this.catalog = catalog;
    this.factory = factory;
    this.defaultModel = resolveDefault(defaultModels, defaultModelSetting);
  }

  public ModelCatalog catalog() {
    return catalog;
  }

  public String defaultModel() {
    return defaultModel;
  }

  public List<ProviderSettings> providers() {
    return List.copyOf(providers.values());
  }

  public Optional<ProviderSettings> provider(String name) {
    return Optional.ofNullable(providers.get(name));
  }

  /**
   * Whether calls for this model can go out: its provider is configured and has a key if needed.
   */
  public boolean available(ModelInfo model) {
    return provider(model.provider()).map(ProviderSettings::usable).orElse(false);
  }

  /** The adapter that serves a model; fails with a clear reason when none can. */
  public LlmProvider providerFor(String modelId) {
    ModelInfo model =
        catalog
            .find(modelId)
            .orElseThrow(() -> unavailable(modelId, "unknown model '" + modelId + "'"));
    ProviderSettings settings =
        provider(model.provider())
            .orElseThrow(
                () ->
                    unavailable(modelId, "provider '" + model.provider() + "' is not configured"));
    if (!settings.usable()) {
      throw unavailable(modelId, "provider '" + settings.name() + "' has no API key configured");
    }
    return adapters.computeIfAbsent(settings.name(), name -> factory.apply(settings));
  }

  private String resolveDefault(Map<String, String> defaultModels, String setting) {
    if (setting != null && !setting.isBlank() && !AUTO.equalsIgnoreCase(setting.trim())) {
      String id = setting.trim();
      if (catalog.find(id).isEmpty()) {
        throw new IllegalArgumentException("sluice.default-model: unknown model '" + id + "'");
      }
      return id;
    }
    // A real provider with a key wins; the simulated provider is the offline fallback.
    return firstDefault(defaultModels, false)
        .or(() -> firstDefault(defaultModels, true))
        .or(() -> catalog.all().stream().filter(this::available).map(ModelInfo::id).findFirst())
        .orElseThrow(() -> new IllegalArgumentException("no provider can serve any model"));
  }

  private Optional<String> firstDefault(Map<String, String> defaultModels, boolean simulated) {
    return providers.values().stream()
        .filter(p -> (p.type() == ProviderType.SIMULATED) == simulated)
        .filter(ProviderSettings::usable)
        .map(p -> defaultModels.get(p.name()))
        .filter(id -> id != null && catalog.find(id).isPresent())
        .findFirst();
  }

  private static LlmException unavailable(String model, String why) {
    return LlmException.builder(LlmErrorKind.PROVIDER_UNAVAILABLE, why).model(model).build();
  }
}
