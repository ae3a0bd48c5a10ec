package dev.sluice.llm.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.Capability;
import dev.sluice.llm.ModelCatalog;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.Price;
import dev.sluice.platform.config.ConfigView;
import java.math.BigDecimal;
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

  @Test
  void theProvidersChatModelsRunInTheirBatchApisAtHalfPriceAndTheSimulatorsDoNot() {
    ModelCatalog catalog = new ModelCatalogReader(ConfigView.of(Map.of())).read(List.of());

    Price mini = catalog.find("gpt-4.1-mini").orElseThrow().providerBatchPrice().orElseThrow();
    assertThat(mini.inputPerMillion()).isEqualByComparingTo("0.20");
    assertThat(mini.outputPerMillion()).isEqualByComparingTo("0.80");
    assertThat(mini.cachedInputPerMillion()).isEqualByComparingTo("0.05");
    assertThat(catalog.find("claude-haiku-4-5").orElseThrow().providerBatchPrice())
        .get()
        .extracting(Price::outputPerMillion)
        .satisfies(p -> assertThat(p).isEqualByComparingTo("2.50"));
    for (ModelInfo model : catalog.all()) {
      // Whatever the catalog ships, a batch price is the list price halved.
      model
          .providerBatchPrice()
          .ifPresent(
              batch ->
                  assertThat(batch.inputPerMillion().multiply(BigDecimal.valueOf(2)))
                      .as(model.id())
                      .isEqualByComparingTo(model.price().inputPerMillion()));
    }
    assertThat(catalog.find("whisper-1").orElseThrow().providerBatchPrice()).isEmpty();
    assertThat(catalog.find("sim-large").orElseThrow().providerBatchPrice()).isEmpty();
  }

  @Test
  void batchPricesAndTheBatchCapabilityAreOverridden() {
    ModelCatalog catalog =
        new ModelCatalogReader(
                ConfigView.of(
                    Map.of(
                        "sluice.providers.simhttp.models", "gpt-sim",
                        "sluice.model.gpt-sim.capabilities", "streaming,batch",
                        "sluice.model.gpt-sim.input-price", "1.00",
                        "sluice.model.gpt-sim.output-price", "3.00",
                        "sluice.model.gpt-4o.batch-input-price", "1.10",
                        "sluice.model.gpt-4o-mini.capabilities", "streaming")))
            .read(List.of("simhttp"));

    Price served = catalog.find("gpt-sim").orElseThrow().providerBatchPrice().orElseThrow();
    // A list price given without its batch price: half of it.
    assertThat(served.inputPerMillion()).isEqualByComparingTo("0.50");
    assertThat(served.outputPerMillion()).isEqualByComparingTo("1.50");
    assertThat(served.cachedInputPerMillion()).isEqualByComparingTo("0");
    Price gpt4o = catalog.find("gpt-4o").orElseThrow().providerBatchPrice().orElseThrow();
    assertThat(gpt4o.inputPerMillion()).isEqualByComparingTo("1.10");
    assertThat(gpt4o.outputPerMillion()).isEqualByComparingTo("5.00");
    assertThat(catalog.find("gpt-4o-mini").orElseThrow().providerBatchPrice()).isEmpty();
  }
}
