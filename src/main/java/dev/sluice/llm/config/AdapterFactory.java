package dev.sluice.llm.config;

import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.anthropic.AnthropicProvider;
import dev.sluice.llm.openai.OpenAiProvider;
import dev.sluice.llm.simulated.SimulatedProvider;
import dev.sluice.llm.simulated.SimulatorSettings;
import dev.sluice.platform.config.ConfigView;

/** Creates the adapter for a provider's wire protocol. */
public final class AdapterFactory {

  private final ConfigView config;
  private final ProviderRuntime runtime;

  public AdapterFactory(ConfigView config, ProviderRuntime runtime) {
    this.config = config;
    this.runtime = runtime;
  }

  public LlmProvider create(ProviderSettings settings) {
    return switch (settings.type()) {
      case OPENAI -> new OpenAiProvider(settings, runtime);
      case ANTHROPIC -> new AnthropicProvider(settings, runtime);
      case SIMULATED -> new SimulatedProvider(settings, simulatorSettings(), runtime);
    };
  }

  private SimulatorSettings simulatorSettings() {
    return SimulatorSettings.from(key -> config.get("sluice.simulator." + key));
  }
}
