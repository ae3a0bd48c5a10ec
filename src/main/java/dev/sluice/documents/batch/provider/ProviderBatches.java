package dev.sluice.documents.batch.provider;

import dev.sluice.admission.CallOrigin;
import dev.sluice.documents.analysis.AnalysisOptions;
import dev.sluice.documents.analysis.BatchableAnalyses;
import dev.sluice.documents.analysis.GatedDocumentAnalyzer;
import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.llm.Capability;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.Price;
import dev.sluice.llm.batch.ProviderBatchApi;
import dev.sluice.llm.config.ProviderDirectory;
import dev.sluice.llm.config.ProviderRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What provider mode needs of the rest of the server: which models can run in a provider batch,
 * their provider's batch API, the analyses in two halves, and what an answer costs at the batch
 * price and would have cost at the list price.
 */
@ApplicationScoped
public class ProviderBatches {

  @Inject ProviderRegistry providers;
  @Inject GatedDocumentAnalyzer analyzer;

  /** The model a batch of {@code model} runs on: itself, or the default model when null. */
  public String resolve(String model) {
    return model == null ? providers.directory().defaultModel() : model;
  }

  /**
   * Why a provider batch cannot run on {@code model} (null: the default model), safe to show; empty
   * when it can: the model has the batch capability and its provider a batch API.
   */
  public Optional<String> refusal(String model) {
    String id = resolve(model);
    ProviderDirectory directory = providers.directory();
    Optional<ModelInfo> info = directory.catalog().find(id);
    if (info.isEmpty()) {
      return Optional.of("unknown model '" + id + "'");
    }
    if (!info.get().capabilities().contains(Capability.BATCH)) {
      return Optional.of(
          "model '" + id + "' does not run in provider batches; see batchPrice in /api/models");
    }
    if (providers.batchApi(info.get().provider()).isEmpty()) {
      return Optional.of(
          "provider '" + info.get().provider() + "' of model '" + id + "' has no batch API");
    }
    if (!directory.available(info.get())) {
      return Optional.of("provider '" + info.get().provider() + "' is not usable (no API key)");
    }
    return Optional.empty();
  }

  public ModelInfo model(String id) {
    return providers
        .directory()
        .catalog()
        .find(id)
        .orElseThrow(() -> new IllegalStateException("unknown model '" + id + "'"));
  }

  /** The batch API of the provider of a model that passed {@link #refusal}. */
  public ProviderBatchApi api(ModelInfo model) {
    return providers
        .batchApi(model.provider())
        .orElseThrow(
            () -> new IllegalStateException("provider " + model.provider() + " has no batch API"));
  }

  public BatchableAnalyses analyses() {
    return analyzer.batchable();
  }

  /** The options the batch's analyses run with, as the interactive writer gives them. */
  public AnalysisOptions options(AnalysisBatch batch) {
    return new AnalysisOptions(
        resolve(batch.model()),
        batch.priority(),
        batch.customInstruction(),
        CallOrigin.document(false, batch.owner(), null, batch.id()));
  }

  /** What a provider batch's answer would have cost at its model's list price. */
  public BigDecimal listCost(ChatResult answer) {
    return providers
        .directory()
        .catalog()
        .find(answer.requestedModel())
        .map(ModelInfo::price)
        .orElse(Price.FREE)
        .cost(answer.usage());
  }

  /** What a provider batch's answer costs at its model's batch price. */
  public BigDecimal batchCost(ChatResult answer) {
    return providers
        .directory()
        .catalog()
        .find(answer.requestedModel())
        .flatMap(ModelInfo::providerBatchPrice)
        .orElse(Price.FREE)
        .cost(answer.usage());
  }
}
