package dev.sluice.llm.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.Capability;
import dev.sluice.llm.ModelCatalog;
import dev.sluice.llm.ModelInfo;
import dev.sluice.platform.config.ConfigView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCatalogReaderTest {

  @Test
  void shipsModelsOfEveryProvider() {
    ModelCatalog catalog = new ModelCatalogReader(ConfigView.of(Map.of())).read(List.of());

    assertThat(catalog.find("sim-large"))
        .get()
        .extracting(ModelInfo::provider)
        .isEqualTo("simulated");
    assertThat(catalog.find("gpt-4o-mini"))
        .get()
        .extracting(ModelInfo::provider)
        .isEqualTo("openai");
    assertThat(catalog.find("claude-sonnet-4-5")).isPresent();
    assertThat(catalog.find("sim-whisper").orElseThrow().can(Capability.TRANSCRIPTION)).isTrue();
  }

  @Test
  void addsModelsAProviderListsAndAppliesOverridesToDottedIds() {
    ModelCatalog catalog =
        new ModelCatalogReader(
                ConfigView.of(
                    Map.of(
                        "sluice.providers.ollama.models", "llama3.2, qwen2.5",
                        "sluice.model.llama3.2.context-window", "131072",
                        "sluice.model.llama3.2.capabilities", "streaming,vision",
                        "sluice.model.gpt-4o.input-price", "2.00")))
            .read(List.of("ollama"));

    ModelInfo llama = catalog.find("llama3.2").orElseThrow();
    assertThat(llama.provider()).isEqualTo("ollama");
    assertThat(llama.contextWindow()).isEqualTo(131072);
    assertThat(llama.capabilities())
        .containsExactlyInAnyOrder(Capability.STREAMING, Capability.VISION);
    assertThat(catalog.find("qwen2.5")).isPresent();
    assertThat(catalog.find("gpt-4o").orElseThrow().price().inputPerMillion())
        .isEqualByComparingTo("2.00");
    assertThat(catalog.find("gpt-4o").orElseThrow().price().outputPerMillion())
        .isEqualByComparingTo("10.00");
  }
}
