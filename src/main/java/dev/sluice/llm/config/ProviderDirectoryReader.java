package dev.sluice.llm.config;

import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.platform.config.ConfigView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads the whole provider configuration into a {@link ProviderDirectory}. */
public final class ProviderDirectoryReader {

  private ProviderDirectoryReader() {}

  public static ProviderDirectory read(
      ConfigView config, Function<ProviderSettings, LlmProvider> factory) {
    List<ProviderSettings> settings = new ProviderSettingsReader(config).read();
    List<String> names = settings.stream().map(ProviderSettings::name).toList();
    Map<String, String> defaults = new HashMap<>();
    for (String name : names) {
      config
          .get(ProviderSettingsReader.PREFIX + name + ".default-model")
          .ifPresent(m -> defaults.put(name, m));
    }
    return new ProviderDirectory(
        settings,
        new ModelCatalogReader(config).read(names),
        defaults,
        config.get("sluice.default-model", ProviderDirectory.AUTO),
        factory);
  }
}
