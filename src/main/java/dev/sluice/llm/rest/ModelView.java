package dev.sluice.llm.rest;

import dev.sluice.llm.Capability;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.Price;
import java.math.BigDecimal;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A catalog model as the API shows it. */
@Schema(name = "Model", description = "A model Sluice can call, with its limits and list price.")
public record ModelView(
    @Schema(example = "sim-large") String id,
    @Schema(description = "configured provider name", example = "simulated") String provider,
    @Schema(description = "its provider is configured and has a key (or needs none)")
        boolean available,
    @Schema(description = "used when a caller names no model") boolean isDefault,
    int contextWindow,
    int maxOutputTokens,
    Set<Capability> capabilities,
    PriceView price,
    @Schema(
            description =
                "price through the provider's batch API (mode provider of a document batch);"
                    + " absent when the model has no BATCH capability")
        PriceView batchPrice) {

  /** US dollars per million tokens. */
  @Schema(name = "Price", description = "List price in US dollars per million tokens.")
  public record PriceView(BigDecimal input, BigDecimal output, BigDecimal cachedInput) {

    static PriceView of(Price price) {
      return new PriceView(
          price.inputPerMillion(), price.outputPerMillion(), price.cachedInputPerMillion());
    }
  }

  static ModelView of(ModelInfo m, boolean available, boolean isDefault) {
    return new ModelView(
        m.id(),
        m.provider(),
        available,
        isDefault,
        m.contextWindow(),
        m.maxOutputTokens(),
        m.capabilities(),
        PriceView.of(m.price()),
        m.providerBatchPrice().map(PriceView::of).orElse(null));
  }
}
